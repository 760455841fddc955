// Part 1 2.0's `Prefer: return=minimal|representation`, spoken by the client
// only when asked for: against the demo server in 2.0 mode, through a
// recording proxy that shows the headers as sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { OgcClient } from '../../src/ogc/client.js';
import { isLinkValue } from '../../src/ogc/models.js';
import { preferHeader } from '../../src/ogc/execution.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

describe('preferHeader', () => {
  it('sends respond-async exactly as it is when nothing else is asked', () => {
    expect(preferHeader({ respondAsync: true })).toBe('respond-async');
    expect(preferHeader({})).toBeUndefined();
  });

  it('joins wait and return to it, and return alone when asked alone', () => {
    expect(preferHeader({ respondAsync: true, waitSeconds: 7.9 })).toBe('respond-async, wait=7');
    expect(preferHeader({ respondAsync: true, waitSeconds: -3, return: 'minimal' })).toBe('respond-async, wait=0, return=minimal');
    expect(preferHeader({ return: 'representation' })).toBe('return=representation');
    // wait means nothing without respond-async.
    expect(preferHeader({ waitSeconds: 5 })).toBeUndefined();
  });
});

describe('return preference against a 2.0 server', () => {
  let demo: DemoServer;
  let proxy: FaultServer;
  let client: OgcClient;
  const PRIMES = { inputs: { min_val: 0, max_val: 20 } };

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, apiVersion: '2.0' });
    proxy = await startFaultServer({ proxyTo: demo.url });
    client = new OgcClient({ baseUrl: proxy.url });
  });
  afterAll(async () => {
    await client?.close();
    await proxy?.close();
    await demo?.close();
  });

  const preferOf = (method: string, path: RegExp) => proxy.requestsTo(method, path).map((r) => r.headers.prefer);

  it('asks for the outputs by reference, and keeps asking at the results the 303 points to', async () => {
    const execution = await client.executeProcess('primes_between', PRIMES, { mode: 'sync', returnPreference: 'minimal' });
    expect(execution.mode).toBe('sync');
    expect(execution.preferenceApplied).toBe('return=minimal');
    expect(isLinkValue(execution.results?.return_value)).toBe(true);
    expect(preferOf('POST', /execution$/).at(-1)).toBe('return=minimal');
    expect(preferOf('GET', /\/results$/).at(-1)).toBe('return=minimal');
    // The 303's Location is the results; the job is the one its Link rel=monitor names.
    const job = await client.getJob(execution.job.jobID);
    expect(job).toMatchObject({ jobID: execution.job.jobID, status: 'successful', processID: 'primes_between' });
  });

  it('gets a finished job\'s results by reference or by value, as asked', async () => {
    const started = await client.executeProcess('primes_between', PRIMES, { mode: 'async' });
    const job = await client.waitForJob(started.job.jobID, { initialIntervalMs: 5 });
    expect(job.status).toBe('successful');
    const minimal = await client.getJobResults(job.jobID, { returnPreference: 'minimal' });
    expect(isLinkValue(minimal.return_value)).toBe(true);
    const whole = await client.getJobResults(job.jobID, { returnPreference: 'representation' });
    expect(whole.return_value).toEqual([2, 3, 5, 7, 11, 13, 17, 19]);
    expect(preferOf('GET', /\/results$/).slice(-2)).toEqual(['return=minimal', 'return=representation']);
  });

  it('sends no return preference unless asked (respond-async stays exact)', async () => {
    await client.executeProcess('primes_between', PRIMES, { mode: 'async' });
    expect(preferOf('POST', /execution$/).at(-1)).toBe('respond-async');
    const plain = await client.executeProcess('primes_between', PRIMES, { mode: 'sync' });
    expect(plain.results?.return_value).toEqual([2, 3, 5, 7, 11, 13, 17, 19]);
    expect(preferOf('POST', /execution$/).at(-1)).toBeUndefined();
  });

  it('calls a 303 without a Location what it is: an unexpected redirect', async () => {
    proxy.inject('POST', /execution$/, { kind: 'respond', status: 303 }, { times: 1 });
    await expect(client.executeProcess('primes_between', PRIMES, { mode: 'sync' })).rejects.toThrow(/unexpected HTTP 303/);
  });
});
