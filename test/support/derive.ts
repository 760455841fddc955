// A raw description to a tool the way the catalog does it: read by the OGC
// layer, then derived by the bridge.
import { type DeriveOptions, type DeriveResult, deriveTool } from '../../src/bridge/describe/index.js';
import { readProcessDescription } from '../../src/ogc/index.js';

export function deriveFrom(raw: unknown, name: string, options: DeriveOptions & { processId?: string } = {}): DeriveResult {
  const { processId, ...deriveOptions } = options;
  const reading = readProcessDescription(raw, processId !== undefined ? { processId } : {});
  return reading.ok ? deriveTool(reading.process, name, deriveOptions) : reading;
}
