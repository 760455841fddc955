// A server with 1,000 synthetic processes, as the start-up benchmarks use it.
import { describe, expect, it } from 'vitest';
import { call, execute, useDemoServer } from './helpers.js';

const server = useDemoServer({ syntheticProcesses: 1000 });

describe('synthetic processes', () => {
  it('lists the built-in processes followed by synthetic_0001..synthetic_1000', async () => {
    const list = (await call(`${server().url}processes`)).body.processes.map((p: any) => p.id);
    expect(list).toHaveLength(1009);
    expect(list[9]).toBe('synthetic_0001');
    expect(list.at(-1)).toBe('synthetic_1000');
    expect(new Set(list).size).toBe(list.length);
  });

  it('serves the same bytes for repeated list requests (cached) and pages them', async () => {
    const a = await call(`${server().url}processes`);
    const b = await call(`${server().url}processes`);
    expect(a.text).toBe(b.text);
    const page = await call(`${server().url}processes?limit=100&offset=1000`);
    expect(page.body.links.some((l: any) => l.rel === 'next')).toBe(false);
    expect(page.body.processes.map((p: any) => p.id)).toEqual(
      Array.from({ length: 9 }, (_, i) => `synthetic_${String(992 + i).padStart(4, '0')}`),
    );
  });

  it('describes and runs a synthetic process with typed inputs', async () => {
    const description = (await call(`${server().url}processes/synthetic_0500`)).body;
    expect(Object.keys(description.inputs)).toEqual(['count', 'scale', 'label', 'mode', 'verbose']);
    const reply = await execute(server(), 'synthetic_0500', { inputs: { count: 4, scale: 0.5, label: 'half' } });
    expect(reply.body).toEqual({ return_value: 'half: 2 (fast, synthetic_0500)' });
    const bad = await execute(server(), 'synthetic_0500', { inputs: { mode: 'slow' } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('Input \'mode\' = "slow" is not one of "fast", "exact"');
  });
});
