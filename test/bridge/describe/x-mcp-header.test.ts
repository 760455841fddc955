// An OGC process description may carry any x-* keyword in its input schemas.
// `x-mcp-header` is one clients act on (MCP 2026-07-28, SEP-2243): over HTTP
// they copy the argument into an Mcp-Param-* header, and drop the whole tool
// when the annotation breaks its rules (a number, a nested array property).
// A derived tool must never carry one from upstream.
import { describe, expect, it } from 'vitest';
import { deriveFrom } from '../../support/derive.js';

describe('x-mcp-header in an upstream description', () => {
  it('never reaches the derived input schema', () => {
    const description = {
      id: 'route',
      title: 'Route',
      version: '1.0.0',
      jobControlOptions: ['sync-execute'],
      inputs: {
        region: { title: 'Region', schema: { type: 'string', 'x-mcp-header': 'Region' } },
        count: { title: 'Count', schema: { type: 'number', 'x-mcp-header': 'Count' } },
        points: { title: 'Points', schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'string', 'x-mcp-header': 'Id' } } } } },
      },
      outputs: { result: { schema: { type: 'string' } } },
    };
    const derived = deriveFrom(description, 'route');
    expect(derived.ok).toBe(true);
    if (!derived.ok) return;
    expect(Object.keys(derived.tool.inputSchema.properties ?? {})).toEqual(['region', 'count', 'points']);
    expect(JSON.stringify(derived.tool.inputSchema)).not.toContain('x-mcp-header');
  });
});
