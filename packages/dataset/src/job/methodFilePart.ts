/**
 * A method id as a file-name part, as `polycam explain --out` names its files: `+` becomes `p`,
 * `±` becomes `pm`, a minus sign (a `-` not followed by a letter or digit) becomes `m`, a hyphen
 * between words stays, letters are lowered and any other character becomes `_`. So `pcam±` is
 * `pcampm`, `pcam-` is `pcamm`, `grad-cam` stays and `grad-cam++` is `grad-campp`.
 *
 * @param id - The method's id.
 * @returns The file-name part.
 */
export function methodFilePart(id: string): string {
  return id
    .toLowerCase()
    .replace(/\+/g, 'p')
    .replace(/±/g, 'pm')
    .replace(/-(?![a-z0-9])/g, 'm')
    .replace(/[^a-z0-9._-]/g, '_')
    .replace(/^\./, '_');
}
