// The Prefer request header (RFC 7240) as the demo server reads it: whether
// the client prefers asynchronous processing, how long it is willing to wait
// for a synchronous answer, and whether it wants minimal or full responses.

export interface Preferences {
  respondAsync: boolean;
  /** Seconds, from `wait=N`. */
  waitSeconds?: number;
  return?: 'minimal' | 'representation';
}

/** The longest `wait` the demo honours, whatever the client asks. */
export const MAX_WAIT_SECONDS = 600;

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Preferences = { respondAsync: false };
  if (!header) return prefs;
  const values = Array.isArray(header) ? header.join(',') : header;
  for (const item of values.split(',')) {
    const token = item.split(';')[0]!.trim();
    const eq = token.indexOf('=');
    const name = (eq < 0 ? token : token.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : token.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (name === 'respond-async') prefs.respondAsync = true;
    else if (name === 'wait' && /^\d+(\.\d+)?s?$/.test(value)) prefs.waitSeconds = Math.min(Number.parseFloat(value), MAX_WAIT_SECONDS);
    else if (name === 'return' && (value === 'minimal' || value === 'representation')) prefs.return = value;
  }
  return prefs;
}

/** The Preference-Applied value for what was honoured (undefined: nothing). */
export function appliedPreferences(applied: { respondAsync?: boolean; waitSeconds?: number; return?: string }): string | undefined {
  const parts: string[] = [];
  if (applied.respondAsync) parts.push('respond-async');
  if (applied.waitSeconds !== undefined) parts.push(`wait=${applied.waitSeconds}`);
  if (applied.return) parts.push(`return=${applied.return}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
