/**
 * What `window.polycam.explain()` explains: a model and an image by URL (same origin, or another
 * origin that allows it with CORS), and how.
 */
export interface PageExplainRequest {
  /** The `.onnx` model's URL. */
  readonly modelUrl: string;
  /** The image's URL: any format the browser decodes (PNG, JPEG, WebP, GIF, AVIF, ...). */
  readonly imageUrl: string;
  /** A method id or alias, as `polycam methods` lists them (`pcam±`, `score-cam`, `rise`, ...). Default `pcam±`. */
  readonly method?: string;
  /** The class to explain. Default: the model's top class on the image. */
  readonly classIndex?: number;
  /** `auto`, `last` or layer names in forward order. Default: the method's own (as `polycam explain`). */
  readonly layers?: 'auto' | 'last' | readonly string[];
  /**
   * A metadata JSON's URL, in the bundled demo model's format (`classes`, `mean`, `std`).
   * Default: the bundled model's own metadata for the bundled model, none otherwise.
   */
  readonly metadataUrl?: string;
  /** The per-channel mean. Default: the metadata's, or ImageNet's for an RGB model. */
  readonly mean?: readonly number[];
  /** The per-channel standard deviation. Default: the metadata's, or ImageNet's for an RGB model. */
  readonly std?: readonly number[];
}
