// Human text from process descriptions: titles and descriptions arrive as
// strings, as i18n maps ({en, fr}) from pygeoapi plugins, or as WPS-style
// lists of {value, lang}. The model gets one plain string, bounded in size.
import { isRecord, ownKeys, ownValue } from '../util/records.js';
import { sliceWhole, truncateWords } from '../util/text.js';

// Texts longer than this are cut before any other work, so a 10 MB description costs nothing.
const MAX_SOURCE_CHARS = 20_000;

const PREFERRED_LANGUAGE = 'en';

/** Plain text from a string, an i18n map or a list of localized strings; undefined when empty. */
export function plainText(value: unknown): string | undefined {
  const raw = pickText(value);
  if (raw === undefined) return undefined;
  const cleaned = cleanText(raw);
  return cleaned === '' ? undefined : cleaned;
}

function pickText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return pickFromList(value);
  if (isRecord(value)) return pickFromMap(value);
  return undefined;
}

function pickFromMap(map: Record<string, unknown>): string | undefined {
  // {value, lang} is one localized string, not a map of languages.
  const inner = ownValue(map, 'value') ?? ownValue(map, 'text');
  if (typeof inner === 'string') return inner;
  const keys = ownKeys(map);
  const preferred =
    keys.find((k) => k.toLowerCase() === PREFERRED_LANGUAGE) ?? keys.find((k) => k.toLowerCase().startsWith(`${PREFERRED_LANGUAGE}-`));
  const candidates = preferred === undefined ? keys : [preferred, ...keys];
  for (const key of candidates.slice(0, 50)) {
    const text = ownValue(map, key);
    if (typeof text === 'string' && text.trim() !== '') return text;
  }
  return undefined;
}

function pickFromList(list: unknown[]): string | undefined {
  const items = list.slice(0, 50);
  const localized = items.filter(isRecord);
  if (localized.length > 0) {
    const english = localized.find((item) => {
      const lang = ownValue(item, 'lang');
      return typeof lang === 'string' && lang.toLowerCase().startsWith(PREFERRED_LANGUAGE);
    });
    return pickFromMap(english ?? localized[0]);
  }
  const strings = items.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return strings.length > 0 ? strings.join(' ') : undefined;
}

// Anything cleanText would change besides the trim.
const NEEDS_CLEANING = /[\u0000-\u0008\u000b-\u001f\u007f]|[ \t]\n|\n\n\n/;

function cleanText(raw: string): string {
  if (raw.length <= MAX_SOURCE_CHARS && !NEEDS_CLEANING.test(raw)) return raw.trim();
  return (
    sliceWhole(raw, MAX_SOURCE_CHARS)
      .replace(/\r\n?/g, '\n')
      // Control characters other than newline and tab only confuse clients.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** Quotes an identifier for prose, keeping it short and on one line. */
export function quoteId(id: string): string {
  return `"${truncateWords(id.replace(/\s+/g, ' '), 60)}"`;
}
