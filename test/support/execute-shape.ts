// The value forms of an OGC API - Processes Part 1 execute request, checked
// without the official schemas: each input is a literal, an array, a bounding
// box, a link or a qualified value. An input that is an object but none of those
// is a raw object, which Part 1 1.0 does not define.
// The official schemas, when present, check the same requests more strictly.

type Value = unknown;

function isObject(value: Value): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const QUALIFIED_KEYS = new Set(['value', 'mediaType', 'encoding', 'schema']);

/** What Part 1 recognises as an object value, or undefined for a raw object. */
export function objectForm(value: Record<string, unknown>): 'bbox' | 'link' | 'qualified' | undefined {
  if (Array.isArray(value.bbox)) return 'bbox';
  if (typeof value.href === 'string') return 'link';
  if ('value' in value && Object.keys(value).every((k) => QUALIFIED_KEYS.has(k))) return 'qualified';
  return undefined;
}

function valueProblems(value: Value, where: string, rawObjects: boolean): string[] {
  if (value === null || value === undefined) return [`${where}: no value`];
  // An array is a value of its own (Part 1 puts no bound on its items), or several
  // occurrences: any object item is allowed, the recognisable forms are still checked.
  if (Array.isArray(value)) return value.flatMap((item, i) => valueProblems(item, `${where}[${i}]`, true));
  if (!isObject(value)) return typeof value === 'function' || typeof value === 'symbol' ? [`${where}: not JSON`] : [];
  const form = objectForm(value);
  if (form === 'bbox') {
    const box = value.bbox as unknown[];
    const problems: string[] = [];
    if (!(box.length === 4 || box.length === 6) || !box.every((n) => typeof n === 'number')) problems.push(`${where}: bbox needs 4 or 6 numbers`);
    if (value.crs !== undefined && typeof value.crs !== 'string') problems.push(`${where}: crs must be a string`);
    return problems;
  }
  if (form === 'link') return value.type === undefined || typeof value.type === 'string' ? [] : [`${where}: link type must be a string`];
  if (form === 'qualified') {
    const problems: string[] = [];
    for (const key of ['mediaType', 'encoding'] as const) {
      if (value[key] !== undefined && typeof value[key] !== 'string') problems.push(`${where}: ${key} must be a string`);
    }
    return problems;
  }
  return rawObjects ? [] : [`${where}: a raw object (neither bbox, link nor qualified value)`];
}

/** Problems with an execute request's inputs; empty when every value has a Part 1 form. */
export function executeShapeProblems(request: { inputs?: Record<string, unknown> }, options: { rawObjects?: boolean } = {}): string[] {
  if (!isObject(request.inputs)) return ['inputs: not an object'];
  return Object.entries(request.inputs).flatMap(([id, value]) => valueProblems(value, `inputs.${id}`, options.rawObjects ?? false));
}
