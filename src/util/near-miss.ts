// "Did you mean ...?": the known words closest to one that matched nothing
// (a mistyped flag, command, setting or process id).

/** Edit distance with transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...new Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * Up to `max` candidates close to `word`, closest first: within an edit
 * distance of a third of the word's length (at least 2), or containing it,
 * or contained in it.
 */
export function closestMatches(word: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = word.toLowerCase();
  if (lower === '') return [];
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored: Array<[string, number]> = [];
  for (const candidate of new Set(candidates)) {
    const c = candidate.toLowerCase();
    const distance = editDistance(lower, c);
    const related = lower.length >= 3 && (c.includes(lower) || lower.includes(c));
    if (distance <= limit || related) scored.push([candidate, related ? Math.min(distance, limit) : distance]);
  }
  return scored.sort((p, q) => p[1] - q[1] || p[0].localeCompare(q[0])).slice(0, max).map(([c]) => c);
}
