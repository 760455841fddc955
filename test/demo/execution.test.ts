// Execution modes (sync, async, Prefer) and what every demo process returns.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { call, execute, executeAsync, pollJob, useDemoServer } from './helpers.js';

const server = useDemoServer();

describe('execution modes', () => {
  it('runs a quick process synchronously by default: 200, results map, Location of the job', async () => {
    const reply = await execute(server(), 'primes_between', { inputs: { min_val: 10, max_val: 30 } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ return_value: [11, 13, 17, 19, 23, 29] });
    expect(reply.headers.get('preference-applied')).toBeNull();
    const location = reply.headers.get('location');
    expect(location).toMatch(new RegExp(`^${server().url}jobs/[0-9a-f-]{36}$`));
    // A sync execution is a job too: listed, and its results stay available.
    const job = await call(location!);
    expect(job.body).toMatchObject({ status: 'successful', processID: 'primes_between', type: 'process', progress: 100, message: 'Done' });
    expect((await call(`${location}/results`)).body).toEqual(reply.body);
    const listed = (await call(`${server().url}jobs?processID=primes_between`)).body.jobs.map((j: any) => j.jobID);
    expect(listed).toContain(job.body.jobID);
  });

  it('honours Prefer: respond-async with 201, Location, Preference-Applied and a statusInfo body', async () => {
    const reply = await execute(server(), 'primes_between', { inputs: {} }, { Prefer: 'respond-async' });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('preference-applied')).toBe('respond-async');
    expect(reply.body.jobID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(reply.headers.get('location')).toBe(`${server().url}jobs/${reply.body.jobID}`);
    expect(reply.body).toMatchObject({ processID: 'primes_between', type: 'process' });
    expect(['accepted', 'running', 'successful']).toContain(reply.body.status);
    const done = await pollJob(server(), reply.body.jobID);
    expect(done.status).toBe('successful');
    const results = await call(`${server().url}jobs/${reply.body.jobID}/results`);
    expect(results.body.return_value).toHaveLength(25);
  });

  it('finds respond-async among other preferences', async () => {
    const reply = await execute(server(), 'process_pipeline', { inputs: { id: 'x' } }, { Prefer: 'wait=5, Respond-Async;foo=bar' });
    expect(reply.status).toBe(201);
  });

  it('runs an async-only process asynchronously without Prefer, and applies no preference', async () => {
    const reply = await execute(server(), 'sleep_a_while', { inputs: { duration: 0 } });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('preference-applied')).toBeNull();
    expect(reply.headers.get('location')).toContain(reply.body.jobID);
    expect((await pollJob(server(), reply.body.jobID)).status).toBe('successful');
  });

  it('answers a failing sync execution with the job error, still pointing at the job', async () => {
    const reply = await execute(server(), 'primes_between', { inputs: { min_val: 50, max_val: 40 } });
    expect(reply.status).toBe(500);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(reply.body).toMatchObject({ type: expect.stringMatching(/job-failed$/), detail: 'max_val must be greater 1 and greater min_val' });
    const job = await call(reply.headers.get('location')!);
    expect(job.body).toMatchObject({ status: 'failed', message: 'max_val must be greater 1 and greater min_val' });
  });

  it('returns only the outputs a request selects, and rejects unknown ones', async () => {
    const both = await execute(server(), 'bbox_area', { inputs: { bbox: { bbox: [0, 0, 1, 1] } } });
    expect(Object.keys(both.body).sort()).toEqual(['area', 'centre']);
    const one = await execute(server(), 'bbox_area', { inputs: { bbox: { bbox: [0, 0, 1, 1] } }, outputs: { centre: {} } });
    expect(one.body).toEqual({ centre: [0.5, 0.5] });
    const bad = await execute(server(), 'bbox_area', { inputs: { bbox: { bbox: [0, 0, 1, 1] } }, outputs: { volume: {} } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain("Unknown output 'volume'");
  });

  it('accepts qualified input values and refuses inputs by reference', async () => {
    const qualified = await execute(server(), 'primes_between', { inputs: { max_val: { value: 10, mediaType: 'application/json' } } });
    expect(qualified.body).toEqual({ return_value: [2, 3, 5, 7] });
    const reference = await execute(server(), 'process_pipeline', { inputs: { id: { href: 'http://example.org/x' } } });
    expect(reference.status).toBe(400);
    expect(reference.body.detail).toMatch(/Input 'id' is given by reference/);
  });

  it('ignores unknown inputs and merges defaults', async () => {
    const reply = await execute(server(), 'primes_between', { inputs: { max_val: 7, colour: 'blue' } });
    expect(reply.body).toEqual({ return_value: [2, 3, 5, 7] });
  });
});

describe('input validation at execute time (400 before any job exists)', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['primes_between', { max_val: 200 }, "Input 'max_val' = 200 violates maximum 100"],
    ['primes_between', { min_val: -1 }, "Input 'min_val' = -1 violates minimum 0"],
    ['primes_between', { max_val: 2.5 }, "Input 'max_val' must be an integer, got number 2.5"],
    ['primes_between', { max_val: '50' }, 'Input \'max_val\' must be an integer, got string "50"'],
    ['sleep_a_while', { fail: 'yes' }, 'Input \'fail\' must be a boolean, got string "yes"'],
    ['return_base_model', {}, "Missing required input 'scene_spec'"],
    ['return_base_model', { scene_spec: { threshold: 1 } }, "Input 'scene_spec' is missing required property 'factor'"],
    ['return_base_model', { scene_spec: { threshold: 1, factor: 'x' } }, 'Input \'scene_spec.factor\' must be a number, got string "x"'],
    ['simulate_scene', { bbox: [1, 2, 3] }, "Input 'bbox' has 3 items, violates minItems 4"],
    ['simulate_scene', { resolution: 5 }, "Input 'resolution' = 5 violates maximum 1"],
    ['simulate_scene', { start_date: '2025-02-30' }, 'Input \'start_date\' = "2025-02-30" is not a valid date'],
    ['simulate_scene', { output_path: '' }, "Input 'output_path' has length 0, violates minLength 1"],
    ['218', { start_date: '2025-01-01', end_date: '2025-01-02', geometry: 'POINT(1 2)', indicator_name: 'XYZ' }, 'Input \'indicator_name\' = "XYZ" is not one of "NDVI", "LAI", "FAPAR", "FCOVER", "NDWI"'],
    ['218', { start_date: '2025-01-01', end_date: '2025-01-02', geometry: 'CIRCLE(1 2)' }, "Input 'geometry' = \"CIRCLE(1 2)\" is not a valid wkt"],
    ['218', { start_date: null, end_date: '2025-01-02', geometry: 'POINT(1 2)' }, "Input 'start_date' must not be null"],
    ['render_thumbnail', { width: 0 }, "Input 'width' = 0 violates minimum 1"],
    ['render_thumbnail', { height: 257 }, "Input 'height' = 257 violates maximum 256"],
    ['bbox_area', { bbox: [0, 0, 1, 1] }, "Input 'bbox' must be an object like"],
    ['bbox_area', { bbox: { bbox: [0, 0, 1] } }, "Input 'bbox' has 3 coordinates in 'bbox', expected 4 (2D) or 6 (3D)"],
    ['bbox_area', { bbox: { bbox: [0, 5, 1, 1] } }, "Input 'bbox' has bbox[1] = 5 greater than bbox[3] = 1"],
    ['bbox_area', { bbox: { bbox: [0, 0, 1, 1], crs: 'EPSG:4326' } }, "Input 'bbox' has crs \"EPSG:4326\""],
    ['echo_large', { size_mb: 101 }, "Input 'size_mb' = 101 violates maximum 100"],
    ['process_pipeline', {}, "Missing required input 'id'"],
  ];
  it.each(cases)('%s %j -> 400', async (processId, inputs, message) => {
    const before = (await call(`${server().url}jobs`)).body.jobs.length;
    const reply = await execute(server(), processId, { inputs });
    expect(reply.status).toBe(400);
    expect(reply.body.type).toMatch(/invalid-input$/);
    expect(reply.body.detail).toContain(message);
    expect((await call(`${server().url}jobs`)).body.jobs.length).toBe(before);
  });
});

