// The test support module that validates documents against the official OGC
// schemas: it must accept the official examples and reject what the schemas forbid.
// Those parts read ../shared and are skipped without it; the conversion does not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { convertSchema, officialValidator, type OfficialSchemaName } from '../support/official-schemas.js';
import { officialExamplesDir, sharedMissing } from '../support/shared-data.js';

const readExample = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(officialExamplesDir, file), 'utf8')) as Record<string, unknown>;

describe.skipIf(sharedMissing)('officialValidator on the official examples', () => {
  const cases: Array<[string, OfficialSchemaName]> = [
    ['ConfClasses.json', 'confClasses'],
    ['Execute.json', 'execute'],
    ['LandingPage.json', 'landingPage'],
    ['ProcessDescription.json', 'process'],
    ['ProcessList.json', 'processList'],
    ['Result.json', 'results'],
  ];
  it.each(cases)('%s is a valid %s', (file, name) => {
    const result = officialValidator(name)(readExample(file));
    expect(result.errors).toBe('');
    expect(result.valid).toBe(true);
  });

  // statusInfo.yaml requires `type: process`, which the 1.0 examples omit: the
  // validator follows the schema, so the examples pass only once `type` is added.
  it.each([['StatusInfo.json'], ['StatusInfo-dismissed.json']])('%s needs the required type', (file) => {
    const doc = readExample(file);
    const without = officialValidator('statusInfo')(doc);
    expect(without.valid).toBe(false);
    expect(without.errors).toContain('type');
    expect(officialValidator('statusInfo')({ ...doc, type: 'process' })).toEqual({ valid: true, errors: '' });
  });

  it('JobList.json is valid once its jobs carry the required type', () => {
    const doc = readExample('JobList.json') as { jobs: Array<Record<string, unknown>>; links?: unknown };
    expect(officialValidator('jobList')(doc).valid).toBe(false);
    const fixed = { ...doc, jobs: doc.jobs.map((j) => ({ ...j, type: 'process' })) };
    expect(officialValidator('jobList')(fixed)).toEqual({ valid: true, errors: '' });
  });
});

describe.skipIf(sharedMissing)('officialValidator rejects what the schemas forbid', () => {
  it('a landing page without links', () => {
    const result = officialValidator('landingPage')({ title: 'x' });
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('links');
  });

  it('a status outside the status codes', () => {
    const result = officialValidator('statusInfo')({ jobID: 'a', status: 'created', type: 'process' });
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('/status');
  });

  it('progress above 100', () => {
    expect(officialValidator('statusInfo')({ jobID: 'a', status: 'running', type: 'process', progress: 101 }).valid).toBe(false);
  });

  it('an exception without type', () => {
    expect(officialValidator('exception')({ title: 'Not Found', status: 404 }).valid).toBe(false);
    expect(officialValidator('exception')({ type: 'about:blank', 'x-extra': 1 }).valid).toBe(true);
  });

  it('x-ui-* keys inside an input schema (schema.yaml admits no extra keys), but not beside it', () => {
    const process = (input: Record<string, unknown>) => ({
      id: 'p',
      version: '1.0.0',
      inputs: { a: input },
      outputs: { r: { schema: { type: 'string' } } },
    });
    const inside = officialValidator('process')(process({ schema: { type: 'string', 'x-ui-widget': 'map' } }));
    expect(inside.valid).toBe(false);
    const beside = officialValidator('process')(process({ schema: { type: 'string' }, 'x-ui-widget': 'map' }));
    expect(beside).toEqual({ valid: true, errors: '' });
  });

  it('a job control option that does not exist', () => {
    const doc = { id: 'p', version: '1', jobControlOptions: ['async-execute', 'later'] };
    expect(officialValidator('process')(doc).valid).toBe(false);
  });

  it('a bounding box with five numbers in results', () => {
    expect(officialValidator('results')({ box: { bbox: [1, 2, 3, 4] } }).valid).toBe(true);
    expect(officialValidator('results')({ box: { bbox: [1, 2, 3, 4, 5] } }).valid).toBe(false);
  });

  it('a result link without href', () => {
    expect(officialValidator('results')({ r: { href: 'http://x/y', type: 'image/png' } }).valid).toBe(true);
    expect(officialValidator('results')({ r: { rel: 'x', type: 'image/png' } }).valid).toBe(false);
  });
});

describe('convertSchema (OpenAPI 3.0 -> JSON Schema 2020-12)', () => {
  const compile = (schema: unknown) => new Ajv2020({ strict: false }).compile(schema as object);

  it('turns nullable into a type union and an enum with null', () => {
    const converted = convertSchema({ type: 'string', enum: ['a', 'b'], nullable: true }, new Set());
    expect(converted).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
    const validate = compile(converted);
    expect(validate(null)).toBe(true);
    expect(validate('c')).toBe(false);
  });

  it('turns boolean exclusive bounds into numeric ones and drops false ones', () => {
    expect(convertSchema({ type: 'number', minimum: 0, exclusiveMinimum: true }, new Set())).toEqual({
      type: 'number',
      exclusiveMinimum: 0,
    });
    expect(convertSchema({ maximum: 5, exclusiveMaximum: false }, new Set())).toEqual({ maximum: 5 });
    const validate = compile(convertSchema({ type: 'number', minimum: 0, exclusiveMinimum: true }, new Set()));
    expect(validate(0)).toBe(false);
    expect(validate(0.5)).toBe(true);
  });

  it('leaves properties that are merely named like keywords alone', () => {
    const schema = { type: 'object', properties: { nullable: { type: 'boolean' }, oneOf: { type: 'array' } } };
    expect(convertSchema(schema, new Set())).toEqual(schema);
  });

  it('treats oneOf as anyOf, and replaces unknown or remote $refs with {}', () => {
    const converted = convertSchema(
      {
        oneOf: [{ type: 'number' }, { type: 'integer' }],
        properties: { g: { $ref: 'https://geojson.org/schema/Geometry.json' }, l: { $ref: 'link.yaml' } },
      },
      new Set(['link.yaml']),
    );
    expect(converted).toEqual({
      anyOf: [{ type: 'number' }, { type: 'integer' }],
      properties: { g: {}, l: { $ref: 'link.yaml' } },
    });
  });
});
