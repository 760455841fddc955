// Cutting text to a size. Every cut keeps surrogate pairs whole (an emoji cut
// in half becomes a replacement character in some clients) and marks itself
// with "…", so a reader can tell a cut text from a short one.

/** The first `length` UTF-16 units, one fewer when the cut would split a surrogate pair. */
export function sliceWhole(text: string, length: number): string {
  if (length <= 0) return '';
  if (length >= text.length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

export interface TruncateOptions {
  /** Cut at a word boundary when one is close to the limit (for prose). */
  atWord?: boolean;
}

/** Cuts a text to at most `max` characters, "…" included; texts that fit come back as they are. */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  if (text.length <= max) return text;
  if (max <= 1) return sliceWhole(text, Math.max(0, max));
  const hard = sliceWhole(text, max - 1);
  if (!options.atWord) return `${hard}…`;
  const space = hard.search(/\s\S*$/);
  const cut = space > max * 0.8 ? hard.slice(0, space) : hard;
  return `${cut.trimEnd()}…`;
}

/** truncate() at a word boundary: for prose a model reads (titles, descriptions). */
export function truncateWords(text: string, max: number): string {
  return truncate(text, max, { atWord: true });
}

/** True when a text says nothing but the name: "Min Val" for min_val, "Return Value" for return_value. */
export function sameWords(text: string, name: string): boolean {
  const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return words(text) === words(name);
}

/**
 * A message as a clause inside one of our sentences: trimmed, without its own
 * final full stop (servers such as Weaver end theirs with one); an ellipsis stays.
 */
export function asClause(message: string): string {
  return message.trim().replace(/(?<![.。])[.。]$/, '');
}
