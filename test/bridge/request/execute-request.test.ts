import { describe, expect, it } from 'vitest';
import { argumentsFromInputIds, toExecuteRequest } from '../../../src/bridge/request/index.js';
import type { DerivedTool } from '../../../src/bridge/describe/index.js';
import { deriveFrom } from '../../support/derive.js';
import { executeShapeProblems } from '../../support/execute-shape.js';
import { officialValidator } from '../../support/official-schemas.js';
import { sharedMissing } from '../../support/shared-data.js';

function tool(raw: unknown): DerivedTool {
  const result = deriveFrom(raw, 'the_tool');
  if (!result.ok) throw new Error(result.reason);
  return result.tool;
}

// The official schemas are in the shared data beside the repository: read on first use.
const validateExecute = (doc: unknown) => officialValidator('execute')(doc);

const process = tool({
  id: 'p',
  outputTransmission: ['value', 'reference'],
  inputs: {
    text: { schema: { type: 'string' }, minOccurs: 0 },
    count: { schema: { type: 'integer' }, minOccurs: 0 },
    values: { schema: { type: 'number' }, minOccurs: 0, maxOccurs: 5 },
    area: { schema: { allOf: [{ format: 'ogc-bbox' }, { $ref: 'bbox.yaml' }] }, minOccurs: 0 },
    measure: { schema: { type: 'object', properties: { value: { type: 'number' }, uom: { type: 'string' } } }, minOccurs: 0 },
    image: { schema: { type: 'string', contentEncoding: 'binary', contentMediaType: 'image/png' }, minOccurs: 0 },
    gml: { schema: { type: 'string', contentMediaType: 'application/gml+xml' }, minOccurs: 0 },
    tiles: {
      schema: { oneOf: [{ type: 'string', contentEncoding: 'binary', contentMediaType: 'image/tiff' }, { type: 'string', contentMediaType: 'text/csv' }] },
      minOccurs: 0,
      maxOccurs: 'unbounded',
    },
    'odd id': { schema: { type: 'boolean' }, minOccurs: 0 },
    nullable: { schema: { type: 'string', nullable: true }, minOccurs: 1 },
  },
  outputs: { result: { schema: {} } },
});

const arg = (id: string) => process.inputs.find((i) => i.id === id)?.argumentName ?? id;

