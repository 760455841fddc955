// The MCP App over MCP: the ui:// resource and the tool links appear for a
// client that declares io.modelcontextprotocol/ui, and nothing changes for one
// that does not.
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { UI_RESOURCE_URI } from '../../src/mcp/app-resource.js';
import { openSession, type Session } from './mcp-session.js';

const uriOf = (tool: Tool | undefined) => (tool?._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri;

describe('MCP App resource and tool links', () => {
  let demo: DemoServer;
  let apps: Session;
  let plain: Session;

  beforeAll(async () => {
    demo = await startDemoServer({ port: 0, host: '127.0.0.1' });
    apps = await openSession(demo.url, { apps: true });
    plain = await openSession(demo.url, { apps: false });
  });
  afterAll(async () => {
    await apps?.close();
    await plain?.close();
    await demo?.close();
  });

  it('links the view from every process tool, execute_process and get_job_results, and from nothing else', async () => {
    const { tools } = await apps.client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    const processTools = tools.filter((t) => typeof t._meta?.['ogc-processes-mcp/processId'] === 'string');
    expect(processTools.length).toBeGreaterThan(5);
    for (const t of processTools) expect(uriOf(t)).toBe(UI_RESOURCE_URI);
    expect(uriOf(byName.get('execute_process'))).toBe(UI_RESOURCE_URI);
    expect(uriOf(byName.get('get_job_results'))).toBe(UI_RESOURCE_URI);
    expect(byName.get('get_job_results')?._meta?.['ui/resourceUri']).toBe(UI_RESOURCE_URI);
    for (const name of ['list_processes', 'list_jobs', 'dismiss_job', 'describe_process']) expect(uriOf(byName.get(name))).toBeUndefined();
  });

  it('serves the view as text/html;profile=mcp-app with everything inlined and its CSP declared', async () => {
    const { resources } = await apps.client.listResources();
    expect(resources).toEqual([expect.objectContaining({ uri: UI_RESOURCE_URI, mimeType: 'text/html;profile=mcp-app' })]);
    const read = await apps.client.readResource({ uri: UI_RESOURCE_URI });
    const [content] = read.contents;
    expect(content).toMatchObject({ uri: UI_RESOURCE_URI, mimeType: 'text/html;profile=mcp-app', _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] } } } });
    const html = (content as { text: string }).text;
    expect(html).toMatch(/^<!doctype html>/i);
    // No external script, style or image: all of it is in the document.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/unpkg|cdn\./i);
    expect(html).toContain('ui/initialize');
  });

  it('declares the extension in the server capabilities', () => {
    expect(apps.client.getServerCapabilities()?.extensions).toEqual({ 'io.modelcontextprotocol/ui': {} });
  });

  it('shows a client without the extension exactly what it saw before', async () => {
    const { tools } = await plain.client.listTools();
    for (const t of tools) {
      expect(t._meta?.ui).toBeUndefined();
      expect(t._meta?.['ui/resourceUri']).toBeUndefined();
    }
    expect((await plain.client.listResources()).resources).toEqual([]);
    await expect(plain.client.readResource({ uri: UI_RESOURCE_URI })).rejects.toThrow(/Unknown resource/);
  });
});
