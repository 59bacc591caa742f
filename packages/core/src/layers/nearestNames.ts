function editDistance(a: string, b: string): number {
  let previousRow = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previousRow[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previousRow[j]! + 1, row[j - 1]! + 1, substitution));
    }
    previousRow = row;
  }
  return previousRow[b.length]!;
}

/**
 * The candidates closest to a misspelt name, by edit distance, for "did you mean" messages.
 *
 * @param name - The name that was not found.
 * @param candidates - The names that exist.
 * @param count - How many to return at most.
 * @returns Up to `count` candidates, nearest first (ties keep the candidates' order).
 */
export function nearestNames(name: string, candidates: readonly string[], count = 3): string[] {
  return candidates
    .map((candidate, order) => ({ candidate, order, distance: editDistance(name, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, count)
    .map((entry) => entry.candidate);
}
