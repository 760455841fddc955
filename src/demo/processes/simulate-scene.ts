import { QUICK_JOB_CONTROL, type DemoProcess } from './types.js';

const DAY_MS = 86_400_000;

/**
 * Zarr v2 consolidated metadata (.zmetadata) of the cube the reference would
 * write: small, yet a real description of the variables, their shape and
 * coordinates, so that the output link leads to something meaningful.
 */
function consolidatedMetadata(
  varNames: string[],
  bbox: number[],
  resolution: number,
  times: string[],
): Record<string, unknown> {
  const [minx, miny, maxx, maxy] = bbox;
  const width = Math.max(1, Math.round((maxx - minx) / resolution));
  const height = Math.max(1, Math.round((maxy - miny) / resolution));
  const metadata: Record<string, unknown> = {
    '.zgroup': { zarr_format: 2 },
    '.zattrs': { title: 'Simulated scene', bbox, resolution, time: times },
  };
  const array = (shape: number[], dims: string[]) => ({
    '.zarray': {
      zarr_format: 2,
      shape,
      chunks: shape,
      dtype: '<f4',
      compressor: null,
      fill_value: 'NaN',
      filters: null,
      order: 'C',
    },
    '.zattrs': { _ARRAY_DIMENSIONS: dims },
  });
  for (const name of varNames) {
    const a = array([times.length, height, width], ['time', 'y', 'x']);
    metadata[`${name}/.zarray`] = a['.zarray'];
    metadata[`${name}/.zattrs`] = a['.zattrs'];
  }
  return { zarr_consolidated_format: 1, metadata };
}

export const simulateScene: DemoProcess = {
  id: 'simulate_scene',
  title: 'Generate scene for testing',
  description:
    'Simulate a set scene images slices for testing. Creates a dataset with `periodicity` time slices and publishes it as Zarr; the output is a link to it.',
  version: '0.0.0',
  jobControlOptions: QUICK_JOB_CONTROL,
  outputTransmission: ['reference'],
  inputs: {
    var_names: {
      title: 'Variable names',
      description: 'Comma-separated list of variable names.',
      minOccurs: 0,
      schema: { type: 'string', default: 'a, b, c' },
    },
    bbox: {
      title: 'Bounding box',
      minOccurs: 0,
      schema: { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4, default: [-180, -90, 180, 90] },
      'x-ui-widget': 'map',
    },
    resolution: {
      title: 'Spatial resolution',
      minOccurs: 0,
      schema: { type: 'number', minimum: 0.01, maximum: 1.0, default: 0.5 },
      'x-ui-advanced': true,
    },
    start_date: {
      title: 'Start date',
      minOccurs: 0,
      schema: { type: 'string', format: 'date', default: '2025-01-01' },
    },
    end_date: {
      title: 'End date',
      minOccurs: 0,
      schema: { type: 'string', format: 'date', default: '2025-02-01' },
    },
    periodicity: {
      title: 'Periodicity',
      minOccurs: 0,
      schema: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
      'x-ui-advanced': true,
    },
    output_path: {
      title: 'Output path',
      minOccurs: 0,
      schema: { type: 'string', minLength: 1, nullable: true },
    },
  },
  outputs: {
    return_value: {
      title: 'Return Value',
      schema: { type: 'string', format: 'uri', contentMediaType: 'application/zarr' },
    },
  },
  async run(inputs, ctx) {
    const varNames = (inputs.var_names as string)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const bbox = inputs.bbox as number[];
    const start = Date.parse(inputs.start_date as string);
    const end = Date.parse(inputs.end_date as string);
    if (end < start) throw new Error('end_date must not be before start_date');
    const periodicity = inputs.periodicity as number;
    const times: string[] = [];
    for (let t = start; t <= end; t += periodicity * DAY_MS) times.push(new Date(t).toISOString().slice(0, 10));
    ctx.reportProgress(50, `Generating ${varNames.length} variables x ${times.length} time slices`);
    const name = typeof inputs.output_path === 'string' ? baseName(inputs.output_path) : 'datacube.zarr';
    const doc = consolidatedMetadata(varNames, bbox, inputs.resolution as number, times);
    const href = ctx.saveOutputFile(name, 'application/json', JSON.stringify(doc));
    ctx.reportProgress(100, 'Done');
    return { return_value: { href, type: 'application/zarr', title: 'Simulated scene (Zarr metadata)' } };
  },
};

/** Only the last path segment: the demo serves files per job, never a client-chosen path. */
function baseName(path: string): string {
  const last = path.split(/[\\/]/).filter((s) => s.length > 0).pop() ?? '';
  const safe = last.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe.length > 0 && safe !== '.' && safe !== '..' ? safe : 'datacube.zarr';
}
