// Upstream credentials never reach the model or the logs. The built CLI runs
// over stdio with a bearer token, basic credentials or an API key against a
// fault server that echoes whatever credentials it receives into everything
// it can: process descriptions, error bodies (JSON, HTML, text), job
// messages, results, hrefs. A whole scenario is run and everything captured
// (every JSON-RPC answer, every error, every log notification, all of
// stderr) is searched for the secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { echoProcess, sendJson, startFaultServer, type FaultServer, type RecordedRequest } from '../support/fault-server.js';
import { spawnStdio } from './spawned.js';

const USER = 'alice';
const AUTHS: { kind: string; env: Record<string, string>; secrets: string[] }[] = [
  { kind: 'bearer token', env: { OGC_AUTH_TOKEN: 'tok-SECRETS-7c1d2e3f4a5b6c7d' }, secrets: ['tok-SECRETS-7c1d2e3f4a5b6c7d'] },
  {
    kind: 'basic credentials',
    env: { OGC_USERNAME: USER, OGC_PASSWORD: 'pw-SECRETS-0a9b8c7d6e5f' },
    secrets: ['pw-SECRETS-0a9b8c7d6e5f', Buffer.from(`${USER}:pw-SECRETS-0a9b8c7d6e5f`).toString('base64')],
  },
  { kind: 'API key', env: { OGC_API_KEY: 'key-SECRETS-1f2e3d4c5b6a' }, secrets: ['key-SECRETS-1f2e3d4c5b6a'] },
];

/** What the server was sent as credentials, whichever header carried them. */
function credentialsOf(req: RecordedRequest): string {
  return [req.headers.authorization, req.headers['x-api-key']].filter((v) => typeof v === 'string').join(' ');
}

