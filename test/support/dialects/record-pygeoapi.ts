// Records what a live pygeoapi 0.21 answers, as fixtures under
// test/fixtures/recorded/pygeoapi-0.21/ (see the README there for the set-up).
// Run: npx tsx test/support/dialects/record-pygeoapi.ts http://127.0.0.1:5123
import path from 'node:path';
import { repoRoot } from '../repo.js';
import { Recorder, type RecordedExchange } from './recording.js';

const origin = (process.argv[2] ?? 'http://127.0.0.1:5123').replace(/\/$/, '');
const out = path.join(repoRoot, 'test/fixtures/recorded/pygeoapi-0.21');
const rec = new Recorder(origin, 'pygeoapi-0.21');

// What the bridge sends.
const JSON_ACCEPT = { accept: 'application/json' };
const RESULT_ACCEPT = { accept: 'application/json, */*;q=0.5' };
const ASYNC = { ...RESULT_ACCEPT, prefer: 'respond-async' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function jobIdOf(exchange: RecordedExchange): string {
  const location = exchange.response.headers.location;
  if (!location) throw new Error(`no Location in ${JSON.stringify(exchange.response)}`);
  return location.split('/').pop()!;
}

async function execute(processId: string, body: unknown, headers: Record<string, string>, note?: string) {
  return rec.send('POST', `/processes/${processId}/execution`, { headers, body, ...(note ? { note } : {}) });
}

/** Polls the job until it is finished (each poll recorded), at most `maxPolls` times. */
async function pollJob(jobId: string, intervalMs = 150, maxPolls = 60): Promise<RecordedExchange> {
  let last: RecordedExchange | undefined;
  for (let i = 0; i < maxPolls; i++) {
    last = await rec.send('GET', `/jobs/${jobId}`, { headers: JSON_ACCEPT });
    const status = (last.response.json as { status?: string } | undefined)?.status;
    if (status && !['accepted', 'running'].includes(status)) return last;
    await sleep(intervalMs);
  }
  return last!;
}

const processIds = ['hello-world', 'echo', 'shapely-functions', 'slow-count', 'always-fail', 'stats', 'min-max', 'to-csv', 'sync-only'];

async function main(): Promise<void> {
  rec.begin('discovery', 'Landing page, conformance, process list and every process description');
  await rec.send('GET', '/', { headers: JSON_ACCEPT });
  await rec.send('GET', '/conformance', { headers: JSON_ACCEPT });
  await rec.send('GET', '/processes', { headers: JSON_ACCEPT });
  await rec.send('GET', '/processes', { headers: JSON_ACCEPT, query: [['limit', '3']] });
  for (const id of processIds) await rec.send('GET', `/processes/${id}`, { headers: JSON_ACCEPT });

  rec.begin('execute-sync', 'Synchronous execution without Prefer: raw (default) and document responses, 200 with a Location header');
  let ex = await execute('hello-world', { inputs: { name: 'World' } }, RESULT_ACCEPT, 'no response field: raw {id, value}');
  ex = await execute('hello-world', { inputs: { name: 'World' }, response: 'raw' }, RESULT_ACCEPT);
  ex = await execute('hello-world', { inputs: { name: 'World', message: 'Hi.' }, response: 'document' }, RESULT_ACCEPT, 'document: {outputs:[{id, value}]}');
  const syncJob = jobIdOf(ex);
  await rec.send('GET', `/jobs/${syncJob}`, { headers: JSON_ACCEPT, note: 'the job behind a sync execution' });
  await rec.send('GET', `/jobs/${syncJob}/results`, { headers: RESULT_ACCEPT, note: 'its results, as stored' });
  await execute('hello-world', { inputs: { name: 'World' }, outputs: { echo: {} }, response: 'document' }, RESULT_ACCEPT, 'with outputs');
  await execute('echo', { inputs: { echoInput: 'abc' }, response: 'document' }, RESULT_ACCEPT);
  await execute('echo', { inputs: { echoInput: 'abc' } }, RESULT_ACCEPT);

  rec.begin('execute-sync-shapes', 'Results shapes of synchronous executions: bare object, list of {id, value}, text/csv, nested lists');
  await execute('stats', { inputs: { values: [3, 1, 2] } }, RESULT_ACCEPT, 'raw: a bare JSON object for the one declared output');
  await execute('stats', { inputs: { values: [3, 1, 2] }, response: 'document' }, RESULT_ACCEPT, 'document: {outputs:[{...}]} without id');
  await execute('min-max', { inputs: { values: [3, 1, 2] } }, RESULT_ACCEPT, 'raw: a list of {id, value}');
  await execute('min-max', { inputs: { values: [3, 1, 2] }, response: 'document' }, RESULT_ACCEPT, 'document: a list inside the outputs list');
  await execute('to-csv', { inputs: { rows: 3 } }, RESULT_ACCEPT, 'raw text/csv');
  await execute('to-csv', { inputs: { rows: 3 }, response: 'document' }, RESULT_ACCEPT, 'document of a bytes output: pygeoapi cannot serialise it (400)');
  await execute('shapely-functions', { inputs: { geoms: ['POINT (0 0)', 'POINT (1 1)'], operation: 'set:union', output_format: 'wkt' } }, RESULT_ACCEPT);
  await execute('shapely-functions', { inputs: { geoms: ['POINT (0 0)', 'POINT (3 4)'], operation: 'measurement:distance' }, response: 'document' }, RESULT_ACCEPT);
  await execute('shapely-functions', { inputs: { geoms: ['POINT (0 0)', 'POINT (1 1)'], operation: 'set:union' } }, RESULT_ACCEPT, 'a missing input the description does not require');

  rec.begin('prefer-variants', 'Prefer values other than exactly respond-async: pygeoapi compares the header as a string');
  await execute('hello-world', { inputs: { name: 'A' }, response: 'document' }, { ...RESULT_ACCEPT, prefer: 'respond-async, wait=5' }, 'respond-async with wait: runs synchronously');
  await execute('hello-world', { inputs: { name: 'B' }, response: 'document' }, { ...RESULT_ACCEPT, prefer: 'wait=5' });
  await execute('hello-world', { inputs: { name: 'C' }, response: 'document' }, { ...RESULT_ACCEPT, prefer: 'return=minimal' });
  await execute('hello-world', { inputs: { name: 'D' }, response: 'document' }, { ...RESULT_ACCEPT, prefer: 'Respond-Async' });
  await execute('sync-only', { inputs: { text: 'ab' } }, ASYNC, 'async asked of a sync-only process: Preference-Applied wait');
  await execute('slow-count', { inputs: { seconds: 1 }, response: 'document' }, { ...RESULT_ACCEPT, prefer: 'respond-async, wait=0' }, 'a 1 s process with respond-async, wait=0: still synchronous');

  rec.begin('execute-async', 'Asynchronous execution: 201 with {} and Location, polls, results in both response modes');
  ex = await execute('hello-world', { inputs: { name: 'World' }, response: 'document' }, ASYNC);
  let job = jobIdOf(ex);
  await pollJob(job);
  await rec.send('GET', `/jobs/${job}/results`, { headers: RESULT_ACCEPT });
  await rec.send('GET', `/jobs/${job}/results`, { headers: JSON_ACCEPT, query: [['f', 'json']] });
  ex = await execute('hello-world', { inputs: { name: 'World' } }, ASYNC, 'raw response asked, async');
  job = jobIdOf(ex);
  await pollJob(job);
  await rec.send('GET', `/jobs/${job}/results`, { headers: RESULT_ACCEPT });

  rec.begin('async-result-shapes', 'Stored results of async jobs: bare object, list of {id, value}, text/csv');
  for (const [pid, inputs] of [
    ['stats', { values: [3, 1, 2] }],
    ['min-max', { values: [3, 1, 2] }],
    ['to-csv', { rows: 3 }],
  ] as const) {
    for (const response of ['raw', 'document']) {
      ex = await execute(pid, { inputs, response }, ASYNC);
      job = jobIdOf(ex);
      await pollJob(job);
      await rec.send('GET', `/jobs/${job}/results`, { headers: RESULT_ACCEPT });
    }
  }

  rec.begin('running-job', 'A job that runs for 2 s: status while accepted/running, results before it finished, then after');
  ex = await execute('slow-count', { inputs: { seconds: 2 }, response: 'document' }, ASYNC);
  job = jobIdOf(ex);
  await rec.send('GET', `/jobs/${job}`, { headers: JSON_ACCEPT });
  await rec.send('GET', `/jobs/${job}/results`, { headers: RESULT_ACCEPT, note: 'results of a job not finished' });
  await sleep(700);
  await rec.send('GET', `/jobs/${job}`, { headers: JSON_ACCEPT });
  await rec.send('GET', `/jobs/${job}/results`, { headers: RESULT_ACCEPT, note: 'results of a running job' });
  await pollJob(job, 300);
  await rec.send('GET', `/jobs/${job}/results`, { headers: RESULT_ACCEPT });

  rec.begin('failed-job', 'A process that raises: async job failed, its results; the same synchronously; bad inputs');
  ex = await execute('always-fail', { inputs: { reason: 'no data for this area' }, response: 'document' }, ASYNC);
  job = jobIdOf(ex);
  await pollJob(job);
  await rec.send('GET', `/jobs/${job}/results`, { headers: RESULT_ACCEPT, note: 'results of a failed job' });
  await execute('always-fail', { inputs: { reason: 'no data for this area' }, response: 'document' }, RESULT_ACCEPT, 'sync failure');
  await execute('hello-world', { inputs: {} , response: 'document'}, RESULT_ACCEPT, 'missing required input, sync');
  await execute('stats', { inputs: { values: [] }, response: 'document' }, RESULT_ACCEPT, 'processor error, sync');

  rec.begin('dismiss', 'Dismissing a running job and a finished one; what follows');
  ex = await execute('slow-count', { inputs: { seconds: 2 }, response: 'document' }, ASYNC);
  job = jobIdOf(ex);
  await sleep(300);
  await rec.send('GET', `/jobs/${job}`, { headers: JSON_ACCEPT });
  await rec.send('DELETE', `/jobs/${job}`, { headers: JSON_ACCEPT, note: 'dismiss a running job' });
  await rec.send('GET', `/jobs/${job}`, { headers: JSON_ACCEPT });
  await rec.send('GET', `/jobs/${job}/results`, { headers: RESULT_ACCEPT });
  await rec.send('DELETE', `/jobs/${job}`, { headers: JSON_ACCEPT, note: 'dismiss again' });
  ex = await execute('hello-world', { inputs: { name: 'Gone' }, response: 'document' }, ASYNC);
  job = jobIdOf(ex);
  await pollJob(job);
  await rec.send('DELETE', `/jobs/${job}`, { headers: JSON_ACCEPT, note: 'dismiss a finished job' });
  await rec.send('GET', `/jobs/${job}`, { headers: JSON_ACCEPT });
  await sleep(2200);

  rec.begin('errors', 'Unknown process and job, malformed request');
  await rec.send('GET', '/processes/no-such-process', { headers: JSON_ACCEPT });
  await execute('no-such-process', { inputs: {} }, RESULT_ACCEPT);
  await rec.send('GET', '/jobs/no-such-job', { headers: JSON_ACCEPT });
  await rec.send('GET', '/jobs/no-such-job/results', { headers: RESULT_ACCEPT });
  await rec.send('DELETE', '/jobs/no-such-job', { headers: JSON_ACCEPT });
  await rec.send('POST', '/processes/hello-world/execution', { headers: { ...RESULT_ACCEPT, 'content-type': 'application/json' }, note: 'no body' });

  rec.begin('job-list', 'A busy job list: limit is applied before sorting (oldest first), status/processID/type ignored; next links walked');
  // Fill the list: 24 more jobs of several processes and outcomes.
  for (let i = 0; i < 24; i++) {
    const pid = ['hello-world', 'echo', 'stats', 'always-fail'][i % 4]!;
    const inputs = pid === 'hello-world' ? { name: `n${i}` } : pid === 'echo' ? { echoInput: `e${i}` } : pid === 'stats' ? { values: [i, 1] } : { reason: `r${i}` };
    const res = await fetch(`${origin}/processes/${pid}/execution`, {
      method: 'POST',
      headers: { ...ASYNC, 'content-type': 'application/json' },
      body: JSON.stringify({ inputs, response: 'document' }),
    });
    await res.arrayBuffer();
  }
  await sleep(800);
  await rec.send('GET', '/jobs', { headers: JSON_ACCEPT, note: 'no limit: the server default (10)' });
  await rec.send('GET', '/jobs', { headers: JSON_ACCEPT, query: [['limit', '5']] });
  await rec.send('GET', '/jobs', { headers: JSON_ACCEPT, query: [['limit', '5'], ['offset', '5']] });
  await rec.send('GET', '/jobs', { headers: JSON_ACCEPT, query: [['status', 'failed']] });
  await rec.send('GET', '/jobs', { headers: JSON_ACCEPT, query: [['processID', 'echo']] });
  await rec.send('GET', '/jobs', { headers: JSON_ACCEPT, query: [['limit', '3'], ['status', 'failed'], ['processID', 'always-fail']] });
  await rec.send('GET', '/jobs', { headers: JSON_ACCEPT, query: [['type', 'process'], ['limit', '2']] });
  // Walk every page of 20 by its next links.
  let next: string | undefined = '/jobs?limit=20';
  let pages = 0;
  while (next && pages < 10) {
    const url = new URL(next, origin);
    const page = await rec.send('GET', url.pathname, { headers: JSON_ACCEPT, query: [...url.searchParams.entries()] });
    const links = ((page.response.json as { links?: Array<{ rel: string; href: string }> }).links ?? []);
    next = links.find((l) => l.rel === 'next')?.href;
    pages++;
  }
  ex = await execute('hello-world', { inputs: { name: 'Newest' }, response: 'document' }, ASYNC, 'a new run');
  await pollJob(jobIdOf(ex));
  await rec.send('GET', '/jobs', { headers: JSON_ACCEPT, query: [['limit', '5']], note: 'right after the run: the run is not on the page' });

  rec.save(out);
  console.log(`saved ${rec.scenarios.length} scenarios in ${out}`);
}

await main();
