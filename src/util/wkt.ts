// WKT (POINT, LINESTRING, POLYGON and their MULTI forms) as GeoJSON geometry.
// Pure, no dependencies: the demo server writes GeoJSON from WKT inputs with
// it, and the web front end (bundled) draws WKT values on its maps.

export type Position = [number, number];
export interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/** A WKT string as GeoJSON; undefined when it is not WKT of a supported type. */
export function wktToGeometry(text: string): Geometry | undefined {
  const m = /^\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(?:Z|M|ZM)?\s*(\(.*\))\s*$/is.exec(text);
  if (!m) return undefined;
  const kind = m[1]!.toUpperCase();
  let nested: unknown;
  try {
    nested = parseNested(m[2]!);
  } catch {
    return undefined;
  }
  const positions = (v: unknown): Position[] => (v as number[][]).map((p) => [p[0]!, p[1]!]);
  switch (kind) {
    case 'POINT':
      return { type: 'Point', coordinates: positions(nested)[0] };
    case 'LINESTRING':
      return { type: 'LineString', coordinates: positions(nested) };
    case 'POLYGON':
      return { type: 'Polygon', coordinates: (nested as unknown[]).map(positions) };
    case 'MULTIPOINT':
      return { type: 'MultiPoint', coordinates: (nested as unknown[]).flatMap((p) => (Array.isArray((p as unknown[])[0]) ? positions(p) : [p as Position])) };
    case 'MULTILINESTRING':
      return { type: 'MultiLineString', coordinates: (nested as unknown[]).map(positions) };
    default:
      return { type: 'MultiPolygon', coordinates: (nested as unknown[]).map((poly) => (poly as unknown[]).map(positions)) };
  }
}

/** "((1 2, 3 4), (5 6))" -> [[[1,2],[3,4]],[[5,6]]]: lists of lists ending in number tuples. */
function parseNested(text: string): unknown {
  let i = 0;
  const list = (): unknown[] => {
    if (text[i] !== '(') throw new Error('(');
    i++;
    const items: unknown[] = [];
    for (;;) {
      while (text[i] === ' ' || text[i] === '\n' || text[i] === '\t') i++;
      if (text[i] === '(') items.push(list());
      else {
        const m = /^[^,()]+/.exec(text.slice(i));
        if (!m) throw new Error('number');
        const numbers = m[0].trim().split(/\s+/).map(Number);
        if (numbers.length < 2 || numbers.some((n) => !Number.isFinite(n))) throw new Error('number');
        items.push(numbers);
        i += m[0].length;
      }
      while (text[i] === ' ') i++;
      if (text[i] === ',') i++;
      else if (text[i] === ')') {
        i++;
        return items;
      } else throw new Error(')');
    }
  };
  const out = list();
  if (text.slice(i).trim() !== '') throw new Error('trailing');
  return out;
}

