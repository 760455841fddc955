import { resultsToToolResult } from '../src/bridge/results.js';
import { resourceUriFor } from '../src/mcp/resource-uris.js';
import { lastPathSegment } from '../src/ogc/urls.js';
import { CallToolResultSchema, CallToolRequestSchema, JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
function bench(name: string, fn: () => unknown, n = 20000) {
  for (let i = 0; i < 2000; i++) fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  console.log(name.padEnd(40), (Number(process.hrtime.bigint() - t) / n / 1000).toFixed(2), 'µs');
}
const results = { return_value: 'item: 4.5 (fast, synthetic_0001)' };
const primes = { return_value: [2,3,5,7,11,13,17,19,23,29,31,37,41,43,47,53,59,61,67,71,73,79,83,89,97] };
const opts = { maxResultBytes: 80000, maxImageBytes: 524288, resourceUriFor, baseUrl: 'http://127.0.0.1:8000/' };
const desc = { return_value: { title: 'Return Value', schema: { type: 'string' } } };
bench('resultsToToolResult small string', () => resultsToToolResult(results, { status: 'successful', processID: 'synthetic_0001' }, opts, desc as any));
bench('resultsToToolResult primes', () => resultsToToolResult(primes, { status: 'successful', jobID: 'abc-123', processID: 'primes_between' }, opts, {} as any));
const r = resultsToToolResult(primes, { status: 'successful', jobID: 'abc-123', processID: 'primes_between' }, opts, {} as any);
console.log(JSON.stringify(r).length, JSON.stringify(r).slice(0, 600));
bench('lastPathSegment', () => lastPathSegment('http://127.0.0.1:8000/jobs/0b8f3c4e-8a55-4b0e-9a8e-5e3f4b2a1c9d'));
bench('zod CallToolResult', () => CallToolResultSchema.safeParse(r));
const req = { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'synthetic_0001', arguments: { count: 3 } } };
bench('zod JSONRPCMessage (call req)', () => JSONRPCMessageSchema.parse(req));
bench('zod CallToolRequest', () => CallToolRequestSchema.safeParse(req));
bench('zod JSONRPCMessage (ping)', () => JSONRPCMessageSchema.parse({ jsonrpc: '2.0', id: 5, method: 'ping' }));
bench('zod JSONRPCMessage (response)', () => JSONRPCMessageSchema.parse({ jsonrpc: '2.0', id: 5, result: r }));
