import { QUICK_JOB_CONTROL, type DemoProcess } from './types.js';

/** Sieve of Eratosthenes over [min, max]; the reference's algorithm reports two steps. */
function primesInRange(min: number, max: number, report: (message: string) => void): number[] {
  report('Step 1: Generate sieve up to sqrt(max_val)');
  const limit = Math.floor(Math.sqrt(max));
  const small = new Uint8Array(limit + 1).fill(1);
  const basePrimes: number[] = [];
  for (let n = 2; n <= limit; n++) {
    if (!small[n]) continue;
    basePrimes.push(n);
    for (let m = n * n; m <= limit; m += n) small[m] = 0;
  }
  report('Step 2: Create the sieve for the range [min_val, max_val]');
  const from = Math.max(2, min);
  const isPrime = new Uint8Array(Math.max(0, max - from + 1)).fill(1);
  for (const p of basePrimes) {
    for (let m = Math.max(p * p, Math.ceil(from / p) * p); m <= max; m += p) isPrime[m - from] = 0;
  }
  const primes: number[] = [];
  for (let i = 0; i < isPrime.length; i++) if (isPrime[i]) primes.push(from + i);
  return primes;
}

export const primesBetween: DemoProcess = {
  id: 'primes_between',
  title: 'Prime Processor',
  description: 'Returns the list of prime numbers between a `min_val` and `max_val`.',
  version: '0.0.0',
  jobControlOptions: QUICK_JOB_CONTROL,
  outputTransmission: ['value'],
  inputs: {
    min_val: { title: 'Min Val', minOccurs: 0, schema: { type: 'integer', minimum: 0, default: 0 } },
    max_val: { title: 'Max Val', minOccurs: 0, schema: { type: 'integer', maximum: 100, default: 100 } },
  },
  outputs: {
    return_value: { title: 'Return Value', schema: { type: 'array', items: { type: 'integer' } } },
  },
  async run(inputs, ctx) {
    const min = inputs.min_val as number;
    const max = inputs.max_val as number;
    // A run-time failure rather than a 400, exactly as the reference behaves.
    if (max < 2 || max <= min) throw new Error('max_val must be greater 1 and greater min_val');
    const primes = primesInRange(min, max, (message) => ctx.reportProgress(undefined, message));
    ctx.reportProgress(100, 'Done');
    return { return_value: primes };
  },
};
