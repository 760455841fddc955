// The shapes that go into and come out of the results translation.
import type { ContentBlock } from '@modelcontextprotocol/server';
import type { StatusInfo } from '../../ogc/index.js';

/** The part of a job's status the results translation needs (a synchronous run has no job id). */
export type ResultsJob = Pick<StatusInfo, 'status'> & Partial<Pick<StatusInfo, 'jobID' | 'processID' | 'progress' | 'message'>>;

/** What the process description says about one output. */
export type OutputDescription = {
  title?: string;
  description?: string;
  schema?: unknown;
};

export type ResultsOptions = {
  /** Budget for the serialized text content plus structuredContent (images not counted). Default 80,000 (about 20k tokens). */
  maxResultBytes?: number;
  /** Decoded bytes of images shown inline in one result, each and together. Default 512 KiB. */
  maxImageBytes?: number;
  /** The MCP resource that serves a job's results whole, or one output of them. */
  resourceUriFor(jobId: string, outputId?: string): string;
  /** Base for relative hrefs in results (the OGC server's URL); without it relative hrefs stay plain values. */
  baseUrl?: string;
};

export type ResultsStructuredContent = {
  status: string;
  jobId?: string;
  outputs: Record<string, unknown>;
  /** Outputs left out for room, as the text names them: a client that reads only this loses nothing. */
  omitted?: OmittedOutputs;
};

export type OmittedOutputs = {
  count: number;
  /** The first few ids. */
  ids: string[];
  /** Where all of them can be read whole. */
  resource?: string;
};

export type ResultsToolResult = {
  content: ContentBlock[];
  structuredContent: ResultsStructuredContent;
  /** Ids of the outputs whose value was cut or left out because of a size limit. */
  truncated: string[];
};

/** What a job's results become for one output, before they are put together. */
export type RenderedOutput = {
  structured: unknown;
  lines: string[];
  blocks: ContentBlock[];
  truncated: boolean;
};

/** Where an output can be read whole, when the job has an id. */
export type ResourceUris = {
  forOutput(outputId: string): string | undefined;
  forResults(): string | undefined;
};
