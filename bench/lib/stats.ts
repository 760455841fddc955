// Medians with their spread, and the few number formats the table uses.

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

/** A number with about three significant digits (0.412, 4.12, 41.2, 412, 4120). */
export function num(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toString();
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** `median [min–max] unit`. */
export function spread(s: Summary, unit: string): string {
  if (s.n === 0) return 'n/a';
  const u = unit ? ` ${unit}` : '';
  return s.n === 1 ? `${num(s.median)}${u}` : `${num(s.median)} [${num(s.min)}–${num(s.max)}]${u}`;
}

export const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
export const now = (): bigint => process.hrtime.bigint();

/** How long `fn` takes to settle, in ms. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = now();
  await fn();
  return elapsedMs(start);
}

/**
 * Runs every kind once per round, in turn, so that all of them see the same
 * machine; the first `warmup` rounds are not counted.
 */
export async function sampleInterleaved(kinds: Record<string, () => Promise<unknown>>, warmup: number, rounds: number): Promise<Record<string, Summary>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  for (let i = 0; i < warmup + rounds; i++) {
    for (const [kind, fn] of Object.entries(kinds)) {
      const ms = await timed(fn);
      if (i >= warmup) samples[kind]!.push(ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
}
