// Older ways of describing an input or output, translated into the OpenAPI
// schema Part 1 1.0 would carry:
// - pre-1.0 drafts and WPS-style servers: `input`/`output` wrappers with
//   literalDataDomain(s) (dataType, allowedValues, ranges, defaultValue, uom),
//   formats [{mimeType, encoding, default}] and supportedCRS;
// - PyWPS JSON (Weaver's stored processes): type literal|complex|bbox,
//   data_type, allowed_values, data_format;
// - pygeoapi's `enum` beside `schema` instead of inside it.
import { toNumber, typeFromName } from './data-types.js';
import { plainText } from './text.js';
import { isRecord, ownKeys, ownValue } from '../util/records.js';
import { truncateWords } from '../util/text.js';
import { isJsonMediaType } from './media.js';

type Schema = Record<string, unknown>;

/** The schema of one input/output definition, or undefined when it describes none. */
export function schemaOfDefinition(def: Record<string, unknown>, warn: (message: string) => void): unknown {
  const given = ownValue(def, 'schema');
  if (isRecord(given)) return withTypedEnum(withOutsideEnum(given, ownValue(def, 'enum')) as Schema);
  if (typeof given === 'boolean') return given;

  // Drafts wrap the domain in `input` / `output`; Weaver and PyWPS put it on the definition.
  const inner = isRecord(ownValue(def, 'input')) ? (ownValue(def, 'input') as Schema) : isRecord(ownValue(def, 'output')) ? (ownValue(def, 'output') as Schema) : def;

  const domain = literalDomainOf(inner) ?? literalDomainOf(def);
  if (domain !== undefined) return literalSchema(domain, warn);
  if (isPywpsLiteral(inner)) return literalSchema(pywpsDomain(inner), warn);

  const crsList = supportedCrsOf(inner);
  if (crsList !== undefined) return bboxFromCrsList(crsList);

  const formats = formatsOf(inner) ?? formatsOf(def);
  if (formats !== undefined && formats.length > 0) return contentSchema(formats);
  // A bare data type beside the definition (Weaver's WPS providers: "type": "string").
  const bareType = typeFromName(ownValue(def, 'type'));
  if (bareType !== undefined) return { ...bareType };
  return undefined;
}

/** ZOO-Project lists the allowed values of a number as strings: as numbers, they can match. */
function withTypedEnum(schema: Schema): Schema {
  const type = ownValue(schema, 'type');
  const list = ownValue(schema, 'enum');
  if ((type !== 'integer' && type !== 'number') || !Array.isArray(list) || !list.some((v) => typeof v === 'string')) return schema;
  const values = list.map((v) => coerce(v, type));
  if (values.some((v) => v === undefined)) return schema;
  return { ...schema, enum: values };
}

function withOutsideEnum(schema: Schema | boolean, outsideEnum: unknown): unknown {
  if (!Array.isArray(outsideEnum) || !isRecord(schema) || ownValue(schema, 'enum') !== undefined) return schema;
  const items = ownValue(schema, 'items');
  if (ownValue(schema, 'type') === 'array' && isRecord(items) && ownValue(items, 'enum') === undefined) {
    return { ...schema, items: { ...items, enum: outsideEnum } };
  }
  return { ...schema, enum: outsideEnum };
}

// ---------------------------------------------------------------- literal data

interface LiteralDomain {
  dataType: unknown;
  /** Allowed values and ranges, in whatever form the server wrote them. */
  valueDefinition: unknown;
  defaultValue: unknown;
  uom: unknown;
}

function literalDomainOf(obj: Schema): LiteralDomain | undefined {
  // literalDataDomain, literalDataDomains, LiteralDataDomain (Testbed-14), ...
  const key = ownKeys(obj).find((k) => /^literal_?data_?domains?$/i.test(k));
  if (key === undefined) return undefined;
  let domain = obj[key];
  if (Array.isArray(domain)) {
    const domains = domain.filter(isRecord);
    domain = domains.find((d) => ownValue(d, 'default') === true) ?? domains[0];
  }
  if (!isRecord(domain)) return undefined;
  return {
    dataType: ownValue(domain, 'dataType') ?? ownValue(domain, 'data_type'),
    valueDefinition: ownValue(domain, 'valueDefinition') ?? ownValue(domain, 'allowedValues') ?? ownValue(domain, 'allowed_values'),
    defaultValue: ownValue(domain, 'defaultValue') ?? ownValue(domain, 'default_value'),
    uom: ownValue(domain, 'uom') ?? ownValue(domain, 'uoms'),
  };
}

