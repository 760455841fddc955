import { describe, expect, it } from 'vitest';
import { wktToGeometry } from '../../src/util/wkt.js';

describe('WKT to GeoJSON', () => {
  it('reads points, lines, polygons and their MULTI forms', () => {
    expect(wktToGeometry('POINT(5 45)')).toEqual({ type: 'Point', coordinates: [5, 45] });
    expect(wktToGeometry('point z (5 45 100)')).toEqual({ type: 'Point', coordinates: [5, 45] });
    expect(wktToGeometry('LINESTRING(0 0, 1 1, 2 0)')).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1], [2, 0]] });
    expect(wktToGeometry('POLYGON((0 0, 1 0, 1 1, 0 0), (0.2 0.2, 0.4 0.2, 0.4 0.4, 0.2 0.2))')).toEqual({
      type: 'Polygon',
      coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]]],
    });
    expect(wktToGeometry('MULTIPOINT((1 2), (3 4))')).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(wktToGeometry('MULTIPOINT(1 2, 3 4)')).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(wktToGeometry('MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))')?.coordinates).toHaveLength(2);
  });

  it('says undefined to what is not WKT it knows', () => {
    for (const text of ['', 'CIRCLE(1 2)', 'POINT(1)', 'POINT(a b)', 'POLYGON((0 0, 1 0)', 'POINT(1 2) trailing', 'GEOMETRYCOLLECTION(POINT(1 2))']) {
      expect(wktToGeometry(text)).toBeUndefined();
    }
  });
});
