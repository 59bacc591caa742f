import type { DatasetImage } from './DatasetImage.js';

/** What {@link listDatasetInput} found. */
export interface DatasetInput {
  /** How the input was given. */
  readonly kind: 'folder' | 'list' | 'manifest';
  /** The folder that the images' relative paths start from (absolute). */
  readonly root: string;
  /** The images, in a stable order (a folder's sorted by path; a list's or a manifest's as given). */
  readonly images: readonly DatasetImage[];
}
