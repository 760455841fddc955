// The tests every process description must pass, whatever folder it comes from
// (the shared corpus of real servers, or the project's own dialect fixtures):
// it becomes a tool that satisfies every client rule, matches its snapshot, and
// an example call maps to an execute request with Part 1 value forms.
import { beforeAll, describe, expect, it } from 'vitest';
import { ToolNames, type ServerToolNames } from '../../src/bridge/naming/index.js';
import { toExecuteRequest } from '../../src/bridge/request/index.js';
import { checkToolSchema } from '../../src/bridge/describe/schema-checks.js';
import type { DerivedTool } from '../../src/bridge/describe/index.js';
import { deriveFrom } from './derive.js';
import { createAjv } from '../../src/util/ajv.js';
import type { DescriptionEntry } from './document-tree.js';
import { exampleArgs } from './example-args.js';
import { executeShapeProblems, objectForm } from './execute-shape.js';

export interface DescriptionSuiteOptions {
  entries: DescriptionEntry[];
  /** Folder of the per-description snapshots (absolute). */
  snapshotDir: string;
  /** Descriptions that must not become tools, with the reason the bridge gives. */
  deliberateSkips?: Record<string, string>;
  /** The official execute schema, when the tests can read it. */
  validateExecute?: (doc: unknown) => { errors: string };
}

const VARIANTS = [
  { label: 'required inputs only', includeOptional: false, alternative: 'first' },
  { label: 'every input, inline values', includeOptional: true, alternative: 'first' },
  { label: 'every input, references where allowed', includeOptional: true, alternative: 'last' },
] as const;

export function describeDescriptions(options: DescriptionSuiteOptions): void {
  const { entries, snapshotDir, deliberateSkips = {}, validateExecute } = options;
  const ajv = createAjv();
  // One name table per implementation: each stands for one server.
  const tables = new Map<string, ServerToolNames>();
  const tools = new Map<string, DerivedTool>();

  beforeAll(() => {
    for (const entry of entries) {
      let table = tables.get(entry.implementation);
      if (!table) tables.set(entry.implementation, (table = new ToolNames().forServer(undefined, false)));
      const probe = deriveFrom(entry.raw, 'probe');
      if (!probe.ok) continue;
      const result = deriveFrom(entry.raw, table.nameFor(probe.tool.processId));
      if (result.ok) tools.set(entry.file, result.tool);
    }
  });

  describe.each(entries)('$file', (entry) => {
    const skipReason = deliberateSkips[entry.file];

    if (skipReason !== undefined) {
      it('is skipped with its reason', () => {
        const result = deriveFrom(entry.raw, 'skipped');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toContain(skipReason);
      });
      return;
    }

    it('becomes a tool that satisfies every client rule', () => {
      const result = deriveFrom(entry.raw, 'a_tool');
      if (!result.ok) throw new Error(`not derived: ${result.reason}`);
      expect(checkToolSchema(result.tool)).toEqual([]);
      expect(tools.get(entry.file)).toBeDefined();
    });

    it('matches its snapshot', async () => {
      const tool = tools.get(entry.file);
      expect(tool).toBeDefined();
      const name = entry.file.replace('/', '__');
      await expect(`${JSON.stringify(tool, null, 2)}\n`).toMatchFileSnapshot(`${snapshotDir}/${name}`);
    });

    /** The execute requests of one example call: qualified objects, and raw objects left out. */
    function requestsFor(variant: (typeof VARIANTS)[number]) {
      const tool = tools.get(entry.file);
      if (!tool) throw new Error('no tool');
      const args = exampleArgs(tool.inputSchema, { includeOptional: variant.includeOptional, alternative: variant.alternative });
      const validateArgs = ajv.compile(tool.inputSchema);
      expect(validateArgs(args), JSON.stringify(validateArgs.errors)).toBe(true);
      const qualified = toExecuteRequest(tool, args, { objectInputEncoding: 'qualified' });
      // Raw objects are what most servers want, but Part 1 1.0's execute schema
      // has no raw object form: everything else must still be valid.
      const raw = toExecuteRequest(tool, args, { objectInputEncoding: 'raw' });
      const rawObjects = Object.keys(raw.inputs).filter((id) => isRawObject(raw.inputs[id]));
      const withoutRawObjects = { inputs: Object.fromEntries(Object.entries(raw.inputs).filter(([id]) => !rawObjects.includes(id))) };
      return { tool, args, qualified, raw, withoutRawObjects };
    }

    it.each(VARIANTS)('maps an example call ($label) to an execute request of Part 1 value forms', (variant) => {
      const { tool, args, qualified, raw, withoutRawObjects } = requestsFor(variant);
      expect(executeShapeProblems(qualified)).toEqual([]);
      expect(Object.keys(qualified.inputs).sort()).toEqual(
        tool.inputs.filter((i) => Object.prototype.hasOwnProperty.call(args, i.argumentName)).map((i) => i.id).sort(),
      );
      expect(executeShapeProblems(raw, { rawObjects: true })).toEqual([]);
      expect(executeShapeProblems(withoutRawObjects)).toEqual([]);
    });

    it.skipIf(validateExecute === undefined).each(VARIANTS)(
      'maps an example call ($label) to an execute request the official schema accepts',
      (variant) => {
        const { qualified, withoutRawObjects } = requestsFor(variant);
        expect(validateExecute!(qualified).errors).toBe('');
        expect(validateExecute!(withoutRawObjects).errors).toBe('');
      },
    );
  });
}

function isRawObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && objectForm(value as Record<string, unknown>) === undefined;
}
