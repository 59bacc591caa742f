/** One explained image in the demo report. */
export interface DemoRow {
  /** The image's file name. */
  readonly image: string;
  /** The true class names of its objects. */
  readonly truth: readonly string[];
  /** The predicted class's name. */
  readonly predicted: string;
  /** The predicted class's softmax score. */
  readonly score: number;
  /** For each method: the file of its overlay, its milliseconds, and the energy inside the
   * predicted class's object (undefined when no object is of that class). */
  readonly methods: readonly { readonly method: string; readonly overlay: string; readonly ms: number; readonly energy: number | undefined }[];
  /** The PCAM± fusion stages as one strip, drawn deepest first. */
  readonly strip: string;
  /** The layer of each stage, in forward order (the report lists them deepest first). */
  readonly stageLayers: readonly string[];
  /** For two-object images: one PCAM± map per object's class, with its energy on its own and on
   * the other object. */
  readonly perClass: readonly { readonly className: string; readonly overlay: string; readonly own: number; readonly other: number }[];
}
