/**
 * The listing `polycam view` serves at `results/index.json`: what a folder of saved results
 * holds, with URLs the page can fetch.
 */
export interface SavedResults {
  /** The folder, as given to `polycam view`. */
  readonly folder: string;
  /** What wrote it: `polycam explain --out`, `polycam demo`, or a dataset run. */
  readonly kind: 'explain' | 'demo' | 'dataset' | 'files';
  /** The folder's own report, if it has one (the demo's `index.html`). */
  readonly report?: string;
  /** One entry per explained image. */
  readonly entries: readonly {
    /** A title: the image's file name, and the method. */
    readonly title: string;
    /** One line of what was found (class, score, passes). */
    readonly details: string;
    /** The saved overlay PNG. */
    readonly overlay?: string;
    /** The explained image, when the folder or its records point at it. */
    readonly image?: string;
    /** The model, when the records point at it; absent for the bundled model. */
    readonly model?: string;
    /** The saved map (`.npy`), when there is one. */
    readonly map?: string;
    /** The method, class and layers that ran, to explain again in the page. */
    readonly method?: string;
    /** The explained class. */
    readonly classIndex?: number;
    /** The layers fused. */
    readonly layers?: readonly string[];
  }[];
}
