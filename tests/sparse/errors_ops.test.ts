// Errors of the operations: products, arithmetic, reductions and indexing, each with its
// class and exact message.
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";
import { check, F } from "./_errors.ts";

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
      "multiply: shapes [2,3] and [3,2] cannot be broadcast together",
    ],
    [
      "multiply by a row of another width",
      () => F().multiply(sparse.fromDense([[1, 2]])),
      TypeError,
      "multiply: shapes [2,3] and [1,2] cannot be broadcast together",
    ],
    [
      "multiply a column of another height",
      () => sparse.fromDense([[1], [2], [3]]).multiply(F()),
      TypeError,
      "multiply: shapes [3,1] and [2,3] cannot be broadcast together",
    ],
    [
      "multiply outer product past int32 indices",
      () => {
        // 46341² = 2147488281 stored products (checked before anything is allocated)
        const n = 46341, ones = nd.ones([n], { dtype: "int8" });
        const col = sparse.csr({
          data: ones,
          indices: new Int32Array(n),
          indptr: Int32Array.from({ length: n + 1 }, (_, i) => i),
          shape: [n, 1],
        });
        const row = sparse.csr({
          data: ones,
          indices: Int32Array.from({ length: n }, (_, i) => i),
          indptr: [0, n],
          shape: [1, n],
        });
        return row.multiply(col);
      },
      RangeError,
      "multiply: the product has 2147488281 stored entries, more than 2147483647, past the int32 indices",
    ],
    [
      "matmul outer product past int32 indices",
      () => {
        // column @ row: 46341² products, past int32 only at the last row of SciPy's symbolic
        // pass, which counts them one by one (about 3 s)
        const n = 46341, ones = nd.ones([n], { dtype: "int8" });
        const col = sparse.csr({
          data: ones,
          indices: new Int32Array(n),
          indptr: Int32Array.from({ length: n + 1 }, (_, i) => i),
          shape: [n, 1],
        });
        const row = sparse.csr({
          data: ones,
          indices: Int32Array.from({ length: n }, (_, i) => i),
          indptr: [0, n],
          shape: [1, n],
        });
        return col.matmul(row);
      },
      RangeError,
      "matmul: the product has more than 2147483647 stored entries, past the int32 indices",
    ],
    // SciPy 1.17 broadcasts only in multiply: + - / with a 1×n, m×1 or 1×1 sparse operand raise
    [
      "add a row",
      () => F().add(sparse.fromDense([[1, 2, 3]])),
      TypeError,
      "add: shapes [2,3] and [1,3] differ",
    ],
    [
      "sub a column",
      () => F().sub(sparse.fromDense([[1], [2]])),
      TypeError,
      "sub: shapes [2,3] and [2,1] differ",
    ],
    [
      "add 1×1",
      () => sparse.fromDense([[1]]).add(F()),
      TypeError,
      "add: shapes [1,1] and [2,3] differ",
    ],
    ["div shapes", () => F().div(F().T), TypeError, "div: shapes [2,3] and [3,2] differ"],
    [
      "div by a row",
      () => F().div(sparse.fromDense([[1, 2, 3]])),
      TypeError,
      "div: shapes [2,3] and [1,3] differ",
    ],
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
