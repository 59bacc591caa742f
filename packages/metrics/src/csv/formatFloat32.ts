/**
 * Writes a number as numpy prints a `float32` and pandas writes it to CSV: the shortest decimal
 * that reads back as the same float32 (`0.45907816`, not `0.4590781629085541`), positional for
 * magnitudes from 1e-4 up to 1e16 (`1.0`, `123.5`) and scientific with a two-digit exponent
 * outside (`1e-05`, `3.5e-08`).
 *
 * @param value - Any number; it is rounded to float32 first.
 * @returns The decimal text (`nan`, `inf` and `-inf` for the special values, as pandas writes).
 */
export function formatFloat32(value: number): string {
  const single = Math.fround(value);
  if (Number.isNaN(single)) return 'nan';
  if (!Number.isFinite(single)) return single > 0 ? 'inf' : '-inf';
  if (single === 0) return Object.is(single, -0) ? '-0.0' : '0.0';
  let shortest = single.toExponential(8);
  for (let digits = 1; digits <= 9; digits += 1) {
    const candidate = single.toExponential(digits - 1);
    if (Math.fround(Number(candidate)) === single) {
      shortest = candidate;
      break;
    }
  }
  const [mantissa, exponentText] = shortest.split('e') as [string, string];
  const exponent = Number(exponentText);
  if (Math.abs(single) < 1e-4 || Math.abs(single) >= 1e16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const text = String(Number(shortest));
  return text.includes('.') ? text : `${text}.0`;
}
