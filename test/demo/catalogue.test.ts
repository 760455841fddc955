// The generated earth-observation catalogue served by the demo server: 500
// processes with the id styles of real servers, each one describable,
// derivable into a tool, and runnable.
import { describe, expect, it } from 'vitest';
import { ToolNames } from '../../src/bridge/naming/index.js';
import { deriveFrom } from '../support/derive.js';
import { catalogueCombinations, catalogueProcesses } from '../../src/demo/processes/catalogue/index.js';
import { call, execute, useDemoServer } from './helpers.js';

const server = useDemoServer({ catalogueProcesses: 491 });
const BBOX = { bbox: [5, 45, 6, 46], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' };

describe('generated catalogue', () => {
  it('lists the nine built-in processes then 491 generated ones, ids of every style', async () => {
    const ids: string[] = (await call(`${server().url}processes?limit=1000`)).body.processes.map((p: any) => p.id);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    expect(ids).toEqual(expect.arrayContaining(['ndvi_s2', 'EOLab_ChangeS2', 'org.example.eo.burned.modis', 'SnowPlanet', '1084', 'viewshed-srtm']));
    expect(ids.some((id) => id.length > 64)).toBe(true);
  });

  it('is the same for the same count, and every combination derives a tool', () => {
    expect(catalogueProcesses(100).map((p) => p.id)).toEqual(catalogueProcesses(100).map((p) => p.id));
    const all = catalogueProcesses(catalogueCombinations().length);
    const names = new ToolNames().forServer(undefined, false);
    for (const process of all) {
      const { run: _run, ...description } = process;
      const derived = deriveFrom(JSON.parse(JSON.stringify(description)), names.nameFor(process.id));
      expect(derived.ok, `${process.id}: ${derived.ok ? '' : derived.reason}`).toBe(true);
    }
    expect(() => catalogueProcesses(catalogueCombinations().length + 1)).toThrow(/at most 498/);
  });

  it('describes and runs a generated process, checking its inputs', async () => {
    const description = (await call(`${server().url}processes/ndvi_s2`)).body;
    expect(description.title).toBe('NDVI from Sentinel-2');
    expect(description.keywords).toContain('vegetation');
    expect(Object.keys(description.inputs)).toEqual(['bbox', 'start_date', 'end_date', 'max_cloud_cover']);
    const ok = await execute(server(), 'ndvi_s2', { inputs: { bbox: BBOX, start_date: '2024-05-01', end_date: '2024-05-31' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ result: 'ndvi_s2: result' });
    const bad = await execute(server(), 'ndvi_s2', { inputs: { bbox: BBOX, start_date: '2024-05-01', end_date: '2024-05-31', max_cloud_cover: 101 } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('max_cloud_cover');
  });
});
