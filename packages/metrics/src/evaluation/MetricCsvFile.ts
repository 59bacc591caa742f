/** One of the paper's CSV files, named and formatted, not yet written. */
export interface MetricCsvFile {
  /** The file name, such as `ins_auc_resnet18-pcampm.csv`. */
  readonly name: string;
  /** Its text. */
  readonly text: string;
}
