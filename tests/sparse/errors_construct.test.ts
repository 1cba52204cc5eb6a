// Errors of construction: malformed CSR/CSC/COO input (indices out of range, decreasing or
// misplaced indptr, mismatched lengths, negative shapes), the class constructors, check()
// and the constructor functions; each with its class and exact message. The
// structure is refused when a matrix is made, before any kernel could read outside an array.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";
import { check, F } from "./_errors.ts";

Deno.test(
  "sparse errors: malformed CSR/CSC input",
  check([
    [
      "index out of range",
      () => sparse.csr({ data: [1, 2], indices: [0, 5], indptr: [0, 1, 2], shape: [2, 3] }),
      RangeError,
      "csr: indices[1] = 5 is out of range for 3 columns",
    ],
    [
      "negative index",
      () => sparse.csr({ data: [1, 2], indices: [0, -1], indptr: [0, 1, 2], shape: [2, 3] }),
      RangeError,
      "csr: indices[1] = -1 is negative",
    ],
    [
      "decreasing indptr",
      () => sparse.csr({ data: [1, 2], indices: [0, 1], indptr: [0, 2, 1], shape: [2, 3] }),
      RangeError,
      "csr: indptr must not decrease: indptr[2] = 1 is less than indptr[1] = 2",
    ],
    [
      "indptr not starting at 0",
      () => sparse.csr({ data: [1, 2], indices: [0, 1], indptr: [1, 1, 2], shape: [2, 3] }),
      RangeError,
      "csr: indptr must start at 0, got indptr[0] = 1",
    ],
    [
      "indptr too long",
      () => sparse.csr({ data: [1, 2], indices: [0, 1], indptr: [0, 1, 2, 2], shape: [2, 3] }),
      TypeError,
      "csr: indptr has length 4, expected 3 (rows + 1)",
    ],
    [
      "indptr past the indices",
      () => sparse.csr({ data: [1, 2], indices: [0, 1], indptr: [0, 1, 3], shape: [2, 3] }),
      RangeError,
      "csr: indptr ends at 3 but there are only 2 indices",
    ],
    [
      "data and indices lengths",
      () => sparse.csr({ data: [1, 2, 3], indices: [0, 1], indptr: [0, 1, 2], shape: [2, 3] }),
      TypeError,
      "csr: data and indices must have the same length, got 3 and 2",
    ],
    [
      "CSC row out of range",
      () => sparse.csc({ data: [1], indices: [4], indptr: [0, 1, 1, 1], shape: [2, 3] }),
      RangeError,
      "csc: indices[0] = 4 is out of range for 2 rows",
    ],
    [
      "CSC indptr length",
      () => sparse.csc({ data: [1], indices: [0], indptr: [0, 1], shape: [1, 3] }),
      TypeError,
      "csc: indptr has length 2, expected 4 (columns + 1)",
    ],
    [
      "negative shape",
      () => sparse.csr({ data: [], indices: [], indptr: [0], shape: [-1, 3] }),
      RangeError,
      "csr: shape must not be negative, got [-1, 3]",
    ],
    [
      "shape not a pair",
      () => sparse.csr({ data: [], indices: [], indptr: [0], shape: [1, 2, 3] }),
      TypeError,
      "csr: shape must be a pair of integers [rows, cols], got [1, 2, 3]",
    ],
    [
      "fractional shape",
      () => sparse.csr({ shape: [1.5, 2] }),
      TypeError,
      "csr: shape must be a pair of integers [rows, cols], got [1.5, 2]",
    ],
    [
      "huge shape",
      () => sparse.csr({ shape: [2 ** 31, 2] }),
      RangeError,
      "csr: shape [2147483648, 2] is too large: each dimension must be at most 2147483647",
    ],
    ["empty without shape", () => sparse.csr({}), TypeError, "csr: an empty matrix needs a shape"],
    [
      "some arrays missing",
      () => sparse.csr({ data: [1], indices: [0] }),
      TypeError,
      "csr: data, indices and indptr must be given together",
    ],
    [
      "not an object",
      () => sparse.csr(null as never),
      TypeError,
      "csr: expected { data, indices, indptr, shape }, got null",
    ],
    [
      "empty indptr without shape",
      () => sparse.csr({ data: [], indices: [], indptr: [] }),
      TypeError,
      "csr: indptr must not be empty",
    ],
    [
      "float indices",
      () => sparse.csr({ data: [1], indices: [0.5], indptr: [0, 1], shape: [1, 2] }),
      TypeError,
      "csr: indices must hold integers, got 0.5 at 0",
    ],
    [
      "bool indices",
      () => sparse.csr({ data: [1], indices: [true] as never, indptr: [0, 1], shape: [1, 2] }),
      TypeError,
      "csr: indices must be an integer array, got dtype bool",
    ],
    [
      "2-D indices",
      () => sparse.csr({ data: [1], indices: [[0]], indptr: [0, 1], shape: [1, 2] }),
      TypeError,
      "csr: indices must be 1-D, got shape [1,1]",
    ],
    [
      "int64 index past int32",
      () =>
        sparse.csr({
          data: [1],
          indices: nd.array([2 ** 31], { dtype: "int64" }),
          indptr: [0, 1],
          shape: [1, 2],
        }),
      RangeError,
      "csr: indices[0] = 2147483648 does not fit the int32 indices sparse matrices use",
    ],
    [
      "float index past int32",
      () => sparse.csr({ data: [1], indices: [2 ** 32], indptr: [0, 1], shape: [1, 2] }),
      RangeError,
      "csr: indices[0] = 4294967296 does not fit the int32 indices sparse matrices use",
    ],
    [
      "float64 array index past int32",
      () =>
        sparse.coo({
          data: [1],
          row: nd.array([-(2 ** 32)], { dtype: "float64" }),
          col: [0],
          shape: [1, 2],
        }),
      RangeError,
      "coo: row[0] = -4294967296 does not fit the int32 indices sparse matrices use",
    ],
    [
      "strings as indices",
      () => sparse.csr({ data: [1], indices: ["a"] as never, indptr: [0, 1], shape: [1, 2] }),
      TypeError,
      "csr: indices must be an integer array",
    ],
    [
      "2-D data",
      () => sparse.csr({ data: [[1]], indices: [0], indptr: [0, 1], shape: [1, 2] }),
      TypeError,
      "csr: data must be 1-D, got shape [1,1]",
    ],
    [
      "float16 data",
      () =>
        sparse.csr({
          data: nd.ones([1], { dtype: "float16" }),
          indices: [0],
          indptr: [0, 1],
          shape: [1, 2],
        }),
      TypeError,
      "csr: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "unknown dtype",
      () =>
        sparse.csr({
          data: [1],
          indices: [0],
          indptr: [0, 1],
          shape: [1, 2],
          dtype: "float8" as never,
        }),
      TypeError,
      "csr: sparse matrices do not support dtype float8: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
  ]),
);

Deno.test(
  "sparse errors: the class constructors check their parts",
  check([
    [
      "CSR data not an NDArray",
      () => new sparse.CSR([1] as never, Int32Array.of(0), Int32Array.of(0, 1), [1, 1]),
      TypeError,
      "csr: data must be an NDArray",
    ],
    [
      "CSR data a view",
      () =>
        new sparse.CSR(
          nd.arange(4, { dtype: "float64" }).slice("1:2"),
          Int32Array.of(0),
          Int32Array.of(0, 1),
          [1, 1],
        ),
      TypeError,
      "csr: data must be a 1-D NDArray that owns its whole buffer: use csr() to convert",
    ],
    [
      "CSR plain index arrays",
      () => new sparse.CSR(nd.ones([1]), [0] as never, Int32Array.of(0, 1), [1, 1]),
      TypeError,
      "csr: indices and indptr must be Int32Arrays",
    ],
    [
      "CSR index out of range",
      () => new sparse.CSR(nd.ones([1]), Int32Array.of(3), Int32Array.of(0, 1), [1, 1]),
      RangeError,
      "csr: indices[0] = 3 is out of range for 1 columns",
    ],
    [
      "CSR untrimmed indices",
      () => new sparse.CSR(nd.ones([2]), Int32Array.of(0, 0), Int32Array.of(0, 1), [1, 1]),
      RangeError,
      "csr: indptr ends at 1 but there are 2 indices: use csr() to trim them",
    ],
    [
      "CSC negative shape",
      () => new sparse.CSC(nd.ones([0]), new Int32Array(0), Int32Array.of(0), [2, -1]),
      RangeError,
      "sparse: shape must not be negative, got [2, -1]",
    ],
    [
      "COO data not an NDArray",
      () => new sparse.COO([1] as never, Int32Array.of(0), Int32Array.of(0), [1, 1]),
      TypeError,
      "coo: data must be an NDArray",
    ],
    [
      "COO data a view",
      () =>
        new sparse.COO(
          nd.arange(4, { dtype: "float64" }).slice("::2"),
          Int32Array.of(0, 0),
          Int32Array.of(0, 0),
          [1, 1],
        ),
      TypeError,
      "coo: data must be a 1-D NDArray that owns its whole buffer: use coo() to convert",
    ],
    [
      "COO plain index arrays",
      () => new sparse.COO(nd.ones([1]), [0] as never, Int32Array.of(0), [1, 1]),
      TypeError,
      "coo: row and col must be Int32Arrays",
    ],
    [
      "COO negative shape",
      () => new sparse.COO(nd.ones([0]), new Int32Array(0), new Int32Array(0), [-3, 1]),
      RangeError,
      "coo: shape must not be negative, got [-3, 1]",
    ],
  ]),
);

Deno.test(
  "sparse errors: malformed COO input",
  check([
    [
      "null row",
      () => sparse.coo({ data: [1], row: null as never, col: [0], shape: [1, 1] }),
      TypeError,
      "coo: row is required",
    ],
    [
      "row out of range",
      () => sparse.coo({ data: [1, 2], row: [0, 5], col: [0, 1], shape: [2, 3] }),
      RangeError,
      "coo: row[1] = 5 is out of range for 2 rows",
    ],
    [
      "negative col",
      () => sparse.coo({ data: [1, 2], row: [0, 1], col: [0, -1], shape: [2, 3] }),
      RangeError,
      "coo: col[1] = -1 is negative",
    ],
    [
      "negative row without shape",
      () => sparse.coo({ data: [1], row: [-2], col: [0] }),
      RangeError,
      "coo: row[0] = -2 is negative",
    ],
    [
      "lengths differ",
      () => sparse.coo({ data: [1, 2, 3], row: [0, 1], col: [0, 1], shape: [2, 2] }),
      TypeError,
      "coo: row, col and data must have the same length, got 2, 2 and 3",
    ],
    [
      "negative shape",
      () => sparse.coo({ data: [1], row: [0], col: [0], shape: [-2, 3] }),
      RangeError,
      "coo: shape must not be negative, got [-2, 3]",
    ],
    ["empty without shape", () => sparse.coo({}), TypeError, "coo: an empty matrix needs a shape"],
    [
      "some arrays missing",
      () => sparse.coo({ data: [1], row: [0] }),
      TypeError,
      "coo: data, row and col must be given together",
    ],
    [
      "not an object",
      () => sparse.coo(7 as never),
      TypeError,
      "coo: expected { data, row, col, shape }, got number",
    ],
    [
      "row missing",
      () => sparse.coo({ data: [1], row: undefined, col: [0], shape: [1, 1] }),
      TypeError,
      "coo: data, row and col must be given together",
    ],
  ]),
);

Deno.test(
  "sparse errors: check() after the arrays were changed by hand",
  check([
    [
      "CSR index",
      () => {
        const a = F();
        a.indices[0] = 9;
        a.check();
      },
      RangeError,
      "csr: indices[0] = 9 is out of range for 3 columns",
    ],
    [
      "CSR indptr",
      () => {
        const a = F();
        a.indptr[1] = 4;
        a.check();
      },
      RangeError,
      "csr: indptr must not decrease: indptr[2] = 3 is less than indptr[1] = 4",
    ],
    [
      "CSR indptr end",
      () => {
        const a = F();
        a.indptr[2] = 2;
        a.check();
      },
      RangeError,
      "csr: indptr ends at 2 but there are 3 indices",
    ],
    [
      "COO row",
      () => {
        const a = F().tocoo();
        a.row[1] = 7;
        a.check();
      },
      RangeError,
      "coo: row[1] = 7 is out of range for 2 rows",
    ],
  ]),
);

Deno.test(
  "sparse errors: constructors",
  check([
    [
      "fromDense 3-D",
      () => sparse.fromDense(nd.zeros([1, 1, 1])),
      TypeError,
      "fromDense: expected a 2-D array, got shape [1,1,1]",
    ],
    [
      "fromDense format",
      () => sparse.fromDense([[1]], { format: "bsr" as never }),
      RangeError,
      'fromDense: format must be "csr", "csc" or "coo", got "bsr"',
    ],
    [
      "fromDense float16",
      () => sparse.fromDense(nd.ones([1, 1], { dtype: "float16" })),
      TypeError,
      "fromDense: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    ["eye k", () => sparse.eye(3, { k: 0.5 }), TypeError, "eye: k must be an integer, got 0.5"],
    [
      "eye negative",
      () => sparse.eye(-1),
      RangeError,
      "eye: shape must not be negative, got [-1, -1]",
    ],
    [
      "eye format",
      () => sparse.eye(2, { format: "dia" as never }),
      RangeError,
      'eye: format must be "csr", "csc" or "coo", got "dia"',
    ],
    [
      "diags counts",
      () => sparse.diags([[1, 2], [3]], { offsets: [0] }),
      TypeError,
      "diags: 2 diagonals but 1 offsets: give one offset per diagonal",
    ],
    [
      "diags short diagonal",
      () => sparse.diags([[1, 2], [3]], { offsets: [0, 1], shape: [3, 3] }),
      TypeError,
      "diags: diagonal 0 has length 2 but offset 0 of a 3×3 matrix needs 3",
    ],
    [
      "diags offset outside",
      () => sparse.diags([1], { offsets: 5, shape: [2, 2] }),
      RangeError,
      "diags: offset 5 (diagonal 0) is outside a 2×2 matrix",
    ],
    [
      "diags fractional offset",
      () => sparse.diags([[1], [2]], { offsets: [0, 0.5] }),
      TypeError,
      "diags: offsets must be integers, got 0.5",
    ],
    [
      "diags 2-D diagonal",
      () => sparse.diags([[[1]]], { offsets: [0] }),
      TypeError,
      "diags: diagonal 0 must be 1-D, got shape [1,1]",
    ],
    ["diags none", () => sparse.diags([], { offsets: [] }), TypeError, "diags: no diagonals given"],
    [
      "random density",
      () => sparse.random(3, 3, { density: 2 }),
      RangeError,
      "random: density must be between 0 and 1, got 2",
    ],
    [
      "random rng",
      () => sparse.random(3, 3, { rng: Math.random as never }),
      TypeError,
      "random: rng must be an nd.random.Generator (nd.random.defaultRng(seed))",
    ],
    [
      "random huge",
      () => sparse.random(2 ** 31 - 1, 2 ** 31 - 1),
      RangeError,
      "random: m·n = 4611686014132420600 is past the integers a double holds exactly",
    ],
    [
      "random float16",
      () => sparse.random(2, 2, { dtype: "float16" }),
      TypeError,
      "random: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "vstack widths",
      () => sparse.vstack([F(), F().T]),
      TypeError,
      "vstack: block 1 has 2 columns, block 0 has 3",
    ],
    [
      "hstack heights",
      () => sparse.hstack([F(), F().T]),
      TypeError,
      "hstack: block 1 has 3 rows, block 0 has 2",
    ],
    [
      "vstack nothing",
      () => sparse.vstack([]),
      TypeError,
      "vstack: expected a non-empty list of matrices",
    ],
    [
      "hstack format",
      () => sparse.hstack([F()], { format: "x" as never }),
      RangeError,
      'hstack: format must be "csr", "csc" or "coo", got "x"',
    ],
    [
      "blockDiag nothing",
      () => sparse.blockDiag([]),
      TypeError,
      "blockDiag: expected a non-empty list of matrices",
    ],
    [
      "blockDiag float16",
      () => sparse.blockDiag([F()], { dtype: "float16" }),
      TypeError,
      "blockDiag: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "kron too many entries",
      () => {
        const col = sparse.fromDense(nd.ones([46_340, 1]));
        const two = sparse.fromDense(nd.ones([46_340, 2]));
        return sparse.kron(two, col);
      },
      RangeError,
      "kron: the product would store 4294791200 entries, past the int32 range",
    ],
    [
      "kron float16",
      () => sparse.kron(F(), nd.ones([1, 1], { dtype: "float16" })),
      TypeError,
      "fromDense: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "tril k",
      () => sparse.tril(F(), { k: 1.5 }),
      TypeError,
      "tril: k must be an integer, got 1.5",
    ],
    [
      "triu format",
      () => sparse.triu(F(), { format: "lil" as never }),
      RangeError,
      'triu: format must be "csr", "csc" or "coo", got "lil"',
    ],
  ]),
);

Deno.test("sparse errors: making a matrix before its class module loaded", async () => {
  // _factory.ts alone (no csr.ts registered): the operations would fail with this message
  const factory = new URL("../../src/sparse/_factory.ts", import.meta.url).href;
  const script = `import { newCsr } from ${JSON.stringify(factory)};
try { newCsr(null, new Int32Array(0), new Int32Array(1), [0, 0]); } catch (e) {
  console.log(e.name + ": " + e.message);
}`;
  const out = await new Deno.Command(Deno.execPath(), { args: ["eval", script] }).output();
  assert.equal(
    new TextDecoder().decode(out.stdout).trim(),
    "TypeError: sparse: CSR is not loaded: import nd.sparse through its mod.ts",
  );
});
