// Drives the BUILT CLI (dist/cli.js, built by `npm test` before vitest) the way
// an MCP client does: spawned over stdio, spoken to by the SDK's own Client of
// either protocol era (era-client.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Client as V1Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/server';
import { repoRoot } from '../support/repo.js';
import { connectEraClient, type CallOptions, type Era, type EraClient } from './era-client.js';

export { ERAS, type Era, type EraClient } from './era-client.js';

export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

export function assertBuilt(): void {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` (npm test does it first).`);
}

export interface CliSession {
  client: EraClient;
  /** Everything the CLI wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** Spawns `node dist/cli.js ...args` and connects an SDK Client of `era` (2025-11-25 by default) to it. */
export async function startCli(args: string[], env: Record<string, string> = {}, era: Era = 'legacy'): Promise<CliSession> {
  assertBuilt();
  let errText = '';
  const client = await connectEraClient(era, {
    kind: 'stdio',
    command: process.execPath,
    args: [cliPath, ...args],
    env,
    onStderr: (chunk) => (errText += chunk),
  });
  return {
    client,
    stderr: () => errText,
    close: () => client.close(),
  };
}

/** A tools/call through an era client, or through a v1 SDK Client (the HTTP tests' recording client). */
export async function callTool(client: EraClient | V1Client, name: string, args: Record<string, unknown>, options: CallOptions = {}): Promise<CallToolResult> {
  if ('era' in client) return client.callTool(name, args, options);
  return (await client.callTool({ name, arguments: args }, undefined, options)) as CallToolResult;
}

export function textOf(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

export function structured<T = Record<string, unknown>>(result: CallToolResult): T {
  return result.structuredContent as T;
}

/** Polls `probe` until it returns a value (not undefined), at most `attempts` times. */
export async function eventually<T>(probe: () => Promise<T | undefined>, attempts = 100, pauseMs = 100): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  throw new Error('condition never held');
}

export const DEMO_PROCESS_IDS = [
  'sleep_a_while',
  'primes_between',
  'return_base_model',
  'simulate_scene',
  'render_thumbnail',
  'bbox_area',
  '218',
  'echo_large',
  'process_pipeline',
];

/**
 * The schema rules real clients enforce, written out again here on purpose (not
 * imported from src/bridge) so that the e2e tests check the server against the
 * clients' rules rather than against itself: tool names ^[a-zA-Z0-9_-]{1,64}$ and
 * within 64 with Claude Code's mcp__<server>__ prefix, descriptions up to 2,048
 * characters, an object inputSchema with properties and no top-level
 * combinators, no $ref/$defs, every array with items.
 */
export function clientConstraintViolations(tool: Pick<Tool, 'name' | 'description'> & { inputSchema: object; outputSchema?: object }): string[] {
  const problems: string[] = [];
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(tool.name)) problems.push(`name ${tool.name} breaks ^[a-zA-Z0-9_-]{1,64}$`);
  // Claude Code prefixes mcp__<server>__; with a short server name ("ogc") the whole stays within 64.
  if (`mcp__ogc__${tool.name}`.length > 64) problems.push(`mcp__ogc__${tool.name} is longer than 64`);
  if (!tool.description) problems.push('no description');
  if ((tool.description ?? '').length > 2048) problems.push(`description has ${tool.description!.length} characters`);
  const schema = tool.inputSchema as Record<string, unknown>;
  if (schema.type !== 'object') problems.push('inputSchema.type is not "object"');
  if (typeof schema.properties !== 'object' || schema.properties === null) problems.push('inputSchema has no properties');
  for (const k of ['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else']) {
    if (k in schema) problems.push(`top-level ${k}`);
  }
  walk(schema, '#', (node, where) => {
    if ('$ref' in node) problems.push(`$ref at ${where}`);
    if ('$defs' in node || 'definitions' in node) problems.push(`$defs at ${where}`);
    const type = node.type;
    const isArray = type === 'array' || (Array.isArray(type) && type.includes('array'));
    if (isArray && !('items' in node)) problems.push(`array without items at ${where}`);
  });
  if (tool.outputSchema && (tool.outputSchema as Record<string, unknown>).type !== 'object') problems.push('outputSchema.type is not "object"');
  return problems;
}

function walk(node: unknown, where: string, visit: (node: Record<string, unknown>, where: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${where}/${i}`, visit));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  visit(record, where);
  for (const [key, value] of Object.entries(record)) {
    // Values of these keywords are data, not schemas.
    if (key === 'enum' || key === 'const' || key === 'default' || key === 'examples') continue;
    walk(value, `${where}/${key}`, visit);
  }
}
