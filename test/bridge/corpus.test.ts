// Every real process description in ../shared/corpus becomes a valid tool (or
// is skipped on purpose, with its reason), and an example call of each tool
// maps to an execute request that the official OGC execute schema accepts.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { ToolNameTable } from '../../src/bridge/names.js';
import { toExecuteRequest } from '../../src/bridge/request.js';
import { checkToolSchema } from '../../src/bridge/schema-checks.js';
import { type DerivedTool, deriveTool } from '../../src/bridge/tool.js';
import { exampleArgs } from '../support/example-args.js';
import { officialValidator } from '../support/official-schemas.js';
import { sharedDir } from '../support/repo.js';

const corpusDir = path.resolve(sharedDir, 'corpus');

/** Descriptions that must not become tools, with the reason the bridge gives. None so far: every one is usable. */
const DELIBERATE_SKIPS: Record<string, string> = {};

interface CorpusEntry {
  file: string;
  implementation: string;
  raw: unknown;
}

function corpusEntries(): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const implementation of fs.readdirSync(corpusDir).sort()) {
    const dir = path.join(corpusDir, implementation);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.json')) continue;
      const file = `${implementation}/${name}`;
      entries.push({ file, implementation, raw: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) });
    }
  }
  return entries;
}

const entries = corpusEntries();

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, logger: false });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}

describe('corpus of real process descriptions', () => {
  const ajv = makeAjv();
  const validateExecute = officialValidator('execute');
  // One name table per implementation: each stands for one server.
  const tables = new Map<string, ToolNameTable>();
  const tools = new Map<string, DerivedTool>();

  beforeAll(() => {
    for (const entry of entries) {
      let table = tables.get(entry.implementation);
      if (!table) tables.set(entry.implementation, (table = new ToolNameTable([])));
      const probe = deriveTool(entry.raw, 'probe');
      if (!probe.ok) continue;
      const result = deriveTool(entry.raw, table.nameFor(probe.tool.processId));
      if (result.ok) tools.set(entry.file, result.tool);
    }
  });

  it('holds the 27 descriptions SOURCES.tsv lists', () => {
    const listed = fs
      .readFileSync(path.join(corpusDir, 'SOURCES.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0])
      .filter((file) => file !== undefined && file !== '' && !file.includes('/other/'));
    expect(entries.map((e) => e.file).sort()).toEqual(listed.sort());
    expect(entries).toHaveLength(27);
  });

  describe.each(entries)('$file', (entry) => {
    const skipReason = DELIBERATE_SKIPS[entry.file];

    if (skipReason !== undefined) {
      it('is skipped with its reason', () => {
        const result = deriveTool(entry.raw, 'skipped');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toContain(skipReason);
      });
      return;
    }

    it('becomes a tool that satisfies every client rule', () => {
      const result = deriveTool(entry.raw, 'a_tool');
      if (!result.ok) throw new Error(`not derived: ${result.reason}`);
      expect(checkToolSchema(result.tool)).toEqual([]);
      expect(tools.get(entry.file)).toBeDefined();
    });

    it('matches its snapshot', async () => {
      const tool = tools.get(entry.file);
      expect(tool).toBeDefined();
      const name = entry.file.replace('/', '__');
      await expect(`${JSON.stringify(tool, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/corpus/${name}`);
    });

    const variants = [
      { label: 'required inputs only', includeOptional: false, alternative: 'first' },
      { label: 'every input, inline values', includeOptional: true, alternative: 'first' },
      { label: 'every input, references where allowed', includeOptional: true, alternative: 'last' },
    ] as const;

    it.each(variants)('maps an example call ($label) to a valid execute request', ({ includeOptional, alternative }) => {
      const tool = tools.get(entry.file);
      if (!tool) throw new Error('no tool');
      const args = exampleArgs(tool.inputSchema, { includeOptional, alternative });
      const validateArgs = ajv.compile(tool.inputSchema);
      expect(validateArgs(args), JSON.stringify(validateArgs.errors)).toBe(true);

      const request = toExecuteRequest(tool, args, { objectInputEncoding: 'qualified' });
      const verdict = validateExecute(request);
      expect(verdict.errors).toBe('');
      expect(Object.keys(request.inputs).sort()).toEqual(
        tool.inputs.filter((i) => Object.prototype.hasOwnProperty.call(args, i.argumentName)).map((i) => i.id).sort(),
      );

      // Raw objects are what most servers want, but Part 1 1.0's execute schema
      // has no raw object form: everything else must still be valid.
      const raw = toExecuteRequest(tool, args, { objectInputEncoding: 'raw' });
      const rawObjects = Object.keys(raw.inputs).filter((id) => isPlainObjectValue(raw.inputs[id]) && !isSpecialForm(raw.inputs[id]));
      const withoutRawObjects = { inputs: Object.fromEntries(Object.entries(raw.inputs).filter(([id]) => !rawObjects.includes(id))) };
      expect(validateExecute(withoutRawObjects).errors).toBe('');
    });
  });
});

function isPlainObjectValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shapes Part 1 recognises as values: a bbox, a link, a qualified value. */
function isSpecialForm(value: unknown): boolean {
  const v = value as Record<string, unknown>;
  return 'bbox' in v || 'href' in v || ('value' in v && Object.keys(v).every((k) => ['value', 'mediaType', 'encoding', 'schema'].includes(k)));
}
