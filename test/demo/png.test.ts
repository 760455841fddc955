// The PNG encoder, checked by decoding its output by hand: chunks, CRCs, pixels.
import { crc32, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRgbPng } from '../../src/demo/png.js';

interface Decoded {
  width: number;
  height: number;
  chunkTypes: string[];
  rgb: Uint8Array;
}

/** A minimal decoder for what the encoder writes: 8-bit RGB, filters None and Sub. */
function decode(png: Buffer): Decoded {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunkTypes.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  expect(raw.length).toBe((stride + 1) * height);
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    expect([0, 1]).toContain(filter);
    for (let i = 0; i < stride; i++) {
      const left = filter === 1 && i >= 3 ? rgb[y * stride + i - 3] : 0;
      rgb[y * stride + i] = (raw[y * (stride + 1) + 1 + i] + left) & 0xff;
    }
  }
  return { width, height, chunkTypes, rgb };
}

describe('encodeRgbPng', () => {
  it('writes IHDR, IDAT and IEND with valid CRCs, and the pixels round-trip', async () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 250, 251, 252, 0, 0, 0]);
    const decoded = decode(await encodeRgbPng(3, 2, rgb));
    expect(decoded).toMatchObject({ width: 3, height: 2, chunkTypes: ['IHDR', 'IDAT', 'IEND'] });
    expect([...decoded.rgb]).toEqual([...rgb]);
  });

  it('round-trips any image', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }).chain((w) =>
          fc.integer({ min: 1, max: 12 }).chain((h) =>
            fc.tuple(fc.constant(w), fc.constant(h), fc.uint8Array({ minLength: w * h * 3, maxLength: w * h * 3 })),
          ),
        ),
        async ([w, h, rgb]) => {
          const decoded = decode(await encodeRgbPng(w, h, rgb));
          expect([decoded.width, decoded.height]).toEqual([w, h]);
          expect(Buffer.from(decoded.rgb).equals(Buffer.from(rgb))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a pixel buffer of the wrong size', async () => {
    await expect(encodeRgbPng(2, 2, new Uint8Array(11))).rejects.toThrow(/does not match/);
  });
});
