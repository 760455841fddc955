import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARGUMENT_NAME_PATTERN,
  FIXED_TOOL_NAMES,
  TOOL_NAME_PATTERN,
  argumentNameFor,
  toolNameFor,
} from '../../../src/bridge/describe/names.js';
import { ToolNames } from '../../../src/bridge/naming/index.js';

const none = new Set<string>();

describe('toolNameFor', () => {
  it('keeps a valid, short, free id as it is', () => {
    expect(toolNameFor('primes_between', none)).toBe('primes_between');
    expect(toolNameFor('hello-world', none)).toBe('hello-world');
    expect(toolNameFor('BandMath', none)).toBe('BandMath');
  });

  it('turns an id with dots, slashes, spaces or unicode into a valid name with a hash', () => {
    const name = toolNameFor('org.n52.project.tb15.eopad.NdviCalculation', none);
    expect(name).toMatch(TOOL_NAME_PATTERN);
    expect(name).toMatch(/^org_n52_project_tb15_eopad_NdviCalc\w*_[a-z0-9]{6}$/);
    expect(name.length).toBeLessThanOrEqual(48);
    for (const id of ['../../etc/passwd', 'a b c', 'Ökologie/Fläche', '処理', '🚀', '___', '.']) {
      expect(toolNameFor(id, none)).toMatch(TOOL_NAME_PATTERN);
    }
    expect(toolNameFor('Ökologie/Fläche', none)).toMatch(/^Okologie_Flache_/);
    expect(toolNameFor('処理', none)).toMatch(/^process_[a-z0-9]{6}$/);
  });

  it('never truncates naively: a long id keeps a prefix and gains a hash, within maxLength', () => {
    const long = 'a'.repeat(100);
    const name = toolNameFor(long, none);
    expect(name.length).toBeLessThanOrEqual(48);
    expect(name).toMatch(/^a+_[a-z0-9]{6}$/);
    expect(toolNameFor(long, none, 30).length).toBeLessThanOrEqual(30);
    // Two ids that share the kept prefix still get different names.
    expect(toolNameFor(`${long}x`, none)).not.toBe(toolNameFor(`${long}y`, none));
  });

  it('keeps mcp__<server>__<tool> within 64 characters for a short server name by default', () => {
    const name = toolNameFor('x'.repeat(200), none);
    expect(`mcp__ogc-demo__${name}`.length).toBeLessThanOrEqual(64);
  });

  it('clamps an absurd maxLength into 8..64', () => {
    expect(toolNameFor('x'.repeat(100), none, 2).length).toBeGreaterThanOrEqual(8);
    expect(toolNameFor('x'.repeat(100), none, 500).length).toBeLessThanOrEqual(64);
  });

  it('gives ids that share a slug different names', () => {
    const table = new ToolNames().forServer(undefined, false);
    const ids = ['a.b', 'a b', 'a/b', 'a:b', 'a?b', 'a#b'];
    const names = ids.map((id) => table.nameFor(id));
    expect(new Set(names).size).toBe(ids.length);
    for (const [i, name] of names.entries()) expect(table.processIdFor(name)).toBe(ids[i]);
  });

  it('avoids taken names, deterministically', () => {
    const taken = new Set(['echo']);
    const first = toolNameFor('echo', taken);
    expect(first).not.toBe('echo');
    expect(first).toMatch(/^echo_[a-z0-9]{6}$/);
    expect(toolNameFor('echo', taken)).toBe(first);
    expect(toolNameFor('echo', new Set([...taken, first]))).not.toBe(first);
  });
});

describe('argumentNameFor', () => {
  it('keeps ids that match the Anthropic property-key pattern, dots included', () => {
    expect(argumentNameFor('collectionId_image-s2', none)).toBe('collectionId_image-s2');
    expect(argumentNameFor('a.b', none)).toBe('a.b');
  });

  it('renames ids a validator would confuse with inherited members', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const name = argumentNameFor(id, none);
      expect(name).not.toBe(id);
      expect(name).toMatch(ARGUMENT_NAME_PATTERN);
    }
  });

  it('renames invalid ids', () => {
    expect(argumentNameFor('input file', none)).toMatch(/^input_file_[a-z0-9]{6}$/);
    expect(argumentNameFor('x'.repeat(80), none).length).toBeLessThanOrEqual(64);
  });
});

describe('ToolNames for one server', () => {
  it('reserves the fixed tool names', () => {
    const table = new ToolNames().forServer(undefined, false);
    for (const fixed of FIXED_TOOL_NAMES) {
      const name = table.nameFor(fixed);
      expect(name).not.toBe(fixed);
      expect(table.processIdFor(name)).toBe(fixed);
    }
    expect(table.processIdFor('list_jobs')).toBeUndefined();
  });

  it('reserves extra names it is given', () => {
    const table = new ToolNames({ reserved: ['inspect'] }).forServer(undefined, false);
    expect(table.nameFor('inspect')).not.toBe('inspect');
  });

  it('keeps a name stable while the process exists, and maps back by lookup', () => {
    const table = new ToolNames().forServer(undefined, false);
    const a = table.nameFor('a.b');
    table.nameFor('a_b');
    expect(table.nameFor('a.b')).toBe(a);
    expect(table.processIdFor(a)).toBe('a.b');
    expect(table.processIdFor('a_b')).toBe('a_b');
    expect(table.size).toBe(2);
  });

  it('gives a valid id its own name even when a renamed id came first', () => {
    const table = new ToolNames().forServer(undefined, false);
    table.nameFor('echo.v2');
    expect(table.nameFor('echo_v2')).toBe('echo_v2');
  });

  it('frees names of forgotten processes', () => {
    const table = new ToolNames().forServer(undefined, false);
    table.nameFor('one');
    table.nameFor('two');
    table.retainOnly(['two']);
    expect(table.processIdFor('one')).toBeUndefined();
    expect(table.processIdFor('two')).toBe('two');
    table.forget('two');
    expect(table.size).toBe(0);
    table.forget('unknown');
  });

  it('never gives two processes one name, and every name is valid (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('a.b', 'a_b', 'a b', 'echo', 'list_jobs', 'x'.repeat(70), 'Größe', '処理', '🚀', '../..', '')), { maxLength: 40 }), (ids) => {
        const table = new ToolNames().forServer(undefined, false);
        const names = new Map<string, string>();
        for (const id of ids) {
          const name = table.nameFor(id);
          const owner = names.get(name);
          const ok =
            TOOL_NAME_PATTERN.test(name) &&
            name.length <= 48 &&
            !FIXED_TOOL_NAMES.includes(name) &&
            (owner === undefined || owner === id) &&
            table.processIdFor(name) === id;
          if (!ok) return false;
          names.set(name, id);
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
