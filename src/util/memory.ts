// Large bodies (a result of tens of MB) pass through several forms in turn:
// bytes, text, parsed value, the reply sent on. V8 frees each only at its next
// garbage collection, and a process that allocates little in between may not
// collect for a long time, so the forms pile up: a 50 MB output once held
// about five copies at its peak. Past LARGE_BODY_BYTES the bridge asks for a
// collection between the steps, which keeps the peak near two copies. The
// cost, a full collection of a small heap (milliseconds), is paid only for
// bodies that large.
import v8 from 'node:v8';
import vm from 'node:vm';

export const LARGE_BODY_BYTES = 8 * 1024 * 1024;

type Collector = (options?: { type?: 'major' | 'minor' }) => void;

let gc: Collector | null | undefined;

/** Node's gc(), made available once without --expose-gc; null where that is impossible. */
function collector(): Collector | null {
  if (gc !== undefined) return gc;
  const exposed = (globalThis as { gc?: Collector }).gc;
  if (typeof exposed === 'function') return (gc = exposed);
  try {
    // The flag applies to contexts created after it: a new one hands out gc().
    v8.setFlagsFromString('--expose-gc');
    const fn = vm.runInNewContext('gc') as unknown;
    gc = typeof fn === 'function' ? (fn as Collector) : null;
  } catch {
    gc = null;
  }
  return gc;
}

/** Collects garbage when `bytes` (the size of the body just handled, or about to be) is large. */
export function collectAfterLargeBody(bytes: number): void {
  if (bytes < LARGE_BODY_BYTES) return;
  const collect = collector();
  // Twice: a buffer's memory goes back to the system only at the collection after the one that found it dead.
  collect?.();
  collect?.();
}

/**
 * A young-generation collection (a fraction of a millisecond): while a large
 * body streams in, the chunks already copied are garbage; freed at once, their
 * memory is reused for the next ones instead of growing the process.
 */
export function collectYoungGarbage(): void {
  collector()?.({ type: 'minor' });
}
