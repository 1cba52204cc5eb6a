// Errors of .npz files: not a zip, not a sparse matrix, missing members, unknown formats,
// bad structures inside; each with its class and exact message.
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";
import type { SparseMatrix } from "../../src/sparse/mod.ts";
import { zipSync } from "fflate";
import { check, F } from "./_errors.ts";

Deno.test(
  "sparse errors: .npz files",
  check([
    [
      "saveNpz not a matrix",
      () => sparse.toNpzBytes({} as SparseMatrix),
      TypeError,
      "saveNpz: expected a sparse matrix",
    ],
    [
      "saveNpz path",
      () => sparse.saveNpz(3 as never, F()),
      TypeError,
      "saveNpz: expected a path string or URL, got number",
    ],
    [
      "loadNpz path",
      () => sparse.loadNpz(null as never),
      TypeError,
      "loadNpz: expected a path string or URL, got object",
    ],
    [
      "not a zip",
      () => sparse.fromNpzBytes(new Uint8Array([1, 2, 3])),
      SyntaxError,
      "loadNpz: not a valid zip archive: invalid zip data",
    ],
    [
      "no format",
      () => sparse.fromNpzBytes(nd.toNpz({ data: [1] })),
      TypeError,
      "loadNpz: the file does not contain a sparse matrix: no format member",
    ],
    [
      "numeric format",
      () => sparse.fromNpzBytes(nd.toNpz({ format: [1] })),
      TypeError,
      "loadNpz: the format member is not a 0-d string array",
    ],
    [
      "missing member",
      () => sparse.fromNpzBytes(withFormat("csr", { shape: nd.array([1, 1]), data: [1.0] })),
      TypeError,
      "loadNpz: a csr matrix needs a indices member, the file has none",
    ],
    [
      "unknown format",
      () => sparse.fromNpzBytes(withFormat("dia", { shape: nd.array([1, 1]), data: [1.0] })),
      TypeError,
      'loadNpz: format "dia" is not supported: nd reads csr, csc and coo',
    ],
    [
      "3-D coords",
      () =>
        sparse.fromNpzBytes(
          withFormat("coo", {
            shape: nd.array([1, 1, 1]),
            data: [1.0],
            coords: nd.zeros([3, 1], { dtype: "int64" }),
          }),
        ),
      TypeError,
      "loadNpz: only 2-D COO matrices are supported",
    ],
    [
      "bad structure in the file",
      () =>
        sparse.fromNpzBytes(
          withFormat("csr", { shape: nd.array([1, 2]), data: [1.0], indices: [5], indptr: [0, 1] }),
        ),
      RangeError,
      "csr: indices[0] = 5 is out of range for 2 columns",
    ],
  ]),
);

/** An .npz like SciPy's: the numeric members through nd.toNpy, plus a `|S` format member. */
function withFormat(format: string, arrays: Record<string, nd.ArrayLike>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [k, v] of Object.entries(arrays)) files[`${k}.npy`] = [nd.toNpy(v), { level: 0 }];
  files["format.npy"] = [npyString(format), { level: 0 }];
  return zipSync(files);
}

/** A 0-d `|S<n>` .npy file, as NumPy writes `np.array(b"csr")`. */
function npyString(s: string): Uint8Array {
  let header = `{'descr': '|S${s.length}', 'fortran_order': False, 'shape': (), }`;
  header += " ".repeat((64 - ((10 + header.length + 1) % 64)) % 64) + "\n";
  const out = new Uint8Array(10 + header.length + s.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  for (let i = 0; i < s.length; i++) out[10 + header.length + i] = s.charCodeAt(i);
  return out;
}
