// Descriptions from more implementations (test/fixtures/descriptions): each
// becomes a valid tool with its snapshot and example calls (the suite every
// description passes), and its probes hold: the accepted calls validate and
// map to execute requests with Part 1 value forms, the rejected ones are
// refused for the constraint the description states.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toExecuteRequest } from '../../../src/bridge/request/index.js';
import { checkToolSchema } from '../../../src/bridge/describe/schema-checks.js';
import type { DerivedTool } from '../../../src/bridge/describe/index.js';
import { ArgumentValidator } from '../../../src/mcp/validation.js';
import { deriveFrom } from '../../support/derive.js';
import { describeDescriptions } from '../../support/description-suite.js';
import { processDescriptions } from '../../support/document-tree.js';
import { officialValidator } from '../../support/official-schemas.js';
import { repoRoot } from '../../support/repo.js';
import { sharedMissing } from '../../support/shared-data.js';

const dir = path.join(repoRoot, 'test/fixtures/descriptions');

interface Probes {
  listingId?: string;
  accept: Array<Record<string, unknown>>;
  reject: Array<{ args: Record<string, unknown>; why: string }>;
}

const entries = processDescriptions(dir).filter((e) => !e.file.endsWith('.probes.json'));
const probesOf = (file: string): Probes =>
  JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.json$/, '.probes.json')), 'utf8')) as Probes;
const validator = new ArgumentValidator();
// The official execute schema is in ../shared; without it, the suite checks Part 1 value forms only.
const validateExecute = sharedMissing ? undefined : officialValidator('execute');

function toolOf(file: string, raw: unknown): DerivedTool {
  const { listingId } = probesOf(file);
  const result = deriveFrom(raw, 'a_tool', listingId ? { processId: listingId } : {});
  if (!result.ok) throw new Error(`not derived: ${result.reason}`);
  return result.tool;
}

describe('descriptions from more implementations', () => {
  it('hold at least 30 descriptions from at least 6 implementations, each with probes and listed in SOURCES.tsv', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
    expect(new Set(entries.map((e) => e.implementation)).size).toBeGreaterThanOrEqual(6);
    const listed = fs.readFileSync(path.join(dir, 'SOURCES.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]).filter(Boolean);
    expect(listed.sort()).toEqual(entries.map((e) => e.file).sort());
    for (const e of entries) expect(probesOf(e.file).accept.length).toBeGreaterThan(0);
  });

  describeDescriptions({
    entries,
    snapshotDir: path.join(import.meta.dirname, '__snapshots__', 'more-implementations'),
    // Without the id its process list gives it (the probes say which), it cannot be a tool.
    deliberateSkips: { 'pygeoapi-plugins/no-id-summary.json': 'no process id' },
    ...(validateExecute ? { validateExecute } : {}),
  });

  describe.each(entries)('probes of $file', ({ file, raw }) => {
    const probes = probesOf(file);

    it('becomes a tool under its own id or its listing id', () => {
      const tool = toolOf(file, raw);
      expect(checkToolSchema(tool)).toEqual([]);
      if (probes.listingId) expect(tool.processId).toBe(probes.listingId);
    });

    it.each(probes.accept.map((args, i) => [i, args] as const))('accepts call %i and maps it to an execute request', (_i, args) => {
      const tool = toolOf(file, raw);
      expect(validator.validate(tool.inputSchema, args)).toEqual({ ok: true });
      const request = toExecuteRequest(tool, args, { objectInputEncoding: 'qualified' });
      if (validateExecute) expect(validateExecute(request).errors).toBe('');
      const given = tool.inputs.filter((i) => Object.hasOwn(args, i.argumentName)).map((i) => i.id);
      expect(Object.keys(request.inputs).sort()).toEqual(given.sort());
    });

    it.each(probes.reject.map((probe) => [probe.why, probe.args] as const))('rejects a call breaking: %s', (_why, args) => {
      const tool = toolOf(file, raw);
      expect(validator.validate(tool.inputSchema, args).ok).toBe(false);
    });
  });
});
