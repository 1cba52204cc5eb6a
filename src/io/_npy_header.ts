// Reading and writing the header of a .npy file (see npy.ts for the format): the magic
// string, the version, the header length and the Python dict literal, and the mapping between
// NumPy's `descr` strings and nd dtypes. Shared by npy.ts and the memmap code.

import { type DType, dtypeFromChar, DTYPES, isDType } from "../core/dtype.ts";
import { fmtShape } from "../core/shape.ts";
import { parsePyLiteral, PyLiteralError, pyRepr, type PyValue } from "./_pyliteral.ts";

/** The first six bytes of every .npy file. */
export const MAGIC: Uint8Array = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
/** The data of a .npy file starts at a multiple of this many bytes. */
export const ARRAY_ALIGN = 64;
/** Spare spaces NumPy leaves in a header so that a growing axis can be rewritten in place. */
const GROWTH_AXIS_MAX_DIGITS = 21;

/** True on little-endian hosts (typed arrays use the host's byte order). */
export const LITTLE_ENDIAN: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const NATIVE = LITTLE_ENDIAN ? "<" : ">";

/** What a .npy header says about the array that follows it. */
export interface NpyHeader {
  /** The `descr` string as written in the file. */
  readonly descr: string;
  /** The nd dtype of the elements. */
  readonly dtype: DType;
  /** Whether the data is in the other byte order than the host's and must be swapped. */
  readonly swap: boolean;
  /** Whether the data is laid out in Fortran (column-major) order. */
  readonly fortranOrder: boolean;
  /** The array's shape. */
  readonly shape: readonly number[];
  /** Format version as `[major, minor]`. */
  readonly version: readonly [number, number];
  /** Byte offset of the data from the start of the file. */
  readonly dataOffset: number;
}

const BY_KIND_SIZE: Record<string, DType> = Object.fromEntries(
  (Object.keys(DTYPES) as DType[]).map((d) => [DTYPES[d].kind + DTYPES[d].itemsize, d]),
);

const UNSUPPORTED_KINDS: Record<string, string> = {
  U: "unicode strings",
  S: "byte strings",
  a: "byte strings",
  V: "raw bytes (void)",
  M: "datetimes",
  m: "timedeltas",
  T: "variable-width strings",
};

/** The `descr` NumPy writes for a dtype on this host (`"<f8"`, `"|b1"`, ...). */
export function descrOf(dtype: DType): string {
  const t = DTYPES[dtype];
  return (t.itemsize === 1 ? "|" : NATIVE) + t.kind + t.itemsize;
}

/**
 * The dtype of a `descr` and whether its bytes need swapping. Accepts what `numpy.dtype`
 * accepts for nd's dtypes: `[<>=|]` then kind and size (`<f8`), a one-letter type code (`d`),
 * or a dtype name (`float64`).
 */
export function parseDescr(descr: string, where: string): { dtype: DType; swap: boolean } {
  const m = /^([<>=|]?)(.*)$/s.exec(descr)!;
  const order = m[1];
  const body = m[2];
  const dtype = BY_KIND_SIZE[body] ?? (body.length === 1 ? dtypeFromChar(body) : undefined) ??
    (isDType(body) && order === "" ? body : undefined);
  if (dtype === undefined) {
    if (body === "O" || /^O[48]$/.test(body)) {
      throw new TypeError(
        `${where}: descr '${descr}' is an object array: its data is pickled Python objects, ` +
          `which nd never unpickles`,
      );
    }
    const kind = UNSUPPORTED_KINDS[body[0]];
    if (kind !== undefined && /^.(\d+)?(\[\w+\])?$/.test(body)) {
      throw new TypeError(`${where}: unsupported descr '${descr}': nd has no dtype for ${kind}`);
    }
    if (/^(f(10|12|16)|c(20|24|32)|[gG])$/.test(body)) {
      throw new TypeError(
        `${where}: unsupported descr '${descr}': nd has no extended-precision dtype`,
      );
    }
    throw new SyntaxError(`${where}: descr '${descr}' is not a valid dtype descriptor`);
  }
  // "=", "|" and no prefix all mean the host's order.
  const dataBig = order === ">" || (order !== "<" && !LITTLE_ENDIAN);
  const swap = DTYPES[dtype].itemsize > 1 && dataBig === LITTLE_ENDIAN;
  return { dtype, swap };
}

function showBytes(b: Uint8Array): string {
  let s = "";
  for (const x of b) {
    s += x >= 0x20 && x < 0x7f && x !== 0x22 && x !== 0x5c
      ? String.fromCharCode(x)
      : `\\x${x.toString(16).padStart(2, "0")}`;
  }
  return `"${s}"`;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 4096) {
    s += String.fromCharCode(...b.subarray(i, i + 4096));
  }
  return s;
}

function clip(s: string): string {
  return s.length > 200 ? s.slice(0, 200) + "..." : s;
}

