// Text -> search terms. Process ids come in every style (snake_case,
// kebab-case, CamelCase, dotted, "S3slstr"), titles and keywords in prose; both
// sides of a search go through the same analysis, so "Sentinel-2",
// "sentinel2" and "sentinel_2" meet, and so do "gaps" and "gap".

const STOPWORDS = new Set(
  'a an and are as at be by can do does for from how i in into is it its me my of on or per please that the this to use using want which with you'.split(' '),
);

// Ids and keywords are short; a description is cut to this before analysis.
const MAX_TEXT = 4000;

/** The terms of a text, in order, with repeats (term frequency matters). */
export function termsOf(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const spaced = text
    .slice(0, MAX_TEXT)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // CamelCase and acronym boundaries: "ChangeS2" -> "Change S2", "EOLab" -> "EO Lab".
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  const terms: string[] = [];
  for (const chunk of spaced.split(/[\s,;:()[\]{}"'!?<>|*=+&]+/)) {
    const parts = chunk.split(/[^a-z0-9]+/).filter((p) => p !== '');
    for (const part of parts) pushPart(terms, part);
    // "Sentinel-2", "co-register", "sleep_a_while" also as one word.
    if (parts.length > 1 && parts.length <= 4) {
      const joined = parts.join('');
      if (joined.length <= 24) terms.push(stem(joined));
    }
  }
  return terms;
}

function pushPart(terms: string[], part: string): void {
  if (STOPWORDS.has(part)) return;
  if (part.length === 1 && !/\d/.test(part)) return;
  terms.push(stem(part));
  // "sentinel2" and "s3slstr" also by their letter and digit runs.
  const runs = part.match(/[a-z]+|\d+/g);
  if (runs && runs.length > 1) {
    for (const run of runs) if (/\d/.test(run) || (run.length >= 3 && !STOPWORDS.has(run))) terms.push(stem(run));
  }
}

/** A light English suffix stripper: plurals, -ing, -ed. Words with digits stay as they are. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 5) return undouble(word.slice(0, -2));
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function undouble(word: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(word) && !/(ll|ss|zz)$/.test(word) ? word.slice(0, -1) : word;
}

/** How well two different terms match: 0.7 for a prefix of at least 4 letters, 0.5 for 6 letters in common. */
export function partialMatch(queryTerm: string, term: string): number {
  const shorter = Math.min(queryTerm.length, term.length);
  if (shorter < 4 || /\d/.test(queryTerm) || /\d/.test(term)) return 0;
  let common = 0;
  while (common < shorter && queryTerm.charCodeAt(common) === term.charCodeAt(common)) common++;
  if (common === shorter) return 0.7;
  return common >= 6 ? 0.5 : 0;
}
