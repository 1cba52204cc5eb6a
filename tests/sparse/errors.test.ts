// Every error nd.sparse throws: its class and exact message. Malformed structures (indices
// out of range, decreasing or misplaced indptr, mismatched lengths, negative shapes) are
// refused when a matrix is made, before any kernel could read outside an array.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";
import type { SparseMatrix } from "../../src/sparse/mod.ts";
import { zipSync } from "fflate";

type Case = [string, () => unknown, ErrorConstructor, string];

function check(cases: Case[]) {
  return async (t: Deno.TestContext) => {
    for (const [name, f, cls, message] of cases) {
      await t.step(name, () =>
        assert.throws(f, (e: unknown) => {
          assert(
            e instanceof cls,
            `${name}: expected ${cls.name}, got ${(e as Error)?.name}: ${(e as Error)?.message}`,
          );
          assert.equal((e as Error).message, message, name);
          return true;
        }));
    }
  };
}

const A = () =>
  sparse.csr({ data: [1, 2, 3], indices: [0, 2, 1], indptr: [0, 2, 3], shape: [2, 3] });
const F = () => A().astype("float64");

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
  "sparse errors: operations",
  check([
    [
      "matmul inner dimensions",
      () => F().matmul([1, 2]),
      TypeError,
      "matmul: cannot multiply shapes [2,3] and [2]: inner dimensions 3 and 2 differ",
    ],
    [
      "matmul scalar",
      () => F().matmul(2),
      TypeError,
      "matmul: scalar operands are not allowed: use multiply or mul",
    ],
    [
      "matmul 3-D",
      () => F().matmul(nd.ones([3, 1, 1])),
      TypeError,
      "matmul: expected a 1-D or 2-D dense operand, got shape [3,1,1]",
    ],
    [
      "spgemm inner dimensions",
      () => F().matmul(F()),
      TypeError,
      "matmul: cannot multiply shapes [2,3] and [2,3]: inner dimensions 3 and 2 differ",
    ],
    [
      "rmatvec inner dimensions",
      () => F().rmatvec([1, 2, 3]),
      TypeError,
      "rmatvec: cannot multiply shapes [3,2] and [3]: inner dimensions 2 and 3 differ",
    ],
    [
      "float16 product",
      () => F().astype("int8").matmul(nd.ones([3], { dtype: "float16" })),
      TypeError,
      "matmul: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    ["add shapes", () => F().add(F().T), TypeError, "add: shapes [2,3] and [3,2] differ"],
    ["sub shapes", () => F().sub(F().T), TypeError, "sub: shapes [2,3] and [3,2] differ"],
    [
      "multiply shapes",
      () => F().multiply(F().T),
      TypeError,
      "multiply: shapes [2,3] and [3,2] differ",
    ],
    ["div shapes", () => F().div(F().T), TypeError, "div: shapes [2,3] and [3,2] differ"],
    [
      "add nonzero scalar",
      () => F().add(1),
      TypeError,
      "add: adding a nonzero scalar to a sparse matrix is not supported: every entry would become nonzero; use toDense() first",
    ],
    [
      "sub nonzero scalar",
      () => F().sub(nd.array(2)),
      TypeError,
      "sub: adding a nonzero scalar to a sparse matrix is not supported: every entry would become nonzero; use toDense() first",
    ],
    [
      "multiply by 3-D",
      () => F().multiply(nd.ones([1, 2, 3])),
      TypeError,
      "multiply: expected a scalar or a 1-D or 2-D operand, got shape [1,2,3]",
    ],
    [
      "multiply unbroadcastable",
      () => F().multiply([1, 2]),
      TypeError,
      "multiply: cannot broadcast a dense operand of shape [2] to the matrix shape [2,3]",
    ],
    [
      "div by zero",
      () => F().div(0),
      RangeError,
      "div: division by zero: the implicit zeros would become NaN; use toDense() first",
    ],
    [
      "power zero",
      () => F().power(0),
      RangeError,
      "power: a zero power is not supported: every entry would become 1; use nd.ones(shape)",
    ],
    [
      "power not a number",
      () => F().power("2" as never),
      TypeError,
      "power: the exponent must be a number, got string",
    ],
    [
      "power float16",
      () => F().power(2, { dtype: "float16" }),
      TypeError,
      "power: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "neg bool",
      () => F().astype("bool").neg(),
      TypeError,
      "neg: negating a bool sparse matrix is not supported",
    ],
    [
      "sqrt of int8 (float16)",
      () => F().astype("int8").sqrt(),
      TypeError,
      "sqrt: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "astype float16",
      () => F().astype("float16"),
      TypeError,
      "astype: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "asformat",
      () => F().asformat("dia" as never),
      RangeError,
      'asformat: format must be "csr", "csc" or "coo", got "dia"',
    ],
    [
      "withData length",
      () => F().withData(nd.ones([2])),
      TypeError,
      "withData: data must be 1-D with 3 values, got shape [2]",
    ],
    [
      "COO withData length",
      () => F().tocoo().withData(nd.ones([3, 1])),
      TypeError,
      "withData: data must be 1-D with 3 values, got shape [3,1]",
    ],
    [
      "withData float16",
      () => F().withData(nd.ones([3], { dtype: "float16" })),
      TypeError,
      "withData: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "toDense too large",
      () => sparse.csr({ shape: [100_000, 100_000] }).toDense(),
      RangeError,
      "toDense: a dense 100000×100000 matrix has 10000000000 elements, more than the limit of 268435456: pass { maxSize } to allow it, or keep the matrix sparse",
    ],
    [
      "toDense maxSize",
      () => F().toDense({ maxSize: 5 }),
      RangeError,
      "toDense: a dense 2×3 matrix has 6 elements, more than the limit of 5: pass { maxSize } to allow it, or keep the matrix sparse",
    ],
    [
      "toDense bad maxSize",
      () => F().toDense({ maxSize: -1 }),
      TypeError,
      "toDense: maxSize must be a non-negative number, got -1",
    ],
  ]),
);

