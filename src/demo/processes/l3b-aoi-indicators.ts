import { setTimeout as delay } from 'node:timers/promises';
import { wktToGeometry } from '../../util/wkt.js';
import { QUICK_JOB_CONTROL, type DemoProcess } from './types.js';

const STEPS = 10;
const STEP_MS = 50; // the reference sleeps 0.5 s per step; short here so that tests stay fast

/** The reference's process "218": enum, date and WKT inputs carrying x-ui-* hints at the input level. */
export const l3bAoiIndicators: DemoProcess = {
  id: '218',
  title: 'L3B AOI Indicators Processor',
  description: 'Site Processing L3B NDVI Processor (demo from ESA Sen3CAP project).',
  version: '5.0.4',
  jobControlOptions: QUICK_JOB_CONTROL,
  outputTransmission: ['value'],
  inputs: {
    start_date: {
      title: 'Start date',
      minOccurs: 1,
      schema: { type: 'string', format: 'date', nullable: false },
      'x-ui-order': 10,
    },
    end_date: {
      title: 'End date',
      minOccurs: 1,
      schema: { type: 'string', format: 'date', nullable: false },
      'x-ui-order': 11,
    },
    geometry: {
      title: 'Geometry (WKT)',
      minOccurs: 1,
      schema: { type: 'string', format: 'wkt' },
      'x-ui-widget': 'map',
      'x-ui-order': 20,
    },
    indicator_name: {
      title: 'L3B Indicator Name',
      minOccurs: 0,
      schema: { type: 'string', enum: ['NDVI', 'LAI', 'FAPAR', 'FCOVER', 'NDWI'], nullable: true },
      'x-ui-widget': 'radio',
      'x-ui-advanced': true,
      'x-ui-order': 30,
    },
    site_extend: {
      title: 'Site extent',
      minOccurs: 0,
      schema: { type: 'string', format: 'wkt', nullable: true },
      'x-ui-order': 40,
    },
  },
  outputs: {
    return_value: { title: 'stacitemsfile', schema: { type: 'string', format: 'uri' } },
  },
  async run(inputs, ctx) {
    if ((inputs.end_date as string) < (inputs.start_date as string)) {
      throw new Error('end_date must not be before start_date');
    }
    ctx.reportProgress(0, 'Started processing');
    for (let step = 1; step <= STEPS; step++) {
      await delay(STEP_MS, undefined, { signal: ctx.signal });
      ctx.reportProgress((step * 100) / STEPS);
    }
    ctx.reportProgress(100, 'Ended processing');
    // The reference returns the non-null inputs; here they become a small STAC-like file behind a URI,
    // with the area of interest as a GeoJSON feature (what a map can show).
    const used = Object.fromEntries(Object.entries(inputs).filter(([, v]) => v !== null && v !== undefined));
    const geometry = wktToGeometry(inputs.geometry as string);
    const features = geometry ? [{ type: 'Feature', geometry, properties: { indicator: used.indicator_name ?? null, start_date: used.start_date, end_date: used.end_date } }] : [];
    const body = JSON.stringify({ type: 'FeatureCollection', features, properties: used });
    return { return_value: ctx.saveOutputFile('stacitems.json', 'application/json', body) };
  },
};