/** Parses the magic string, version, length and header dict at the start of `bytes`. */
export function readNpyHeader(bytes: Uint8Array, where: string): NpyHeader {
  const have = bytes.length;
  for (let k = 0; k < MAGIC.length; k++) {
    if (k >= have) {
      throw new SyntaxError(
        `${where}: truncated file: the magic string needs 6 bytes, got ${have}`,
      );
    }
    if (bytes[k] !== MAGIC[k]) {
      throw new SyntaxError(
        `${where}: the magic string is not correct: expected "\\x93NUMPY", got ${
          showBytes(bytes.subarray(0, 6))
        }`,
      );
    }
  }
  if (have < 8) {
    throw new SyntaxError(`${where}: truncated file: no version bytes after the magic string`);
  }
  const major = bytes[6], minor = bytes[7];
  if (minor !== 0 || major < 1 || major > 3) {
    throw new SyntaxError(
      `${where}: unsupported format version ${major}.${minor}: expected 1.0, 2.0 or 3.0`,
    );
  }
  const lenSize = major === 1 ? 2 : 4;
  if (have < 8 + lenSize) {
    throw new SyntaxError(
      `${where}: truncated file: the header length needs ${lenSize} bytes after the version, ` +
        `got ${have - 8}`,
    );
  }
  const hlen = major === 1
    ? bytes[8] | (bytes[9] << 8)
    : (bytes[8] | (bytes[9] << 8) | (bytes[10] << 16)) + bytes[11] * 0x1000000;
  const start = 8 + lenSize;
  if (have < start + hlen) {
    throw new SyntaxError(
      `${where}: truncated header: its length field says ${hlen} bytes, the file has ${
        have - start
      } after it`,
    );
  }
  const raw = bytes.subarray(start, start + hlen);
  let text: string;
  if (major === 3) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
    } catch {
      throw new SyntaxError(`${where}: the header of a version 3.0 file is not valid UTF-8`);
    }
  } else {
    text = latin1(raw);
  }
  let d: PyValue;
  try {
    d = parsePyLiteral(text, major < 3);
  } catch (e) {
    if (!(e instanceof PyLiteralError)) throw e;
    throw new SyntaxError(
      `${where}: cannot parse the header ${JSON.stringify(clip(text))}: ${e.message} at ` +
        `character ${e.pos}`,
    );
  }
  return { ...checkHeaderDict(d, where), version: [major, minor], dataOffset: start + hlen };
}

function checkHeaderDict(
  d: PyValue,
  where: string,
): Pick<NpyHeader, "descr" | "dtype" | "swap" | "fortranOrder" | "shape"> {
  if (d.t !== "dict") {
    throw new SyntaxError(`${where}: the header is not a dictionary: ${clip(pyRepr(d))}`);
  }
  const map = new Map<string, PyValue>();
  let keysOk = true;
  for (const [k, v] of d.v) {
    if (k.t === "str") map.set(k.v, v);
    else keysOk = false;
  }
  const expected = ["descr", "fortran_order", "shape"];
  if (!keysOk || map.size !== 3 || !expected.every((k) => map.has(k))) {
    const keys = d.v.map(([k]) => pyRepr(k)).sort().join(", ");
    throw new SyntaxError(
      `${where}: the header does not contain the correct keys: [${clip(keys)}]: expected ` +
        `'descr', 'fortran_order' and 'shape'`,
    );
  }
  const shapeV = map.get("shape")!;
  if (
    shapeV.t !== "tuple" ||
    !shapeV.v.every((x) => x.t === "int" && x.v >= 0n && x.v <= BigInt(Number.MAX_SAFE_INTEGER))
  ) {
    throw new SyntaxError(`${where}: shape is not valid: ${clip(pyRepr(shapeV))}`);
  }
  const shape = shapeV.v.map((x) => Number((x as { v: bigint }).v));
  const fo = map.get("fortran_order")!;
  if (fo.t !== "bool") {
    throw new SyntaxError(`${where}: fortran_order is not a valid bool: ${clip(pyRepr(fo))}`);
  }
  const descrV = map.get("descr")!;
  if (descrV.t === "list") {
    throw new TypeError(
      `${where}: unsupported descr ${
        clip(pyRepr(descrV))
      }: structured dtypes have no nd equivalent`,
    );
  }
  if (descrV.t !== "str") {
    throw new SyntaxError(
      `${where}: descr ${clip(pyRepr(descrV))} is not a valid dtype descriptor`,
    );
  }
  const { dtype, swap } = parseDescr(descrV.v, where);
  return { descr: descrV.v, dtype, swap, fortranOrder: fo.v, shape };
}

function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * The bytes before the data of a .npy file, exactly as NumPy writes them: magic, version,
 * length, the dict with sorted keys, NumPy's spare spaces, padding to 64 bytes, `\n`.
 * `version` undefined picks 1.0, or 2.0 when the header is too long for 1.0.
 */
export function writeNpyHeader(
  dtype: DType,
  shape: readonly number[],
  fortranOrder: boolean,
  version: 1 | 2 | 3 | undefined,
  where: string,
): Uint8Array {
  let dict = `{'descr': '${descrOf(dtype)}', 'fortran_order': ${
    fortranOrder ? "True" : "False"
  }, 'shape': ${pyTuple(shape)}, }`;
  if (shape.length > 0) {
    const grow = String(shape[fortranOrder ? shape.length - 1 : 0]);
    dict += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - grow.length));
  }
  const text = new TextEncoder().encode(dict); // ASCII: the same bytes in latin1 and UTF-8
  const wrap = (major: number): Uint8Array | undefined => {
    const lenSize = major === 1 ? 2 : 4;
    const hlen = text.length + 1;
    const pad = ARRAY_ALIGN - ((MAGIC.length + 2 + lenSize + hlen) % ARRAY_ALIGN);
    const total = hlen + pad;
    if (major === 1 && total > 0xffff) return undefined;
    const out = new Uint8Array(MAGIC.length + 2 + lenSize + total);
    out.set(MAGIC);
    out[6] = major;
    out[7] = 0;
    new DataView(out.buffer).setUint32(8, total, true);
    const start = 8 + lenSize;
    out.set(text, start);
    out.fill(0x20, start + text.length, out.length - 1);
    out[out.length - 1] = 0x0a;
    return out;
  };
  const res = wrap(version ?? 1) ?? (version === undefined ? wrap(2) : undefined);
  if (res === undefined) {
    throw new RangeError(
      `${where}: header length ${text.length + 1} too big for version 1.0 (shape ${
        fmtShape(shape)
      })`,
    );
  }
  return res;
}
