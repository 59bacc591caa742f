/**
 * Offers bytes as a download with a file name.
 *
 * @param bytes - The file's contents.
 * @param name - The file name.
 * @param type - The MIME type.
 */
export function downloadBytes(bytes: Uint8Array | Blob, name: string, type: string): void {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes.slice()], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
