/**
 * A tiny PNG encoder (8-bit RGBA, no interlace, zlib through fflate) for the raster images
 * embedded in figures as `data:image/png;base64,...` URLs.
 *
 * @module
 */
import { zlibSync } from "fflate";

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Writes one chunk (length, type, data, CRC) at `at`; returns the position after it. */
function chunk(out: Uint8Array, at: number, type: string, data: Uint8Array): number {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(at, data.length);
  for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
  out.set(data, at + 8);
  view.setUint32(at + 8 + data.length, crc32(out, at + 4, at + 8 + data.length));
  return at + 12 + data.length;
}

/**
 * Encodes `width × height` RGBA pixels (row-major, 4 bytes a pixel) as a PNG file. Rows are
 * stored with filter 0 (none): the images here are small or flat, where zlib does the work.
 */
export function encodePng(
  width: number,
  height: number,
  rgba: Uint8Array | Uint8ClampedArray,
): Uint8Array {
  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const idat = zlibSync(raw, { level: 6 });
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, filter 0, no interlace
  const out = new Uint8Array(8 + 25 + 12 + idat.length + 12);
  out.set(SIGNATURE, 0);
  let at = chunk(out, 8, "IHDR", ihdr);
  at = chunk(out, at, "IDAT", idat);
  chunk(out, at, "IEND", new Uint8Array(0));
  return out;
}

/** Base64 of bytes, in chunks small enough for `String.fromCharCode`. */
export function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/** A `data:image/png;base64,...` URL of RGBA pixels. */
export function pngDataUrl(
  width: number,
  height: number,
  rgba: Uint8Array | Uint8ClampedArray,
): string {
  return "data:image/png;base64," + base64(encodePng(width, height, rgba));
}
