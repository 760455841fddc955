// What the maps draw: geometries found in inputs and outputs.
import { describe, expect, it } from 'vitest';
import { boxCollection, boxToWkt, geometryOf } from '../../web/shared/geo.js';

describe('geometries in values', () => {
  it('finds GeoJSON, OGC bounding boxes, WKT and qualified GeoJSON', () => {
    expect(geometryOf({ type: 'Point', coordinates: [1, 2] })?.features).toHaveLength(1);
    expect(geometryOf({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: {} }, 'junk'] })?.features).toHaveLength(1);
    expect(geometryOf({ bbox: [5, 45, 6, 46], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' })?.features[0]?.geometry?.type).toBe('Polygon');
    expect(geometryOf({ bbox: [0, 0, 0, 1, 1, 9] })?.features[0]?.properties).toEqual({ bbox: [0, 0, 1, 1] });
    expect(geometryOf('POINT(5 45)')?.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [5, 45] });
    expect(geometryOf({ value: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, mediaType: 'application/geo+json' })?.features).toHaveLength(1);
  });

  it('leaves alone what it cannot place: other CRSs, plain values, odd boxes', () => {
    expect(geometryOf({ bbox: [500000, 4000000, 600000, 4100000], crs: 'http://www.opengis.net/def/crs/EPSG/0/32632' })).toBeUndefined();
    for (const v of [42, 'hello', [1, 2, 3, 4], { type: 'Nope' }, { bbox: [1, 2, 3] }, null]) expect(geometryOf(v)).toBeUndefined();
  });

  it('splits a box across the antimeridian and writes boxes as WKT', () => {
    expect(boxCollection([170, -10, -170, 10]).features[0]?.geometry?.type).toBe('MultiPolygon');
    expect(boxToWkt([1, 2, 3, 4])).toBe('POLYGON((1 2, 3 2, 3 4, 1 4, 1 2))');
  });
});