function isPywpsLiteral(obj: Schema): boolean {
  const type = ownValue(obj, 'type');
  return (typeof type === 'string' && type.toLowerCase() === 'literal') || ownValue(obj, 'data_type') !== undefined;
}

function pywpsDomain(obj: Schema): LiteralDomain {
  return {
    dataType: ownValue(obj, 'data_type'),
    valueDefinition: ownValue(obj, 'allowed_values'),
    // PyWPS `data` holds the current value ("null" when unset), not a declared default.
    defaultValue: undefined,
    uom: ownValue(obj, 'uoms') ?? ownValue(obj, 'uom'),
  };
}

function literalSchema(domain: LiteralDomain, warn: (message: string) => void): Schema {
  const schema: Schema = {};
  const typeName = isRecord(domain.dataType) ? ownValue(domain.dataType, 'name') : domain.dataType;
  const mapped = typeFromName(typeName);
  if (mapped !== undefined) {
    schema.type = mapped.type;
    if (mapped.format !== undefined) schema.format = mapped.format;
  } else if (typeName !== undefined && typeName !== null) {
    warn(`data type ${JSON.stringify(truncateWords(String(typeName), 40))} is not a known type; any value is accepted`);
  }
  const type = typeof schema.type === 'string' ? schema.type : undefined;

  const { values, ranges } = allowedValuesOf(domain.valueDefinition);
  const enumValues = values.map((v) => coerce(v, type)).filter((v) => v !== undefined);
  if (enumValues.length > 0) schema.enum = enumValues;
  if (enumValues.length === 0 && ranges.length > 0 && (type === 'integer' || type === 'number' || type === undefined)) {
    const rangeSchemas = ranges.map((r) => rangeSchema(r)).filter((r) => Object.keys(r).length > 0);
    if (rangeSchemas.length === 1) Object.assign(schema, rangeSchemas[0]);
    else if (rangeSchemas.length > 1) schema.oneOf = rangeSchemas;
  }

  const defaultValue = coerce(domain.defaultValue, type);
  if (defaultValue !== undefined) schema.default = defaultValue;

  const uom = uomText(domain.uom);
  if (uom !== undefined) schema.description = `Unit of measure: ${uom}.`;
  return schema;
}

interface Range {
  minimum: unknown;
  maximum: unknown;
  closure: unknown;
}

function allowedValuesOf(definition: unknown): { values: unknown[]; ranges: Range[] } {
  const values: unknown[] = [];
  const ranges: Range[] = [];
  const visit = (entry: unknown, depth: number): void => {
    if (depth > 3 || values.length + ranges.length > 1000) return;
    if (Array.isArray(entry)) {
      for (const item of entry.slice(0, 1000)) visit(item, depth + 1);
      return;
    }
    if (!isRecord(entry)) {
      if (entry !== null && entry !== undefined) values.push(entry);
      return;
    }
    const min = ownValue(entry, 'minimumValue') ?? ownValue(entry, 'minval') ?? ownValue(entry, 'minimum');
    const max = ownValue(entry, 'maximumValue') ?? ownValue(entry, 'maxval') ?? ownValue(entry, 'maximum');
    if (min !== undefined || max !== undefined) {
      ranges.push({ minimum: min, maximum: max, closure: ownValue(entry, 'rangeClosure') ?? ownValue(entry, 'range_closure') });
      return;
    }
    // {anyValue: true} allows anything; {allowedValues: [...]}, {value: x} list values.
    const nested = ownValue(entry, 'allowedValues') ?? ownValue(entry, 'allowed_values');
    if (nested !== undefined) visit(nested, depth + 1);
    const single = ownValue(entry, 'value');
    if (single !== undefined && single !== null && !isRecord(single)) values.push(single);
  };
  visit(definition, 0);
  return { values, ranges };
}

function rangeSchema(range: Range): Schema {
  const out: Schema = {};
  const min = toNumber(range.minimum);
  const max = toNumber(range.maximum);
  const closure = typeof range.closure === 'string' ? range.closure.toLowerCase() : 'closed';
  if (min !== undefined) out.minimum = min;
  if (max !== undefined) out.maximum = max;
  if (min !== undefined && (closure === 'open' || closure === 'open-closed')) out.exclusiveMinimum = true;
  if (max !== undefined && (closure === 'open' || closure === 'closed-open')) out.exclusiveMaximum = true;
  return out;
}

