/** What an explanation asks for; anything left out comes from the page's controls. */
export interface ExplainChoice {
  /** The method id. */
  readonly method?: string;
  /** The class, or undefined for the top class. */
  readonly classIndex?: number;
  /** The layers, or undefined for the method's own. */
  readonly layers?: 'auto' | 'last' | readonly string[];
}
