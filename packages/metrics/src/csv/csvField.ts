/**
 * Quotes a CSV field only when it must be (it holds a comma, a quote or a line break), doubling
 * inner quotes, as Python's csv module does by default (`QUOTE_MINIMAL`).
 *
 * @internal
 * @returns The field as it goes in the file.
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
