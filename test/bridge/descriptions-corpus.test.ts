// Descriptions from more implementations (test/fixtures/descriptions): each
// becomes a valid tool, its accepted calls validate and map to execute requests
// the official schema accepts, and its rejected calls are refused for the
// constraint the description states.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toExecuteRequest } from '../../src/bridge/request.js';
import { checkToolSchema } from '../../src/bridge/schema-checks.js';
import { deriveTool, type DerivedTool } from '../../src/bridge/tool.js';
import { ArgumentValidator } from '../../src/mcp/validation.js';
import { officialValidator } from '../support/official-schemas.js';
import { repoRoot } from '../support/repo.js';
import { sharedMissing } from '../support/shared-data.js';

const dir = path.join(repoRoot, 'test/fixtures/descriptions');

interface Probes {
  listingId?: string;
  accept: Array<Record<string, unknown>>;
  reject: Array<{ args: Record<string, unknown>; why: string }>;
}

interface Entry {
  file: string;
  implementation: string;
  description: unknown;
  probes: Probes;
}

function entries(): Entry[] {
  const found: Entry[] = [];
  for (const implementation of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, implementation);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub).sort()) {
      if (!name.endsWith('.json') || name.endsWith('.probes.json')) continue;
      const base = name.slice(0, -'.json'.length);
      found.push({
        file: `${implementation}/${name}`,
        implementation,
        description: JSON.parse(fs.readFileSync(path.join(sub, name), 'utf8')),
        probes: JSON.parse(fs.readFileSync(path.join(sub, `${base}.probes.json`), 'utf8')) as Probes,
      });
    }
  }
  return found;
}

const all = entries();
const validator = new ArgumentValidator();
// The official execute schema is in ../shared; without it, only the tool's own schema is checked.
const validateExecute = sharedMissing ? undefined : officialValidator('execute');

function toolOf(entry: Entry): DerivedTool {
  const result = deriveTool(entry.description, 'a_tool', entry.probes.listingId ? { processId: entry.probes.listingId } : {});
  if (!result.ok) throw new Error(`not derived: ${result.reason}`);
  return result.tool;
}

describe('descriptions from more implementations', () => {
  it('holds at least 30 descriptions from at least 6 implementations, each listed in SOURCES.tsv', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((e) => e.implementation)).size).toBeGreaterThanOrEqual(6);
    const listed = fs.readFileSync(path.join(dir, 'SOURCES.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]).filter(Boolean);
    expect(listed.sort()).toEqual(all.map((e) => e.file).sort());
  });

  describe.each(all)('$file', (entry) => {
    it('becomes a tool that satisfies every client rule, under its own or its listing id', () => {
      const tool = toolOf(entry);
      expect(checkToolSchema(tool)).toEqual([]);
      expect(tool.processId).toBe(entry.probes.listingId ?? (entry.description as { id?: string; process?: { id?: string } }).id ?? tool.processId);
    });

    it.each(entry.probes.accept.map((args, i) => [i, args] as const))('accepts call %i and maps it to a valid execute request', (_i, args) => {
      const tool = toolOf(entry);
      const outcome = validator.validate(tool.inputSchema, args);
      expect(outcome).toEqual({ ok: true });
      const request = toExecuteRequest(tool, args, { objectInputEncoding: 'qualified' });
      if (validateExecute) expect(validateExecute(request).errors).toBe('');
      expect(Object.keys(request.inputs).sort()).toEqual(tool.inputs.filter((i) => Object.hasOwn(args, i.argumentName)).map((i) => i.id).sort());
    });

    it.each(entry.probes.reject.map((probe) => [probe.why, probe.args] as const))('rejects a call breaking: %s', (_why, args) => {
      const tool = toolOf(entry);
      expect(validator.validate(tool.inputSchema, args).ok).toBe(false);
    });
  });
});