/** A server that echoes the credentials it gets into every answer it can. */
async function startLeakyServer(): Promise<FaultServer> {
  const server = await startFaultServer({
    processes: [
      { description: echoProcess('whoami') },
      { description: echoProcess('fails_loudly') },
      { description: echoProcess('leaky_description') },
    ],
  });
  const base = server.url;
  const echo = (req: RecordedRequest) => credentialsOf(req);
  server.inject('GET', '/processes/leaky_description', {
    kind: 'handle',
    handle: (req, res) => sendJson(res, 200, echoProcess('leaky_description', { title: `Leaky ${echo(req)}`, description: `Called with ${echo(req)}` })),
  });
  server.inject('GET', '/conformance', {
    kind: 'handle',
    handle: (req, res) => sendJson(res, 401, { title: 'Unauthorized', status: 401, detail: `credentials ${echo(req)} expired` }, { 'www-authenticate': `Bearer realm="${echo(req)}"` }),
  });
  server.inject('POST', '/processes/whoami/execution', {
    kind: 'handle',
    handle: (req, res) => {
      const jobID = 'job-who';
      server.ogc.jobs.set(jobID, {
        jobID,
        processID: 'whoami',
        status: 'successful',
        polls: 0,
        behaviour: { kind: 'succeed' },
        created: new Date().toISOString(),
        message: `ran as ${echo(req)}`,
        results: {
          return_value: `you are ${echo(req)}`,
          nested: { value: { headers: req.headers }, mediaType: 'application/json' },
          link: { href: `${base}files/report.json?auth=${encodeURIComponent(echo(req))}`, type: 'application/json' },
          text: { value: `plain ${echo(req)}`, mediaType: 'text/plain' },
        },
      });
      sendJson(res, 201, { jobID, processID: 'whoami', status: 'successful', type: 'process', message: `started by ${echo(req)}` }, { location: `${base}jobs/${jobID}` });
    },
  });
  server.inject('GET', /^\/files\//, {
    kind: 'handle',
    handle: (req, res) => sendJson(res, 200, { youSent: echo(req), query: req.url }),
  });
  server.inject('POST', '/processes/fails_loudly/execution', {
    kind: 'handle',
    handle: (req, res) => sendJson(res, 500, { type: 'about:blank', title: 'Boom', status: 500, detail: `cannot run with ${echo(req)}` }),
  });
  server.inject('GET', '/jobs/job-html', {
    kind: 'handle',
    handle: (req, res) => {
      const body = `<html><head><title>Bad Gateway ${echo(req)}</title></head><body>upstream said ${echo(req)}</body></html>`;
      res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
  });
  server.inject('GET', '/jobs/job-text', {
    kind: 'handle',
    handle: (req, res) => {
      const body = `denied: ${echo(req)}`;
      res.writeHead(403, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
  });
  server.inject('GET', '/jobs/job-failed', {
    kind: 'handle',
    handle: (req, res) => sendJson(res, 200, { jobID: 'job-failed', status: 'failed', message: `failed for ${echo(req)}`, processID: 'whoami' }),
  });
  server.inject('GET', '/jobs/job-failed/results', {
    kind: 'handle',
    handle: (req, res) => sendJson(res, 500, { title: 'Exception', detail: `Traceback: token=${echo(req)}` }),
  });
  server.inject('GET', '/jobs', {
    kind: 'handle',
    handle: (req, res) =>
      sendJson(res, 200, { jobs: [{ jobID: 'job-failed', status: 'failed', message: `listed for ${echo(req)}`, processID: 'whoami' }], links: [] }),
  });
  server.inject('DELETE', /^\/jobs\//, {
    kind: 'handle',
    handle: (req, res) => sendJson(res, 403, { title: 'Forbidden', detail: `${echo(req)} may not dismiss` }),
  });
  return server;
}

/** Runs everything a session can do, returning all it saw. */
async function scenario(client: Client): Promise<unknown[]> {
  const seen: unknown[] = [];
  const record = async (what: string, run: () => Promise<unknown>) => {
    try {
      seen.push({ what, answer: await run() });
    } catch (error) {
      seen.push({ what, error: error instanceof Error ? { message: error.message, data: (error as { data?: unknown }).data } : String(error) });
    }
  };
  await record('tools/list', () => client.listTools());
  await record('resource templates', () => client.listResourceTemplates());
  const call = (name: string, args: Record<string, unknown>) => record(name, () => client.callTool({ name, arguments: args }));
  await call('get_server_info', {});
  await call('list_processes', {});
  await call('describe_process', { process_id: 'leaky_description' });
  await call('whoami', { message: 'hi' });
  await call('execute_process', { process_id: 'whoami', inputs: { message: 'again' } });
  await call('fails_loudly', { message: 'x' });
  await call('leaky_description', { message: 'x' });
  await call('get_job', { job_id: 'job-who' });
  await call('get_job_results', { job_id: 'job-who' });
  await call('get_job_results', { job_id: 'job-who', output_id: 'link' });
  await call('get_job', { job_id: 'job-html' });
  await call('get_job', { job_id: 'job-text' });
  await call('get_job', { job_id: 'job-failed' });
  await call('get_job_results', { job_id: 'job-failed' });
  await call('list_jobs', {});
  await call('dismiss_job', { job_id: 'job-who' });
  for (const uri of ['ogc-job://job-who/results', 'ogc-job://job-who/results/link', 'ogc-job://job-who/results/nested', 'ogc-job://job-who/results/text', 'ogc-job://job-html/results', 'ogc-job://job-failed/results']) {
    await record(`read ${uri}`, () => client.readResource({ uri }));
  }
  return seen;
}

describe('upstream credentials stay secret', () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startLeakyServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(AUTHS)('with a $kind, across a whole scenario run', async ({ env, secrets }) => {
    const before = server.requests.length;
    const cli = await spawnStdio(['--server-url', server.url, '--wait-seconds', '2', '--timeout-seconds', '5'], { ...env, LOG_LEVEL: 'debug' });
    const logs: unknown[] = [];
    try {
      cli.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push(n.params));
      await cli.client.setLoggingLevel('debug');
      const seen = await scenario(cli.client);
      const everything = JSON.stringify({ seen, logs }) + cli.stderr();
      // The scenario really ran into the echoes: the server got the credentials and answered with them.
      const sent = server.requests.slice(before).map(credentialsOf);
      expect(sent.some((c) => c.includes(secrets.at(-1)!))).toBe(true);
      expect(everything).toContain('***');
      // Where each secret shows up, by the step that showed it (none expected).
      const leaks = [...seen.map((s) => ['step', s] as const), ['logs', logs] as const, ['stderr', cli.stderr()] as const].flatMap(([kind, item]) => {
        const text = typeof item === 'string' ? item : JSON.stringify(item);
        return secrets
          .flatMap((secret) => [secret, encodeURIComponent(secret)])
          .filter((form) => text.includes(form))
          .map((form) => `${kind === 'step' ? (item as { what: string }).what : kind}: ${text.slice(Math.max(0, text.indexOf(form) - 120), text.indexOf(form) + form.length + 20)}`);
      });
      expect(leaks).toEqual([]);
      for (const secret of secrets) expect(everything).not.toContain(secret);
    } finally {
      await cli.close();
    }
  });
});
