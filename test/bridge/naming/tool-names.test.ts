import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverNameProblem, serverNamesProblems } from '../../../src/bridge/naming/index.js';
import { ToolNames } from '../../../src/bridge/naming/index.js';

// What every major client accepts: the Anthropic/OpenAI pattern with a letter first (Gemini).
const EVERY_CLIENT = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const CLAUDE_CODE_PREFIX = 'mcp__ogc-demo__'; // a 9-character MCP server name

describe('ToolNames with one server (no namespace)', () => {
  it('keeps valid ids, and gives ids that start with a digit a letter first', () => {
    const names = new ToolNames().forServer(undefined, false);
    expect(names.nameFor('sleep_a_while')).toBe('sleep_a_while');
    expect(names.nameFor('218')).toBe('p_218');
    expect(names.processIdFor('p_218')).toBe('218');
    expect(names.processIdFor('218')).toBeUndefined();
  });

  it('never gives two names that differ only in case, nor a fixed tool name in any case', () => {
    const names = new ToolNames().forServer(undefined, false);
    const upper = names.nameFor('NDVI');
    const lower = names.nameFor('ndvi');
    expect(upper).toBe('NDVI');
    expect(lower).toMatch(/^ndvi_[0-9a-z]{6}$/);
    expect(names.nameFor('GET_JOB')).toMatch(/^GET_JOB_[0-9a-z]{6}$/);
    expect(names.processIdFor(lower)).toBe('ndvi');
    expect(names.processIdFor('Ndvi')).toBeUndefined();
  });

  it('a process that already holds "p_218" keeps it, and "218" then gets another name', () => {
    const names = new ToolNames().forServer(undefined, false);
    expect(names.nameFor('p_218')).toBe('p_218');
    const other = names.nameFor('218');
    expect(other).not.toBe('p_218');
    expect(other).toMatch(EVERY_CLIENT);
    expect(names.processIdFor(other)).toBe('218');
  });

  it('is stable, and frees the names of processes gone from the list', () => {
    const names = new ToolNames().forServer(undefined, false);
    const first = names.nameFor('org.example.eo.ndvi.s2');
    expect(names.nameFor('org.example.eo.ndvi.s2')).toBe(first);
    names.nameFor('keep');
    names.retainOnly(['keep']);
    expect(names.size).toBe(1);
    expect(names.processIdFor(first)).toBeUndefined();
  });
});

describe('ToolNames with several servers', () => {
  it('prefixes each name with its server namespace and routes back to the owning server', () => {
    const table = new ToolNames();
    const demo = table.forServer('demo', true);
    const eo = table.forServer('EO-Lab', true);
    expect(demo.nameFor('sleep_a_while')).toBe('demo_sleep_a_while');
    expect(eo.nameFor('sleep_a_while')).toBe('eolab_sleep_a_while');
    expect(eo.nameFor('218')).toBe('eolab_218');
    expect(table.lookup('eolab_218')).toEqual({ server: 'EO-Lab', processId: '218' });
    expect(demo.processIdFor('eolab_218')).toBeUndefined();
    expect(eo.size).toBe(2);
  });

  it('cannot be confused by a process id that looks like another server\'s name', () => {
    const table = new ToolNames();
    const a = table.forServer('a', true);
    const ab = table.forServer('ab', true);
    const first = a.nameFor('b_x'); // a_b_x
    const second = ab.nameFor('x'); // would be ab_x: different, fine
    const third = table.forServer('a', true).nameFor('b_X'); // a_b_X folds to a_b_x: must differ
    expect(new Set([first, second, third].map((n) => n.toLowerCase())).size).toBe(3);
    expect(table.lookup(third)).toEqual({ server: 'a', processId: 'b_X' });
  });

  it('refuses two servers that would share a prefix', () => {
    const table = new ToolNames();
    table.forServer('eo-lab', true);
    expect(() => table.forServer('eolab', true)).toThrow(/share the tool name prefix "eolab"/);
  });

  it('keeps every name valid for every client, within 64 with the Claude Code prefix, and unique ignoring case', () => {
    const id = fc.oneof(
      fc.string({ minLength: 1, maxLength: 90 }),
      fc.stringMatching(/^[A-Za-z0-9_.:-]{1,80}$/),
      fc.constantFrom('218', 'get_job', 'GET_JOB', 'ndvi', 'NDVI', 'a'.repeat(100), 'p_218', '__proto__', 'é', '-x'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('demo', 'Second-Server', 'x'), id), { maxLength: 60 }), fc.boolean(), (refs, namespaced) => {
        const table = new ToolNames();
        const views = new Map(['demo', 'Second-Server', 'x'].map((s) => [s, table.forServer(s, namespaced)]));
        const seen = new Map<string, string>();
        for (const [server, processId] of refs) {
          const name = views.get(server)!.nameFor(processId);
          expect(name).toMatch(EVERY_CLIENT);
          expect((CLAUDE_CODE_PREFIX + name).length).toBeLessThanOrEqual(64);
          expect(table.lookup(name)).toEqual({ server, processId });
          const key = `${server}\u0000${processId}`;
          const folded = name.toLowerCase();
          if (seen.has(folded)) expect(seen.get(folded)).toBe(key);
          seen.set(folded, key);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('server names', () => {
  it('accepts plain names and explains the others', () => {
    expect(serverNameProblem('demo')).toBeUndefined();
    expect(serverNameProblem('eo-lab_2')).toBeUndefined();
    expect(serverNameProblem('2nd')).toMatch(/must start with a letter/);
    expect(serverNameProblem('a b')).toMatch(/only letters, digits/);
    expect(serverNameProblem('x'.repeat(17))).toMatch(/longer than 16/);
    expect(serverNameProblem('')).toMatch(/empty/);
  });

  it('refuses names that differ only in case', () => {
    expect(serverNamesProblems(['demo', 'eo', 'Demo'])).toEqual(['server names "demo" and "Demo" are the same (names ignore case)']);
  });
});
