import { QUICK_JOB_CONTROL, type DemoProcess } from './types.js';

/** The official bbox schema, referenced exactly as the OGC example process description does. */
export const OGC_BBOX_SCHEMA_URL = 'https://schemas.opengis.net/ogcapi/processes/part1/1.0/openapi/schemas/bbox.yaml';

const EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** 2D corners of a 4- or 6-number OGC bbox ([minx, miny, (minz,) maxx, maxy, (maxz)]). */
function corners(bbox: number[]): [number, number, number, number] {
  return bbox.length === 6 ? [bbox[0], bbox[1], bbox[3], bbox[4]] : [bbox[0], bbox[1], bbox[2], bbox[3]];
}

export const bboxArea: DemoProcess = {
  id: 'bbox_area',
  title: 'Bounding Box Area',
  description:
    'Computes the area (square kilometres, on a sphere) and the centre of a CRS84 bounding box. A box whose min longitude exceeds its max longitude crosses the antimeridian.',
  version: '1.0.0',
  jobControlOptions: QUICK_JOB_CONTROL,
  outputTransmission: ['value'],
  inputs: {
    bbox: {
      title: 'Bounding box',
      description: 'An OGC bounding box: {"bbox": [minLon, minLat, maxLon, maxLat], "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}.',
      minOccurs: 1,
      schema: { allOf: [{ format: 'ogc-bbox' }, { $ref: OGC_BBOX_SCHEMA_URL }] },
      'x-ui-widget': 'map',
    },
  },
  outputs: {
    area: { title: 'Area', description: 'Area in square kilometres.', schema: { type: 'number', minimum: 0 } },
    centre: {
      title: 'Centre',
      description: 'Centre as [longitude, latitude].',
      schema: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    },
  },
  async run(inputs) {
    const { bbox } = inputs.bbox as { bbox: number[] };
    const [minx, miny, maxx, maxy] = corners(bbox);
    if (miny > maxy) throw new Error(`bbox min latitude ${miny} is greater than max latitude ${maxy}`);
    if (miny < -90 || maxy > 90) throw new Error('bbox latitudes must lie within [-90, 90]');
    const width = minx <= maxx ? maxx - minx : maxx + 360 - minx;
    const area = EARTH_RADIUS_KM ** 2 * toRad(width) * Math.abs(Math.sin(toRad(maxy)) - Math.sin(toRad(miny)));
    let centreX = minx + width / 2;
    if (centreX > 180) centreX -= 360;
    return { area, centre: [centreX, (miny + maxy) / 2] };
  },
};
