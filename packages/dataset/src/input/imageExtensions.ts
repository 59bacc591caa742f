/**
 * The file extensions (lower case, with the dot) that a folder input counts as images: the
 * formats `polycam explain` reads.
 */
export const imageExtensions: readonly string[] = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.tif', '.tiff', '.avif', '.svg'];