/** A declared value in the JSON type of the input ("1.0" for a number is 1). */
function coerce(value: unknown, type: string | undefined): unknown {
  if (value === undefined || value === null || isRecord(value) || Array.isArray(value)) return undefined;
  if (type === 'integer' || type === 'number') {
    const n = toNumber(value);
    if (n === undefined || (type === 'integer' && !Number.isInteger(n))) return undefined;
    return n;
  }
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return undefined;
  }
  if (type === 'string') return String(value);
  return value;
}

function uomText(uom: unknown): string | undefined {
  if (Array.isArray(uom)) {
    const names = uom.slice(0, 10).map(uomText).filter((u): u is string => u !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (isRecord(uom)) return plainText(ownValue(uom, 'name') ?? ownValue(uom, 'uom') ?? ownValue(uom, 'default'));
  return plainText(uom);
}

// ---------------------------------------------------------------- bounding boxes

function supportedCrsOf(obj: Schema): string[] | undefined {
  const type = ownValue(obj, 'type');
  const list = ownValue(obj, 'supportedCRS') ?? ownValue(obj, 'supported_crs') ?? ownValue(obj, 'crss');
  const isBbox = typeof type === 'string' && /^(bbox|boundingbox)$/i.test(type);
  if (list === undefined && !isBbox) return undefined;
  const entries = Array.isArray(list) ? list.slice(0, 100) : list === undefined ? [] : [list];
  const crs: string[] = [];
  let defaultCrs: string | undefined;
  for (const entry of entries) {
    const name = isRecord(entry) ? (ownValue(entry, 'crs') ?? ownValue(entry, 'uri')) : entry;
    if (typeof name !== 'string' || name.trim() === '') continue;
    if (!crs.includes(name)) crs.push(name);
    if (isRecord(entry) && ownValue(entry, 'default') === true) defaultCrs = name;
  }
  if (defaultCrs === undefined) return crs;
  return [defaultCrs, ...crs.filter((c) => c !== defaultCrs)];
}

function bboxFromCrsList(crs: string[]): Schema {
  const crsSchema: Schema = { type: 'string' };
  if (crs.length > 0) {
    crsSchema.enum = crs;
    crsSchema.default = crs[0];
  }
  return { type: 'object', format: 'ogc-bbox', properties: { crs: crsSchema } };
}

// ---------------------------------------------------------------- complex data

interface Format {
  mediaType: string;
  encoding?: string;
}

function formatsOf(obj: Schema): Format[] | undefined {
  const list = ownValue(obj, 'formats') ?? ownValue(obj, 'supported_formats');
  const single = ownValue(obj, 'data_format');
  const entries: unknown[] = Array.isArray(list) ? list.slice(0, 100) : [];
  if (isRecord(single)) entries.unshift(single);
  if (entries.length === 0) return undefined;
  const formats: Format[] = [];
  let defaultIndex = -1;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const mediaType = ownValue(entry, 'mediaType') ?? ownValue(entry, 'mimeType') ?? ownValue(entry, 'mime_type');
    if (typeof mediaType !== 'string' || mediaType.trim() === '') continue;
    const encoding = ownValue(entry, 'encoding');
    const format: Format = { mediaType: mediaType.trim() };
    if (typeof encoding === 'string' && encoding.trim() !== '') format.encoding = encoding.trim();
    const existing = formats.findIndex((f) => f.mediaType === format.mediaType);
    if (existing === -1) formats.push(format);
    else if (format.encoding !== undefined && formats[existing].encoding === undefined) formats[existing] = format;
    if (ownValue(entry, 'default') === true && defaultIndex === -1) defaultIndex = formats.findIndex((f) => f.mediaType === format.mediaType);
  }
  if (defaultIndex > 0) formats.unshift(...formats.splice(defaultIndex, 1));
  return formats;
}

/** Inline content in one of the formats, the default one first. */
function contentSchema(formats: Format[]): Schema {
  const alternatives = formats.map((f): Schema => {
    if (isJsonMediaType(f.mediaType) && f.encoding === undefined) return { contentMediaType: f.mediaType };
    const alt: Schema = { type: 'string', contentMediaType: f.mediaType };
    if (f.encoding !== undefined) alt.contentEncoding = f.encoding;
    return alt;
  });
  return alternatives.length === 1 ? alternatives[0] : { oneOf: alternatives };
}
