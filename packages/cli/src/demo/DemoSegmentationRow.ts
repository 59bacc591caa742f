/** One image's segmentation in the demo report: the predicted labels and a map per object's class. */
export interface DemoSegmentationRow {
  /** The image's file name. */
  readonly image: string;
  /** The file of the predicted labels drawn over the image. */
  readonly labelMap: string;
  /**
   * For each object: its class, the file of the PCAM± map of "the class over its predicted
   * region" and the share of that map's energy inside the true object (both undefined when no
   * pixel is predicted as the class), and the intersection over union of the predicted region
   * with the object.
   */
  readonly objects: readonly {
    readonly className: string;
    readonly overlay: string | undefined;
    readonly energy: number | undefined;
    readonly regionIou: number;
  }[];
}
