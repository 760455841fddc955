import type { DemoProcess } from './processes/types.js';

const REL_EXECUTE = 'http://www.opengis.net/def/rel/ogc/1.0/execute';
const MAX_CACHED_BASES = 8;

interface BaseDocuments {
  summaries: Array<Record<string, unknown>>;
  fullList?: Buffer;
  descriptions: Map<string, Buffer>;
}

/**
 * The processes and their documents. Descriptions and the full list are
 * serialized once per base URL (the host a client used) and then served as
 * bytes: with a thousand processes, rebuilding them per request would cost
 * more than everything else a request does.
 */
export class ProcessCatalog {
  private readonly byId = new Map<string, DemoProcess>();
  private readonly perBase = new Map<string, BaseDocuments>();

  constructor(processes: readonly DemoProcess[]) {
    for (const process of processes) {
      if (this.byId.has(process.id)) throw new Error(`duplicate process id '${process.id}'`);
      this.byId.set(process.id, process);
    }
  }

  get(id: string): DemoProcess | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  description(baseUrl: string, id: string): Buffer | undefined {
    const process = this.byId.get(id);
    if (!process) return undefined;
    const docs = this.documents(baseUrl);
    let bytes = docs.descriptions.get(id);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(describe(process, baseUrl)));
      docs.descriptions.set(id, bytes);
    }
    return bytes;
  }

  /** The whole process list, cached. */
  fullList(baseUrl: string): Buffer {
    const docs = this.documents(baseUrl);
    docs.fullList ??= Buffer.from(
      JSON.stringify({ processes: docs.summaries, links: [selfLink(`${baseUrl}processes`, 'Process list')] }),
    );
    return docs.fullList;
  }

  /** One page of summaries in catalogue order. */
  summaries(baseUrl: string, offset: number, limit: number): { summaries: Array<Record<string, unknown>>; more: boolean } {
    const all = this.documents(baseUrl).summaries;
    const end = Math.min(all.length, offset + limit);
    return { summaries: all.slice(offset, end), more: end < all.length };
  }

  private documents(baseUrl: string): BaseDocuments {
    let docs = this.perBase.get(baseUrl);
    if (!docs) {
      // Bounded, so that clients sending arbitrary Host headers cannot grow it.
      if (this.perBase.size >= MAX_CACHED_BASES) this.perBase.delete(this.perBase.keys().next().value as string);
      docs = { summaries: [...this.byId.values()].map((p) => summarize(p, baseUrl)), descriptions: new Map() };
      this.perBase.set(baseUrl, docs);
    }
    return docs;
  }
}

function selfLink(href: string, title: string): Record<string, string> {
  return { href, rel: 'self', type: 'application/json', title };
}

function processUrl(baseUrl: string, id: string): string {
  return `${baseUrl}processes/${encodeURIComponent(id)}`;
}

function summaryFields(process: DemoProcess): Record<string, unknown> {
  const doc: Record<string, unknown> = { id: process.id, title: process.title };
  if (process.description !== undefined) doc.description = process.description;
  if (process.keywords !== undefined) doc.keywords = process.keywords;
  doc.version = process.version;
  doc.jobControlOptions = process.jobControlOptions;
  if (process.outputTransmission !== undefined) doc.outputTransmission = process.outputTransmission;
  return doc;
}

function summarize(process: DemoProcess, baseUrl: string): Record<string, unknown> {
  return { ...summaryFields(process), links: [selfLink(processUrl(baseUrl, process.id), 'Process description')] };
}

function describe(process: DemoProcess, baseUrl: string): Record<string, unknown> {
  const href = processUrl(baseUrl, process.id);
  return {
    ...summaryFields(process),
    inputs: process.inputs,
    outputs: process.outputs,
    links: [
      selfLink(href, 'Process description'),
      { href: `${href}/execution`, rel: REL_EXECUTE, type: 'application/json', title: 'Execute endpoint' },
    ],
  };
}