describe('the processes', () => {
  it('primes_between: primes in range; runtime failure when max_val < 2', async () => {
    expect((await execute(server(), 'primes_between', { inputs: { min_val: 0, max_val: 2 } })).body).toEqual({ return_value: [2] });
    expect((await execute(server(), 'primes_between', { inputs: { min_val: 90 } })).body).toEqual({ return_value: [97] });
    const failed = await execute(server(), 'primes_between', { inputs: { min_val: 0, max_val: 1 } });
    expect(failed.body.detail).toBe('max_val must be greater 1 and greater min_val');
  });

  it('return_base_model: the same object out, as a qualified value', async () => {
    const reply = await execute(server(), 'return_base_model', { inputs: { scene_spec: { threshold: 0.25, factor: 3 } } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ return_value: { value: { threshold: 0.25, factor: 3 }, mediaType: 'application/json' } });
  });

  it('process_pipeline: the reference workflow result under "final"', async () => {
    const reply = await execute(server(), 'process_pipeline', { inputs: { id: 'eozilla-is-wow' } });
    expect(reply.body).toEqual({
      final: [
        ['eozilla-is-wow_read_preprocessed_feature_mean', 'resampled_from=eozilla-is-wow'],
        'eozilla-is-wow_read_preprocessed_feature_mean',
      ],
    });
  });

  it('simulate_scene: a reference output whose link resolves on this server', async () => {
    const reply = await execute(server(), 'simulate_scene', { inputs: { var_names: 'ndvi, lai', periodicity: 7 } });
    expect(reply.status).toBe(200);
    const link = reply.body.return_value;
    expect(link.type).toBe('application/zarr');
    expect(link.href).toMatch(new RegExp(`^${server().url}outputs/[0-9a-f-]{36}/datacube\\.zarr$`));
    const file = await call(link.href);
    expect(file.status).toBe(200);
    const meta = JSON.parse(file.text);
    expect(meta.zarr_consolidated_format).toBe(1);
    expect(Object.keys(meta.metadata)).toEqual(expect.arrayContaining(['ndvi/.zarray', 'lai/.zarray']));
    // 2025-01-01 .. 2025-02-01 every 7 days: 5 slices.
    expect(meta.metadata['ndvi/.zarray'].shape[0]).toBe(5);
    expect((await call(`${server().url}outputs/${link.href.split('/').at(-2)}/other.zarr`)).status).toBe(404);
  });

  it('render_thumbnail: a valid PNG of the asked size, inline as base64', async () => {
    const reply = await execute(server(), 'render_thumbnail', { inputs: { width: 20, height: 7 } });
    expect(reply.status).toBe(200);
    const image = reply.body.image;
    expect(image).toMatchObject({ encoding: 'base64', mediaType: 'image/png' });
    const png = Buffer.from(image.value, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(20); // IHDR width
    expect(png.readUInt32BE(20)).toBe(7); // IHDR height
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('latin1', 37, 41)).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe((20 * 3 + 1) * 7);
  });

  it('bbox_area: area on the sphere and centre, also across the antimeridian', async () => {
    const equator = await execute(server(), 'bbox_area', { inputs: { bbox: { bbox: [0, 0, 1, 1] } } });
    // One degree squared at the equator is about 12,364 km².
    expect(equator.body.area).toBeCloseTo(12363.7, 0);
    const across = await execute(server(), 'bbox_area', {
      inputs: { bbox: { bbox: [179, -1, -179, 1], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' } },
    });
    expect(across.body.centre).toEqual([180, 0]);
    expect(across.body.area).toBeCloseTo(4 * 12363.7, -2);
    const threeD = await execute(server(), 'bbox_area', { inputs: { bbox: { bbox: [0, 0, 10, 1, 1, 20] } } });
    expect(threeD.body.area).toBeCloseTo(equator.body.area, 6);
  });

  it('218: reports progress in steps and returns a URI string that resolves', async () => {
    const inputs = { start_date: '2025-01-01', end_date: '2025-01-31', geometry: 'POLYGON((0 0, 1 0, 1 1, 0 0))', indicator_name: 'LAI' };
    const created = await executeAsync(server(), '218', inputs);
    expect(created.status).toBe(201);
    const progress: number[] = [];
    const done = await pollJob(server(), created.body.jobID, undefined, (s) => s.progress !== undefined && progress.push(s.progress));
    expect(done).toMatchObject({ status: 'successful', progress: 100, message: 'Ended processing' });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const results = (await call(`${server().url}jobs/${created.body.jobID}/results`)).body;
    expect(typeof results.return_value).toBe('string');
    const file = JSON.parse((await call(results.return_value)).text);
    expect(file.properties).toEqual(inputs);
  });

  it('echo_large: a text output of the asked size', async () => {
    const reply = await execute(server(), 'echo_large', { inputs: { size_mb: 2 } });
    expect(reply.status).toBe(200);
    expect(reply.body.return_value.length).toBe(2 * 1024 * 1024);
    expect((await execute(server(), 'echo_large', { inputs: { size_mb: 0 } })).body).toEqual({ return_value: '' });
  });
});
