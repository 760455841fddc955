// Results in every shape real servers send, filed under the declared output ids.
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../support/dialects/replay-server.js';
import { resultsFromJson } from '../../src/ogc/results-shape.js';

describe('resultsFromJson', () => {
  it('keeps a Part 1 map', () => {
    expect(resultsFromJson({ a: 1, b: { href: 'x' } }, { declared: ['a', 'b'] })).toEqual({ a: 1, b: { href: 'x' } });
  });

  it('reads a document of items with ids, flattening a nested list', () => {
    expect(resultsFromJson({ outputs: [{ id: 'echo', value: 'Hi' }] }, { declared: ['echo'] })).toEqual({ echo: 'Hi' });
    expect(resultsFromJson({ outputs: [[{ id: 'min', value: 1 }, { id: 'max', value: 3 }]] }, { declared: ['min', 'max'] })).toEqual({ min: 1, max: 3 });
    expect(resultsFromJson({ outputs: [{ id: 'img', href: 'http://x/i.png', type: 'image/png' }] }, { declared: ['img'] })).toEqual({ img: { href: 'http://x/i.png', type: 'image/png' } });
    expect(resultsFromJson({ outputs: [{ id: 'img', value: 'iVBO', mediaType: 'image/png', encoding: 'base64' }] }, { declared: ['img'] })).toEqual({
      img: { value: 'iVBO', mediaType: 'image/png', encoding: 'base64' },
    });
  });

  it('files an item without an id under the only declared output', () => {
    expect(resultsFromJson({ outputs: [{ count: 3, min: 1 }] }, { declared: ['summary'] })).toEqual({ summary: { count: 3, min: 1 } });
  });

  it('files items without ids under the outputs nobody named, in order', () => {
    expect(resultsFromJson({ outputs: [{ id: 'b', value: 2 }, 'first'] }, { declared: ['a', 'b'] })).toEqual({ b: 2, a: 'first' });
  });

  it('reads a raw {id, value} and a raw list of them', () => {
    expect(resultsFromJson({ id: 'echo', value: 'Hello World!' }, { declared: ['echo'] })).toEqual({ echo: 'Hello World!' });
    expect(resultsFromJson([{ id: 'min', value: 1 }, { id: 'max', value: 3 }], { declared: ['min', 'max'] })).toEqual({ min: 1, max: 3 });
  });

  it('takes a bare JSON value as the only output', () => {
    expect(resultsFromJson({ count: 3, max: 3 }, { declared: ['summary'] })).toEqual({ summary: { count: 3, max: 3 } });
    expect(resultsFromJson([1, 2], { declared: ['values'] })).toEqual({ values: [1, 2] });
    expect(resultsFromJson(42, { declared: ['n'] })).toEqual({ n: 42 });
  });

  it('uses the requested output when several are declared', () => {
    expect(resultsFromJson({ x: 1 }, { declared: ['a', 'b'], requested: ['b'], response: 'raw' })).toEqual({ b: { x: 1 } });
  });

  it('keeps an output that is named outputs', () => {
    expect(resultsFromJson({ outputs: [1, 2] }, { declared: ['outputs'] })).toEqual({ outputs: [1, 2] });
  });

  it('reads {outputs: {...}} and null', () => {
    expect(resultsFromJson({ outputs: { a: 1 }, links: [] }, { declared: ['a'] })).toEqual({ a: 1 });
    expect(resultsFromJson(null, { declared: ['a'] })).toEqual({});
  });

  it('without declared ids, keeps what it cannot place', () => {
    expect(resultsFromJson({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(resultsFromJson([1, 2])).toEqual({ return_value: [1, 2] });
  });

  describe('every JSON results body recorded from pygeoapi 0.21', () => {
    const scenarios = loadScenarios('pygeoapi-0.21');
    const discovery = scenarios.find((s) => s.scenario === 'discovery')!;
    const declared = new Map<string, string[]>();
    for (const e of discovery.exchanges) {
      const doc = e.response.json as { id?: string; outputs?: Record<string, unknown> } | undefined;
      if (doc?.id && doc.outputs) declared.set(doc.id, Object.keys(doc.outputs));
    }
    const bodies: Array<[string, string, unknown, string[]]> = [];
    for (const s of scenarios) {
      for (const e of s.exchanges) {
        const m = /^\/processes\/([^/]+)\/execution$/.exec(e.request.path);
        if (!m || e.response.status !== 200 || e.response.json === undefined) continue;
        const body = e.request.body as { response?: string };
        bodies.push([`${s.scenario}: ${m[1]} ${body.response ?? '(raw)'}`, m[1]!, e.response.json, declared.get(m[1]!) ?? []]);
      }
    }
    it.each(bodies)('%s lands on the declared outputs', (_label, _pid, json, ids) => {
      const results = resultsFromJson(json, { declared: ids });
      expect(Object.keys(results).length).toBeGreaterThan(0);
      for (const key of Object.keys(results)) expect(ids).toContain(key);
    });
  });
});