describe('toExecuteRequest', () => {
  it('sends literals as they are and leaves omitted inputs out', () => {
    expect(toExecuteRequest(process, { text: 'hi', count: 3 })).toEqual({ inputs: { text: 'hi', count: 3 } });
    expect(toExecuteRequest(process, {})).toEqual({ inputs: {} });
  });

  it('leaves out an explicit null for an optional input, but sends it for a required one', () => {
    expect(toExecuteRequest(process, { text: null, nullable: null })).toEqual({ inputs: { nullable: null } });
  });

  it('sends several values as a JSON array', () => {
    expect(toExecuteRequest(process, { values: [1, 2.5] }).inputs).toEqual({ values: [1, 2.5] });
  });

  it('sends a bounding box as {bbox, crs}, nothing else', () => {
    const request = toExecuteRequest(process, { area: { bbox: [5, 50, 6, 51], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84', extra: 1 } });
    expect(request.inputs.area).toEqual({ bbox: [5, 50, 6, 51], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' });
    expect(toExecuteRequest(process, { area: { bbox: [5, 50, 6, 51] } }).inputs.area).toEqual({ bbox: [5, 50, 6, 51] });
  });

  it('sends references as {href, type}', () => {
    const request = toExecuteRequest(process, { measure: { href: 'https://example.org/m.json', type: 'application/json' } });
    expect(request.inputs.measure).toEqual({ href: 'https://example.org/m.json', type: 'application/json' });
    expect(toExecuteRequest(process, { image: { href: 'https://example.org/a.png' } }).inputs.image).toEqual({ href: 'https://example.org/a.png' });
  });

  it('sends objects raw by default, qualified on request', () => {
    const measure = { value: 3, uom: 'm' };
    expect(toExecuteRequest(process, { measure }).inputs.measure).toEqual(measure);
    expect(toExecuteRequest(process, { measure }, { objectInputEncoding: 'qualified' }).inputs.measure).toEqual({ value: measure, mediaType: 'application/json' });
  });

  it('sends binary content as {value, encoding: base64, mediaType}', () => {
    expect(toExecuteRequest(process, { image: 'iVBORw0KGgo=' }).inputs.image).toEqual({ value: 'iVBORw0KGgo=', encoding: 'base64', mediaType: 'image/png' });
  });

  it('sends text content with its media type', () => {
    expect(toExecuteRequest(process, { gml: '<gml:Point/>' }).inputs.gml).toEqual({ value: '<gml:Point/>', mediaType: 'application/gml+xml' });
  });

  it('sends content chosen among several media types with the chosen type, base64 only for binary ones', () => {
    const request = toExecuteRequest(process, {
      tiles: [
        { value: 'SUkqAA==', mediaType: 'image/tiff' },
        { value: 'a,b\n1,2', mediaType: 'text/csv' },
        { href: 'https://example.org/t.tif', type: 'image/tiff' },
      ],
    });
    expect(request.inputs.tiles).toEqual([
      { value: 'SUkqAA==', mediaType: 'image/tiff', encoding: 'base64' },
      { value: 'a,b\n1,2', mediaType: 'text/csv' },
      { href: 'https://example.org/t.tif', type: 'image/tiff' },
    ]);
  });

  it('maps renamed arguments back to their input ids', () => {
    expect(arg('odd id')).not.toBe('odd id');
    expect(toExecuteRequest(process, { [arg('odd id')]: true }).inputs).toEqual({ 'odd id': true });
    // The raw id is not an argument of the tool.
    expect(toExecuteRequest(process, { 'odd id': true }).inputs).toEqual({});
  });

  it('reads inputs keyed by input id as arguments (execute_process)', () => {
    const args = argumentsFromInputIds(process, { 'odd id': true, text: 'hi', unknown: 1 });
    expect(args).toEqual({ [arg('odd id')]: true, text: 'hi', unknown: 1 });
    expect(argumentsFromInputIds(process, { [arg('odd id')]: false })).toEqual({ [arg('odd id')]: false });
    expect(toExecuteRequest(process, args).inputs).toEqual({ 'odd id': true, text: 'hi' });
  });

  it('asks for selected outputs by value, and the response mode', () => {
    expect(toExecuteRequest(process, {}, { outputs: ['result'], response: 'document' })).toEqual({
      inputs: {},
      outputs: { result: { transmissionMode: 'value' } },
      response: 'document',
    });
    const byReference = tool({ id: 'r', outputTransmission: ['reference'], outputs: { o: { schema: {} } } });
    expect(toExecuteRequest(byReference, {}, { outputs: ['o'] }).outputs).toEqual({ o: { transmissionMode: 'reference' } });
  });

  const everyKind = () =>
    toExecuteRequest(
      process,
      {
        text: 'hi',
        values: [1, 2],
        area: { bbox: [5, 50, 6, 51] },
        measure: { value: 3, uom: 'm' },
        image: 'iVBORw0KGgo=',
        gml: '<a/>',
        tiles: [{ value: 'SUkqAA==', mediaType: 'image/tiff' }, { href: 'https://example.org/t.tif' }],
      },
      { objectInputEncoding: 'qualified', outputs: ['result'], response: 'document' },
    );
  const rawObject = () => toExecuteRequest(process, { measure: { uom: 'm' } });

  it('builds requests with Part 1 value forms only', () => {
    expect(executeShapeProblems(everyKind())).toEqual([]);
  });

  it('builds a raw-object request on request, which is no Part 1 form (why qualified exists)', () => {
    expect(executeShapeProblems(rawObject())).toEqual(['inputs.measure: a raw object (neither bbox, link nor qualified value)']);
  });

  it.skipIf(sharedMissing)('builds requests that the official execute schema accepts', () => {
    expect(validateExecute(everyKind()).errors).toBe('');
  });

  it.skipIf(sharedMissing)('builds a raw-object request the official schema rejects (why qualified exists)', () => {
    expect(validateExecute(rawObject()).valid).toBe(false);
  });

  it('never writes through __proto__', () => {
    const t = tool(JSON.parse('{"id":"p","inputs":{"__proto__":{"schema":{"type":"object"}}}}'));
    const name = t.inputs[0].argumentName;
    const request = toExecuteRequest(t, JSON.parse(`{"${name}":{"polluted":true}}`));
    expect(Object.keys(request.inputs)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(request.inputs)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
