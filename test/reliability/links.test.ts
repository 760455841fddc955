// Links in results: the bridge fetches a result's href (to inline a small
// image, or to serve an output as a resource) only from the OGC server's own
// origin or from origins allowed by --allowed-link-origins; and the upstream
// credentials go to the OGC server only. A second fault server on another
// port plays "another host" and records every header it is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallToolResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { echoProcess, sendJson, startFaultServer, type FaultServer, type RecordedRequest } from '../support/fault-server.js';
import { brief, startBridge, textOf, type InProcessBridge } from './bridge.js';

const TOKEN = 'tok-LINKS-5e3f9a1c77d04b2a';
// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function servesFiles(server: FaultServer): void {
  server.inject('GET', /^\/files\//, {
    kind: 'handle',
    handle: (req, res) => {
      if (req.path.endsWith('.png')) {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length });
        res.end(PNG);
      } else sendJson(res, 200, { secret: 'internal data', path: req.path });
    },
  });
}

/** Every header value of every request, as one text. */
function headerText(requests: RecordedRequest[]): string {
  return requests.map((r) => JSON.stringify(r.headers)).join('\n');
}

describe('links in results', () => {
  let other: FaultServer;
  let server: FaultServer;

  beforeAll(async () => {
    other = await startFaultServer();
    servesFiles(other);
    const o = other.origin;
    server = await startFaultServer({
      processes: [
        {
          description: echoProcess('linker', {
            outputs: {
              foreign_image: { title: 'Image elsewhere', schema: { type: 'string', contentMediaType: 'image/png' } },
              foreign_data: { title: 'Data elsewhere', schema: { type: 'object' } },
              tricky_userinfo: { title: 'Userinfo trick', schema: { type: 'object' } },
              protocol_relative: { title: 'Protocol-relative', schema: { type: 'object' } },
              file_scheme: { title: 'File', schema: { type: 'object' } },
              local_image: { title: 'Image here', schema: { type: 'string', contentMediaType: 'image/png' } },
              redirected_image: { title: 'Image here that redirects elsewhere', schema: { type: 'string', contentMediaType: 'image/png' } },
            },
          }),
          results: () => ({
            foreign_image: { href: `${o}/files/pic.png`, type: 'image/png' },
            foreign_data: { href: `${o}/files/data.json`, type: 'application/json' },
            tricky_userinfo: { href: `http://127.0.0.1:${server.port}@127.0.0.1:${other.port}/files/userinfo.json`, type: 'application/json' },
            protocol_relative: { href: `//127.0.0.1:${other.port}/files/relative.json`, type: 'application/json' },
            file_scheme: { href: 'file:///etc/passwd', type: 'text/plain' },
            local_image: { href: `${server.origin}/files/pic.png`, type: 'image/png' },
            redirected_image: { href: '/files/redirect.png', type: 'image/png' },
          }),
        },
      ],
    });
    servesFiles(server);
    server.inject('GET', '/files/redirect.png', { kind: 'redirect', location: `${o}/files/pic.png` });
  });
  afterAll(async () => {
    await server?.close();
    await other?.close();
  });

  async function runLinker(bridge: InProcessBridge): Promise<{ result: CallToolResult; jobId: string }> {
    await bridge.ctx.catalog.ready();
    const result = await bridge.call('linker', { message: 'go' });
    expect(result.isError, brief(result)).toBeFalsy();
    return { result, jobId: (result.structuredContent as { jobId: string }).jobId };
  }

  async function readOutput(bridge: InProcessBridge, jobId: string, outputId: string): Promise<ReadResourceResult | Error> {
    try {
      return await bridge.client.readResource({ uri: `ogc-job://${encodeURIComponent(jobId)}/results/${outputId}` });
    } catch (error) {
      return error as Error;
    }
  }

  it('never fetches a link to another host, by tool result or by resource, when nothing is allowed', async () => {
    const bridge = await startBridge(server.url, {}, { OGC_AUTH_TOKEN: TOKEN });
    try {
      const before = other.requests.length;
      const { result, jobId } = await runLinker(bridge);
      // The local image is inlined (fetched from the server itself, with its credentials)...
      expect(result.content.some((c) => c.type === 'image' && c.data === PNG.toString('base64'))).toBe(true);
      const local = server.requestsTo('GET', '/files/pic.png');
      expect(local.length).toBeGreaterThan(0);
      expect(local.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
      // ...the foreign ones stay links for the client to follow, or not.
      expect(result.content.some((c) => c.type === 'resource_link' && c.uri.includes(other.origin))).toBe(true);

      for (const output of ['foreign_image', 'foreign_data', 'tricky_userinfo', 'protocol_relative', 'file_scheme', 'redirected_image']) {
        const read = await readOutput(bridge, jobId, output);
        expect(read, output).toBeInstanceOf(Error);
        expect((read as Error).message, output).toMatch(/refused|only http/i);
      }
      expect(other.requests.length - before).toBe(0);
    } finally {
      await bridge.close();
    }
  });

  it('fetches from an allowed origin, without the upstream credentials, by any path', async () => {
    const bridge = await startBridge(server.url, { 'allowed-link-origins': other.origin }, { OGC_AUTH_TOKEN: TOKEN });
    try {
      const before = other.requests.length;
      const { result, jobId } = await runLinker(bridge);
      expect(result.content.filter((c) => c.type === 'image')).toHaveLength(3);
      for (const output of ['foreign_data', 'tricky_userinfo', 'protocol_relative', 'redirected_image']) {
        const read = await readOutput(bridge, jobId, output);
        expect(read, output).not.toBeInstanceOf(Error);
      }
      expect(await readOutput(bridge, jobId, 'file_scheme')).toBeInstanceOf(Error);
      const seen = other.requests.slice(before);
      expect(seen.length).toBeGreaterThanOrEqual(6);
      for (const request of seen) {
        expect(request.headers.authorization).toBeUndefined();
        expect(request.headers.cookie).toBeUndefined();
      }
      expect(headerText(seen)).not.toContain(TOKEN);
      // The userinfo of the crafted href is not sent as basic credentials either.
      expect(headerText(seen)).not.toMatch(/basic/i);
    } finally {
      await bridge.close();
    }
  });

  it('sends each kind of upstream credentials to the OGC server only', async () => {
    const secrets = {
      bearer: { env: { OGC_AUTH_TOKEN: TOKEN }, secret: TOKEN, header: 'authorization' },
      basic: { env: { OGC_USERNAME: 'alice', OGC_PASSWORD: 'pw-LINKS-9d8c7b6a' }, secret: Buffer.from('alice:pw-LINKS-9d8c7b6a').toString('base64'), header: 'authorization' },
      apiKey: { env: { OGC_API_KEY: 'key-LINKS-0f1e2d3c' }, secret: 'key-LINKS-0f1e2d3c', header: 'x-api-key' },
    };
    for (const [kind, { env, secret, header }] of Object.entries(secrets)) {
      const bridge = await startBridge(server.url, { 'allowed-link-origins': other.origin }, env);
      try {
        const before = { server: server.requests.length, other: other.requests.length };
        const { jobId } = await runLinker(bridge);
        await readOutput(bridge, jobId, 'foreign_data');
        await readOutput(bridge, jobId, 'redirected_image');
        const toServer = server.requests.slice(before.server);
        const toOther = other.requests.slice(before.other);
        expect(toOther.length, kind).toBeGreaterThan(0);
        // Every request to the OGC server carries the credentials; none elsewhere does.
        for (const request of toServer) expect(JSON.stringify(request.headers[header]), `${kind} ${request.path}`).toContain(secret);
        expect(headerText(toOther), kind).not.toContain(secret);
        const password = (env as Record<string, string>).OGC_PASSWORD;
        if (password) expect(headerText(toOther)).not.toContain(password);
      } finally {
        await bridge.close();
      }
    }
  });

  it('says why a refused link was not fetched', async () => {
    const bridge = await startBridge(server.url, {}, { OGC_AUTH_TOKEN: TOKEN });
    try {
      const { jobId } = await runLinker(bridge);
      const read = await readOutput(bridge, jobId, 'foreign_data');
      expect((read as Error).message).toContain('allowed-link-origins');
      // And the tool result itself points at the resource or the link, with nothing fetched.
      const results = await bridge.call('get_job_results', { job_id: jobId, output_id: 'foreign_data' });
      expect(results.isError, brief(results)).toBeFalsy();
      expect(textOf(results) + JSON.stringify(results.content)).toContain(other.origin);
    } finally {
      await bridge.close();
    }
  });
});
