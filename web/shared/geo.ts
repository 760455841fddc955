// Geometries found in process inputs and outputs, as GeoJSON for the map:
// GeoJSON objects themselves, OGC bounding boxes ({bbox, crs} or four numbers
// that a form field marks as a box) and WKT strings (POINT, LINESTRING, POLYGON
// and their MULTI forms).

import { isRecord } from '../../src/util/records.js';
import { wktToGeometry, type Geometry } from '../../src/util/wkt.js';

export { wktToGeometry, type Geometry };
export type Position = [number, number];
export interface Feature {
  type: 'Feature';
  geometry: Geometry | null;
  properties: Record<string, unknown> | null;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
const CRS84 = /CRS84|EPSG\/0\/4326|EPSG:4326/i;


/** A FeatureCollection for any GeoJSON value; undefined for anything else. */
export function asFeatureCollection(value: unknown): FeatureCollection | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') return undefined;
  if (value.type === 'FeatureCollection' && Array.isArray(value.features)) {
    return { type: 'FeatureCollection', features: value.features.filter((f): f is Feature => isRecord(f) && f.type === 'Feature') };
  }
  if (value.type === 'Feature' && 'geometry' in value) {
    return { type: 'FeatureCollection', features: [value as unknown as Feature] };
  }
  if (GEOMETRY_TYPES.has(value.type) && ('coordinates' in value || 'geometries' in value)) {
    return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: value as unknown as Geometry, properties: null }] };
  }
  return undefined;
}

/** [minx, miny, maxx, maxy] of a 4- or 6-number box. */
export function boxCorners(bbox: readonly number[]): [number, number, number, number] | undefined {
  if (!bbox.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  if (bbox.length === 4) return [bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!];
  if (bbox.length === 6) return [bbox[0]!, bbox[1]!, bbox[3]!, bbox[4]!];
  return undefined;
}

/** An OGC bbox value ({bbox: [...], crs?}) in CRS84, as a polygon; undefined otherwise. */
export function ogcBboxFeature(value: unknown): FeatureCollection | undefined {
  if (!isRecord(value) || !Array.isArray(value.bbox)) return undefined;
  if (typeof value.crs === 'string' && !CRS84.test(value.crs)) return undefined;
  const corners = boxCorners(value.bbox as number[]);
  return corners ? boxCollection(corners) : undefined;
}

/** A box [minx, miny, maxx, maxy] as a polygon (split at the antimeridian when minx > maxx). */
export function boxCollection(box: readonly number[]): FeatureCollection {
  const [minx = 0, miny = 0, maxx = 0, maxy = 0] = box;
  const ring = (x0: number, x1: number): Position[] => [[x0, miny], [x1, miny], [x1, maxy], [x0, maxy], [x0, miny]];
  const geometry: Geometry =
    minx <= maxx ? { type: 'Polygon', coordinates: [ring(minx, maxx)] } : { type: 'MultiPolygon', coordinates: [[ring(minx, 180)], [ring(-180, maxx)]] };
  return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: { bbox: [minx, miny, maxx, maxy] } }] };
}

/** A polygon WKT for a box (what a map widget writes into a WKT field). */
export function boxToWkt([minx, miny, maxx, maxy]: readonly number[]): string {
  const r = (n: number | undefined) => String(Math.round((n ?? 0) * 1e6) / 1e6);
  return `POLYGON((${r(minx)} ${r(miny)}, ${r(maxx)} ${r(miny)}, ${r(maxx)} ${r(maxy)}, ${r(minx)} ${r(maxy)}, ${r(minx)} ${r(miny)}))`;
}

/** Whatever in a value can be drawn: GeoJSON, an OGC bbox, a WKT string. */
export function geometryOf(value: unknown): FeatureCollection | undefined {
  if (typeof value === 'string') {
    const g = wktToGeometry(value);
    return g ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: g, properties: null }] } : undefined;
  }
  if (isRecord(value) && isRecord(value.value) && typeof value.mediaType === 'string') return geometryOf(value.value);
  return asFeatureCollection(value) ?? ogcBboxFeature(value);
}
