// Which error answers say the server has no such job: 404 and 410, and
// Part 1's no-such-job exception under another status (Weaver: 400 for an id
// that is not a UUID).
import { describe, expect, it } from 'vitest';
import { OgcApiError, saysNoSuchJob } from '../../src/ogc/errors.js';

const error = (status: number, problem: { type?: string; title?: string } = {}, body?: unknown) => new OgcApiError('x', { status, problem, ...(body !== undefined ? { body } : {}) });

describe('saysNoSuchJob', () => {
  it('404 and 410 say so whatever the body', () => {
    expect(saysNoSuchJob(error(404))).toBe(true);
    expect(saysNoSuchJob(error(410))).toBe(true);
  });

  it('a 400 with the no-such-job type, title NoSuchJob or code NoSuchJob says so', () => {
    expect(saysNoSuchJob(error(400, { type: 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-job' }))).toBe(true);
    expect(saysNoSuchJob(error(400, { title: 'NoSuchJob' }))).toBe(true);
    expect(saysNoSuchJob(error(400, {}, { code: 'NoSuchJob', description: 'x' }))).toBe(true);
  });

  it('other errors do not', () => {
    expect(saysNoSuchJob(error(400, { title: 'JobResultsFailed', type: 'http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-available' }))).toBe(false);
    expect(saysNoSuchJob(error(500))).toBe(false);
    expect(saysNoSuchJob(error(400, {}, { code: 'InvalidParameterValue' }))).toBe(false);
  });
});
