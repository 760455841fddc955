import { describe, expect, it } from 'vitest';
import { createAjv } from '../../src/util/ajv.js';
import { errorMessage } from '../../src/util/errors.js';
import { isRecord, ownValue, setOwn } from '../../src/util/records.js';

describe('errorMessage', () => {
  it('reads an Error and anything else thrown', () => {
    expect(errorMessage(new TypeError('bad'))).toBe('bad');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
  });
});

describe('records', () => {
  it('tells plain objects from arrays and null', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
  });

  it('reads and writes own properties only', () => {
    expect(ownValue({}, 'constructor')).toBeUndefined();
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', 1);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(ownValue(target, '__proto__')).toBe(1);
  });
});

describe('createAjv', () => {
  it('checks 2020-12 schemas with formats and reports every error', () => {
    const validate = createAjv().compile({ type: 'object', properties: { at: { type: 'string', format: 'date-time' }, n: { type: 'integer' } } });
    expect(validate({ at: '2026-01-01T00:00:00Z', n: 1 })).toBe(true);
    expect(validate({ at: 'yesterday', n: 1.5 })).toBe(false);
    expect(validate.errors).toHaveLength(2);
  });
});
