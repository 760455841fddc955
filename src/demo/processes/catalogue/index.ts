// A large, realistic catalogue for the demo server: earth-observation
// processes made from operations x data sources, with the id styles, keyword
// habits and description forms of real servers (snake_case, kebab-case,
// CamelCase, dotted Java-style and numeric ids, ids longer than any tool name,
// missing keywords, long markdown descriptions). Deterministic: the same
// count always gives the same processes, so tests can name them.
import { QUICK_JOB_CONTROL, type DemoProcess, type OutputDescription, type ProcessOutputs } from '../types.js';
import { OPERATIONS, buildInputs, type Operation } from './operations.js';
import { DATA_SOURCES, type DataSource } from './sources.js';

export interface CatalogueEntry {
  operation: Operation;
  source: DataSource;
}

/** Every operation with every source it applies to, operations in order. */
export function catalogueCombinations(): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const operation of OPERATIONS) {
    for (const source of DATA_SOURCES) {
      if (operation.kinds === 'all' || operation.kinds.some((k) => source.kinds.includes(k))) entries.push({ operation, source });
    }
  }
  return entries;
}

/**
 * `count` generated processes (at most as many as there are combinations),
 * spread evenly over the combinations so that every operation appears.
 */
export function catalogueProcesses(count: number): DemoProcess[] {
  const all = catalogueCombinations();
  if (count > all.length) throw new Error(`the generated catalogue has at most ${all.length} processes, not ${count}`);
  const processes: DemoProcess[] = [];
  for (let n = 0; n < count; n++) {
    const entry = all[Math.floor((n * all.length) / count)]!;
    processes.push(catalogueProcess(entry, n));
  }
  return processes;
}

function catalogueProcess({ operation, source }: CatalogueEntry, n: number): DemoProcess {
  const id = processId(operation.key, source.key, n);
  const title = operation.title(source);
  const process: DemoProcess = {
    id,
    title,
    version: `1.${n % 4}.0`,
    jobControlOptions: QUICK_JOB_CONTROL,
    outputTransmission: ['value', 'reference'],
    inputs: buildInputs(operation),
    outputs: operation.outputs,
    async run() {
      return sampleOutputs(operation.outputs, id);
    },
  };
  const description = describe(operation, source, n);
  if (description !== undefined) process.description = description;
  const keywords = keywordsOf(operation, source, n);
  if (keywords !== undefined) process.keywords = keywords;
  return process;
}

/** The id habits of real servers, by position. */
function processId(op: string, src: string, n: number): string {
  const snake = `${op}_${src}`;
  if (n % 50 === 17) return `${snake}_workflow_generated_by_the_application_package_deployer_${n}`;
  if (n % 25 === 9) return String(1000 + n);
  switch (n % 10) {
    case 4:
      return `${op}-${src}`;
    case 5:
      return `${capital(op)}${capital(src)}`;
    case 6:
      return `org.example.eo.${op}.${src}`;
    case 8:
      return `EOLab_${capital(op)}${capital(src)}`;
    default:
      return snake;
  }
}

function describe(operation: Operation, source: DataSource, n: number): string | undefined {
  if (n % 31 === 30) return undefined;
  const text = operation.description(source);
  if (n % 7 !== 3) return text;
  // A docstring as pydantic-based servers publish it.
  const args = Object.entries(operation.inputs).map(([id, [title]]) => `    ${id}: ${title}`);
  return `${text}\n\nThis processor:\n1. Searches the ${source.name} archive\n2. Runs the ${operation.key} step\n3. Publishes the result\n\nArgs:\n${args.join('\n')}\n\nReturns:\n    ${Object.keys(operation.outputs).join(', ')}`;
}

function keywordsOf(operation: Operation, source: DataSource, n: number): string[] | undefined {
  if (n % 13 === 12) return undefined;
  if (n % 29 === 28) return [''];
  return [...operation.keywords, ...source.keywords];
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A small value of the declared kind for each output (a link would need a stored file). */
function sampleOutputs(outputs: Record<string, OutputDescription>, id: string): ProcessOutputs {
  const values: ProcessOutputs = {};
  for (const [name, output] of Object.entries(outputs)) {
    const schema = output.schema;
    if (schema.contentEncoding === 'base64') values[name] = '';
    else if (schema.contentMediaType === 'application/geo+json') values[name] = { value: { type: 'FeatureCollection', features: [] }, mediaType: 'application/geo+json' };
    else if (schema.type === 'object') values[name] = { value: { mean: 0.5, min: 0, max: 1 }, mediaType: 'application/json' };
    else values[name] = `${id}: ${name}`;
  }
  return values;
}
