import { describe, expect, it } from 'vitest';
import { ProcessSearchIndex, type SearchDocument } from '../../../src/bridge/search/index.js';
import { partialMatch, stem, termsOf } from '../../../src/bridge/search/terms.js';

const DOCS: SearchDocument[] = [
  { key: 'a/ndvi', processId: 'ndvi', server: 'a', title: 'NDVI from Sentinel-2', keywords: ['vegetation'], inputs: [{ name: 'bbox', types: ['bbox', 'object'], required: true }] },
  { key: 'a/lst', processId: 'LandSurfaceTemperature', server: 'a', title: 'Land surface temperature', description: 'Thermal infrared retrieval.', keywords: ['thermal', 'Heat Wave'] },
  { key: 'b/ndvi', processId: 'ndvi', server: 'b', title: 'Vegetation index', description: 'Computes NDVI from Landsat.', inputs: [{ name: 'start', types: ['string', 'date'], required: true }] },
  { key: 'b/218', processId: '218', server: 'b', toolName: 'p_218', title: 'L3B AOI indicators' },
  { key: 'b/echo', processId: 'echo', server: 'b' },
];

describe('terms', () => {
  it('splits ids of every style and joins hyphenated words', () => {
    expect(termsOf('EOLab_ChangeS2')).toEqual(expect.arrayContaining(['eo', 'lab', 'change', 's2']));
    expect(termsOf('HotspotsS3slstr')).toEqual(expect.arrayContaining(['hotspot', 's3slstr', 'slstr', '3']));
    expect(termsOf('Sentinel-2')).toEqual(['sentinel', '2', 'sentinel2']);
    expect(termsOf('sentinel2')).toEqual(['sentinel2', 'sentinel', '2']);
    expect(termsOf('org.example.eo.ndvi.s2')).toContain('ndvi');
  });

  it('drops stop words and single letters, keeps digits, strips accents', () => {
    expect(termsOf('a map of the Île de France, 2 x')).toEqual(['map', 'ile', 'de', 'france', '2']);
  });

  it('stems plurals, -ing and -ed alike on both sides', () => {
    expect(stem('gaps')).toBe('gap');
    expect(stem('mapping')).toBe('map');
    expect(stem('filling')).toBe('fill');
    expect(stem('corrected')).toBe('correct');
    expect(stem('cities')).toBe('city');
    expect(stem('class')).toBe('class');
    expect(stem('s2')).toBe('s2');
  });

  it('matches prefixes and shared stems at a discount', () => {
    expect(partialMatch('stat', 'statistic')).toBe(0.7);
    expect(partialMatch('interpolate', 'interpolation')).toBe(0.5);
    expect(partialMatch('map', 'mapping')).toBe(0);
    expect(partialMatch('temperature', 'temporal')).toBe(0);
  });
});

describe('ProcessSearchIndex', () => {
  const index = new ProcessSearchIndex(DOCS);

  it('ranks a title match above a description match', () => {
    const hits = index.search('ndvi');
    expect(hits.map((h) => h.document.key).slice(0, 2)).toEqual(['a/ndvi', 'b/ndvi']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('prefers documents that match every term of the query', () => {
    expect(index.search('ndvi landsat')[0]!.document.key).toBe('b/ndvi');
    expect(index.search('vegetation sentinel')[0]!.document.key).toBe('a/ndvi');
  });

  it('finds CamelCase ids by their words and partial words', () => {
    expect(index.search('surface temp')[0]!.document.processId).toBe('LandSurfaceTemperature');
  });

  it('puts a process named exactly (id or tool name) first', () => {
    expect(index.search('218')[0]!.document.key).toBe('b/218');
    expect(index.search('P_218')[0]!.document.key).toBe('b/218');
    expect(index.search('echo')[0]!.document.key).toBe('b/echo');
  });

  it('filters by server, keyword (whole, case-insensitive) and input type', () => {
    expect(index.search('ndvi', { server: 'B' }).map((h) => h.document.key)).toEqual(['b/ndvi']);
    expect(index.search('', { keyword: 'heat wave' }).map((h) => h.document.key)).toEqual(['a/lst']);
    expect(index.search('', { keyword: 'heat' })).toEqual([]);
    expect(index.search('', { inputType: 'date' }).map((h) => h.document.key)).toEqual(['b/ndvi']);
    expect(index.search('ndvi', { inputType: 'bbox' }).map((h) => h.document.key)).toEqual(['a/ndvi']);
  });

  it('lists in catalogue order for an empty query, up to the limit', () => {
    expect(index.search('  ', { limit: 3 }).map((h) => h.document.key)).toEqual(['a/ndvi', 'a/lst', 'b/ndvi']);
    expect(index.search('the of', { limit: 2 })).toHaveLength(2);
  });

  it('finds nothing for words it has never seen', () => {
    expect(index.search('bathymetry')).toEqual([]);
  });

  it('copes with an empty index', () => {
    expect(new ProcessSearchIndex([]).search('ndvi')).toEqual([]);
  });
});