Deno.test(
  "sparse errors: reductions and indexing",
  check([
    [
      "sum axis",
      () => F().sum({ axis: 2 }),
      RangeError,
      "sum: axis 2 is out of bounds for array of dimension 2",
    ],
    [
      "mean axis",
      () => F().mean({ axis: -3 }),
      RangeError,
      "mean: axis -3 is out of bounds for array of dimension 2",
    ],
    ["max axis", () => F().max({ axis: 1.5 }), TypeError, "max: axis must be an integer, got 1.5"],
    [
      "min complex",
      () => F().astype("complex128").min(),
      TypeError,
      "min: complex sparse matrices are not ordered",
    ],
    [
      "max of nothing",
      () => sparse.csr({ shape: [0, 3] }).max(),
      RangeError,
      "max: zero-size array to reduction operation maximum which has no identity",
    ],
    [
      "min along an empty axis",
      () => sparse.csr({ shape: [0, 3] }).min({ axis: 0 }),
      RangeError,
      "min: zero-size array to reduction operation minimum which has no identity",
    ],
    [
      "countNonzero axis",
      () => F().countNonzero({ axis: 5 }),
      RangeError,
      "countNonzero: axis 5 is out of bounds for array of dimension 2",
    ],
    [
      "sum float16",
      () => F().sum({ dtype: "float16" }),
      TypeError,
      "sum: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    [
      "mean float16",
      () => F().mean({ dtype: "float16" }),
      TypeError,
      "mean: sparse matrices do not support dtype float16: use one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, complex64, complex128",
    ],
    ["diagonal k", () => F().diagonal(0.5), TypeError, "diagonal: k must be an integer, got 0.5"],
    [
      "get out of bounds",
      () => F().get(2, 0),
      RangeError,
      "get: index 2 is out of bounds for axis 0 with size 2",
    ],
    [
      "get negative out of bounds",
      () => F().get(0, -4),
      RangeError,
      "get: index -4 is out of bounds for axis 1 with size 3",
    ],
    ["get fractional", () => F().get(0.5, 0), TypeError, "get: indices must be integers, got 0.5"],
    [
      "getRow out of bounds",
      () => F().getRow(5),
      RangeError,
      "getRow: index 5 is out of bounds for axis 0 with size 2",
    ],
    [
      "getRow not an integer",
      () => F().getRow(1.5),
      TypeError,
      "getRow: i must be an integer, got 1.5",
    ],
    [
      "getCol not an integer",
      () => F().getCol("1" as never),
      TypeError,
      "getCol: j must be an integer, got 1",
    ],
    [
      "getCol out of bounds",
      () => F().tocsc().getCol(-4),
      RangeError,
      "getCol: index -4 is out of bounds for axis 1 with size 3",
    ],
    [
      "slice row out of bounds",
      () => F().slice([0, 2]),
      RangeError,
      "slice: index 2 is out of bounds for axis 0 with size 2",
    ],
    [
      "slice column fractional",
      () => F().slice(null, [0.5]),
      TypeError,
      "slice: indices must be integers, got 0.5",
    ],
    [
      "slice mask length",
      () => F().slice([true, false, true]),
      TypeError,
      "slice: boolean index has length 3, expected 2 for axis 0",
    ],
    [
      "slice mask NDArray length",
      () => F().tocsc().slice(null, nd.array([true])),
      TypeError,
      "slice: boolean index has length 1, expected 3 for axis 1",
    ],
    [
      "slice ellipsis",
      () => F().slice("..."),
      TypeError,
      'slice: "..." is not supported: give rows and cols',
    ],
    [
      "slice newaxis",
      () => F().slice(nd.newaxis),
      TypeError,
      "slice: unsupported index Symbol(nd.newaxis): use an integer, a slice string, null, an integer array or a bool mask",
    ],
    [
      "slice 2-D index array",
      () => F().slice(nd.zeros([1, 1], { dtype: "int64" })),
      TypeError,
      "slice: index arrays must be 1-D, got shape [1,1]",
    ],
    [
      "slice float index array",
      () => F().slice(nd.zeros([1])),
      TypeError,
      "slice: index arrays must be integer or bool, got float64",
    ],
    [
      "slice mixed list",
      () => F().slice([0, "a"] as never),
      TypeError,
      "slice: index arrays must hold integers or booleans",
    ],
    [
      "slice bad string",
      () => F().slice("1:2:0"),
      RangeError,
      'slice: slice step cannot be zero in "1:2:0"',
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
