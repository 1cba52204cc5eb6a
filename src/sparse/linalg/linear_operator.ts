/**
 * `LinearOperator` and `aslinearoperator`: SciPy's `scipy.sparse.linalg.LinearOperator`, a
 * matrix known only through its products, accepted by every solver of `nd.sparse.linalg`.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { type DType, isComplex, isDType } from "../../core/dtype.ts";
import { promoteTypes } from "../../core/promotion.ts";
import { fmtShape } from "../../core/shape.ts";
import { reshape, transpose } from "../../core/views.ts";
import { slice } from "../../core/indexing.ts";
import { add, conj, multiply, negative, subtract } from "../../ops/elementwise.ts";
import { zeros } from "../../ops/creation.ts";
import { stack } from "../../ops/manipulation/stack.ts";
import { SOURCE } from "./_source.ts";
import { shapeOf } from "./_compressed.ts";
import { aslinearoperator } from "./aslinearoperator.ts";

/** A product function of a {@link LinearOperator}: gets an NDArray, returns an array-like. */
export type OperatorFn = (x: NDArray) => ArrayLike;

/** What {@link LinearOperator}'s constructor takes (SciPy's constructor arguments). */
export interface LinearOperatorOpts {
  /** `[M, N]`: the operator maps vectors of length N to vectors of length M. */
  shape: readonly number[];
  /** `x ↦ A·x` for a 1-D `x` of length N (required unless `matmat` is given). */
  matvec?: OperatorFn;
  /** `x ↦ Aᴴ·x` for a 1-D `x` of length M (the adjoint; optional). */
  rmatvec?: OperatorFn;
  /** `X ↦ A·X` for a 2-D `X` of shape `[N, K]` (optional: columns through `matvec`). */
  matmat?: OperatorFn;
  /** `X ↦ Aᴴ·X` for a 2-D `X` of shape `[M, K]` (optional: columns through `rmatvec`). */
  rmatmat?: OperatorFn;
  /** The element type; when omitted, the dtype of `matvec(zeros(N))`, as in SciPy. */
  dtype?: DType;
}

/**
 * A matrix in SciPy's sparse-matrix layout or any object that can multiply dense arrays:
 * nd's CSR/CSC/COO matrices and NDArrays are such objects.
 */
export interface MatrixLike {
  /** `[M, N]`. */
  readonly shape: readonly number[];
  /** The element type, if known. */
  readonly dtype?: string;
  /** The product with a dense 1-D (`[N]`) or 2-D (`[N, K]`) array. */
  matmul(x: NDArray): NDArray;
}

/** Anything the solvers accept as a matrix. */
export type OperatorLike = LinearOperator | MatrixLike | ArrayLike;

function fail(where: string, msg: string): never {
  throw new TypeError(`${where}: ${msg}`);
}

/** Checks that `y` has `size` entries in a vector (or single-column) shape; returns it 1-D. */
function asVector(y: ArrayLike, size: number, where: string, what: string): NDArray {
  const Y = toArray(y, where);
  const ok = (Y.ndim === 1 && Y.shape[0] === size) ||
    (Y.ndim === 2 && Y.shape[0] === size && Y.shape[1] === 1);
  if (!ok) fail(where, `${what} returned shape ${fmtShape(Y.shape)}, expected [${size}]`);
  return Y.ndim === 1 ? Y : reshape(Y, [size]);
}

function asMatrix(y: ArrayLike, m: number, k: number, where: string, what: string): NDArray {
  const Y = toArray(y, where);
  if (Y.ndim !== 2 || Y.shape[0] !== m || Y.shape[1] !== k) {
    fail(where, `${what} returned shape ${fmtShape(Y.shape)}, expected [${m},${k}]`);
  }
  return Y;
}

/**
 * A linear map `A` from vectors of length N to vectors of length M, given by functions that
 * compute its products (SciPy's `LinearOperator`). Solvers only call `matvec` (and
 * `rmatvec` when they need the adjoint), so huge or implicit matrices need no storage.
 *
 * `matvec` receives a 1-D NDArray of length N and returns M values (1-D or `[M, 1]`);
 * `matmat` defaults to one `matvec` per column, `rmatvec`/`rmatmat` to each other.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { cg, LinearOperator } from "./mod.ts";
 * import assert from "node:assert/strict";
 * // The 1-D Laplacian on 5 points, never stored.
 * const lap = new LinearOperator({
 *   shape: [5, 5],
 *   matvec: (x) => {
 *     const v = (x.toArray() as number[]).map(Number);
 *     return v.map((xi, i) => 2 * xi - (v[i - 1] ?? 0) - (v[i + 1] ?? 0));
 *   },
 *   dtype: "float64",
 * });
 * nd.testing.assertAllClose(lap.matvec([1, 1, 1, 1, 1]), [1, 0, 0, 0, 1]);
 * nd.testing.assertAllClose(lap.matmat(nd.eye(5)).slice(0), [2, -1, 0, 0, 0]);
 * const { x, info } = cg(lap, [1, 0, 0, 0, 1]);
 * assert.equal(info, 0);
 * nd.testing.assertAllClose(x, [1, 1, 1, 1, 1], { rtol: 1e-6 });
 * ```
 */
export class LinearOperator {
  /** `[M, N]`. */
  readonly shape: readonly [number, number];
  /** The element type of the operator's results. */
  readonly dtype: DType;
  #matvec?: OperatorFn;
  #rmatvec?: OperatorFn;
  #matmat?: OperatorFn;
  #rmatmat?: OperatorFn;
  /** The matrix this operator wraps, when made by `aslinearoperator` (internal). */
  declare [SOURCE]?: unknown;

  /** An operator of `shape` with the given product functions (see the class docs). */
  constructor(opts: LinearOperatorOpts) {
    const where = "LinearOperator";
    if (typeof opts !== "object" || opts === null) {
      fail(where, `expected an options object with shape and matvec, got ${String(opts)}`);
    }
    const s = opts.shape;
    if (
      !Array.isArray(s) || s.length !== 2 ||
      !s.every((d) => Number.isInteger(d) && d >= 0)
    ) {
      fail(where, `shape must be two non-negative integers, got ${JSON.stringify(s)}`);
    }
    for (const k of ["matvec", "rmatvec", "matmat", "rmatmat"] as const) {
      if (opts[k] !== undefined && typeof opts[k] !== "function") {
        fail(where, `${k} must be a function, got ${typeof opts[k]}`);
      }
    }
    if (opts.matvec === undefined && opts.matmat === undefined) {
      fail(where, "matvec or matmat is required");
    }
    if (opts.dtype !== undefined && !isDType(opts.dtype)) {
      fail(where, `unknown dtype ${JSON.stringify(opts.dtype)}`);
    }
    this.shape = Object.freeze([s[0], s[1]]) as readonly [number, number];
    this.#matvec = opts.matvec;
    this.#rmatvec = opts.rmatvec;
    this.#matmat = opts.matmat;
    this.#rmatmat = opts.rmatmat;
    this.dtype = opts.dtype ?? this.matvec(zeros([s[1]])).dtype;
  }

  #vec(x: NDArray, adjoint: boolean, where: string): NDArray {
    const [m, n] = adjoint ? [this.shape[1], this.shape[0]] : this.shape;
    const mv = adjoint ? this.#rmatvec : this.#matvec;
    const mm = adjoint ? this.#rmatmat : this.#matmat;
    const name = adjoint ? "rmatvec" : "matvec";
    if (mv) return asVector(mv(x), m, where, name);
    if (mm) {
      return reshape(
        asMatrix(mm(reshape(x, [n, 1])), m, 1, where, adjoint ? "rmatmat" : "matmat"),
        [m],
      );
    }
    return fail(where, "the operator has no rmatvec or rmatmat");
  }

  #mat(X: NDArray, adjoint: boolean, where: string): NDArray {
    const [m, n] = adjoint ? [this.shape[1], this.shape[0]] : this.shape;
    if (X.ndim !== 2) fail(where, `expected a 2-D array, got shape ${fmtShape(X.shape)}`);
    if (X.shape[0] !== n) {
      fail(
        where,
        `dimension mismatch: X of shape ${fmtShape(X.shape)} for an operator of shape ${
          fmtShape(adjoint ? [m, n].reverse() : this.shape)
        }${adjoint ? " (adjoint)" : ""}`,
      );
    }
    const k = X.shape[1];
    const mm = adjoint ? this.#rmatmat : this.#matmat;
    if (mm) return asMatrix(mm(X), m, k, where, adjoint ? "rmatmat" : "matmat");
    if (k === 0) return zeros([m, 0], { dtype: this.dtype });
    const cols: NDArray[] = [];
    for (let j = 0; j < k; j++) cols.push(this.#vec(copy(slice(X, null, j)), adjoint, where));
    return stack(cols, { axis: 1 });
  }

  #vector(x: ArrayLike, adjoint: boolean, where: string): NDArray {
    const X = toArray(x, where);
    const [m, n] = adjoint ? [this.shape[1], this.shape[0]] : this.shape;
    const column = X.ndim === 2 && X.shape[0] === n && X.shape[1] === 1;
    if (!(X.ndim === 1 && X.shape[0] === n) && !column) {
      fail(
        where,
        `dimension mismatch: x of shape ${fmtShape(X.shape)} for an operator of shape ${
          fmtShape(this.shape)
        }: expected [${n}] or [${n},1]`,
      );
    }
    const y = this.#vec(column ? reshape(X, [n]) : X, adjoint, where);
    return column ? reshape(y, [m, 1]) : y;
  }

  /**
   * `A·x` for `x` of shape `[N]` (result `[M]`) or `[N, 1]` (result `[M, 1]`).
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * nd.testing.assertAllClose(aslinearoperator([[1, 2], [3, 4]]).matvec([1, 1]), [3, 7]);
   * ```
   */
  matvec(x: ArrayLike): NDArray {
    return this.#vector(x, false, "LinearOperator.matvec");
  }

  /**
   * `Aᴴ·x` (the adjoint product) for `x` of shape `[M]` or `[M, 1]`.
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * nd.testing.assertAllClose(aslinearoperator([[1, 2], [3, 4]]).rmatvec([1, 1]), [4, 6]);
   * ```
   */
  rmatvec(x: ArrayLike): NDArray {
    return this.#vector(x, true, "LinearOperator.rmatvec");
  }

  /**
   * `A·X` for a 2-D `X` of shape `[N, K]`.
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * const A = aslinearoperator([[1, 2], [3, 4]]);
   * nd.testing.assertAllClose(A.matmat(nd.eye(2)), [[1, 2], [3, 4]]);
   * ```
   */
  matmat(X: ArrayLike): NDArray {
    return this.#mat(toArray(X, "LinearOperator.matmat"), false, "LinearOperator.matmat");
  }

  /**
   * `Aᴴ·X` for a 2-D `X` of shape `[M, K]`.
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * const A = aslinearoperator([[1, 2], [3, 4]]);
   * nd.testing.assertAllClose(A.rmatmat(nd.eye(2)), [[1, 3], [2, 4]]);
   * ```
   */
  rmatmat(X: ArrayLike): NDArray {
    return this.#mat(toArray(X, "LinearOperator.rmatmat"), true, "LinearOperator.rmatmat");
  }

  /**
   * `A @ x`: `matvec` for `[N]` or `[N, 1]`, `matmat` for `[N, K]`, and the product operator
   * for another LinearOperator. Scalars are refused (use {@link LinearOperator.mul}).
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * const A = aslinearoperator([[1, 2], [3, 4]]);
   * nd.testing.assertAllClose(A.matmul([1, 0]), [1, 3]);
   * nd.testing.assertAllClose(A.matmul(A).matmul(nd.eye(2)), [[7, 10], [15, 22]]);
   * ```
   */
  matmul(x: LinearOperator): LinearOperator;
  /** `A @ x` for an array: `matvec` (`[N]`, `[N, 1]`) or `matmat` (`[N, K]`). */
  matmul(x: ArrayLike): NDArray;
  matmul(x: LinearOperator | ArrayLike): LinearOperator | NDArray {
    return this.#matmul(x, "LinearOperator.matmul");
  }

  #matmul(x: LinearOperator | ArrayLike, where: string): LinearOperator | NDArray {
    if (x instanceof LinearOperator) return productOperator(this, x, where);
    if (typeof x === "number" || typeof x === "bigint" || typeof x === "boolean") {
      fail(where, `scalar operands are not allowed, got ${String(x)}: use mul`);
    }
    const X = toArray(x, where);
    if (X.ndim === 1 || (X.ndim === 2 && X.shape[1] === 1)) return this.#vector(X, false, where);
    if (X.ndim === 2) return this.#mat(X, false, where);
    return fail(where, `expected a 1-D or 2-D array, got shape ${fmtShape(X.shape)}`);
  }

  /**
   * SciPy's `A.dot(x)`: {@link LinearOperator.matmul}, and a scaled operator for a number.
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * const A = aslinearoperator([[1, 2], [3, 4]]);
   * nd.testing.assertAllClose(A.dot(2).dot([1, 0]), [2, 6]);
   * ```
   */
  dot(x: number): LinearOperator;
  /** The product operator `A·B`. */
  dot(x: LinearOperator): LinearOperator;
  /** `A·x` for an array (see {@link LinearOperator.matmul}). */
  dot(x: ArrayLike): NDArray;
  dot(x: LinearOperator | ArrayLike): LinearOperator | NDArray {
    if (typeof x === "number") return this.mul(x);
    return this.#matmul(x, "LinearOperator.dot");
  }

  /**
   * The adjoint (conjugate transpose) `Aᴴ`: its `matvec` is this operator's `rmatvec`.
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * const A = aslinearoperator([[1, 2, 0], [3, 4, 5]]);
   * nd.testing.assertAllClose(A.H.matvec([1, 1]), [4, 6, 5]);
   * ```
   */
  get H(): LinearOperator {
    return this.adjoint();
  }

  /**
   * The transpose `Aᵀ` (equal to the adjoint for real operators).
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * const A = aslinearoperator([[1, 2, 0], [3, 4, 5]]);
   * nd.testing.assertAllClose(A.T.matmat(nd.eye(2)), [[1, 3], [2, 4], [0, 5]]);
   * ```
   */
  get T(): LinearOperator {
    return this.transpose();
  }

  /** The adjoint `Aᴴ` (see {@link LinearOperator.H}). */
  adjoint(): LinearOperator {
    const src = (this as { [SOURCE]?: unknown })[SOURCE];
    if (src instanceof NDArray) return aslinearoperator(conj(transpose(src)));
    if (src !== undefined && !isComplex(this.dtype)) {
      const t = (src as { T?: unknown }).T;
      if (t !== undefined && shapeOf(t) !== null) return aslinearoperator(t as MatrixLike);
    }
    return new LinearOperator({
      shape: [this.shape[1], this.shape[0]],
      matvec: (x) => this.rmatvec(x),
      rmatvec: (x) => this.matvec(x),
      matmat: (x) => this.rmatmat(x),
      rmatmat: (x) => this.matmat(x),
      dtype: this.dtype,
    });
  }

  /** The transpose `Aᵀ` (see {@link LinearOperator.T}). */
  transpose(): LinearOperator {
    if (!isComplex(this.dtype)) return this.adjoint();
    const src = (this as { [SOURCE]?: unknown })[SOURCE];
    if (src instanceof NDArray) return aslinearoperator(transpose(src));
    const c = (f: (x: NDArray) => NDArray) => (x: NDArray) => conj(f(conj(x)));
    return new LinearOperator({
      shape: [this.shape[1], this.shape[0]],
      matvec: c((x) => this.rmatvec(x)),
      rmatvec: c((x) => this.matvec(x)),
      matmat: c((x) => this.rmatmat(x)),
      rmatmat: c((x) => this.matmat(x)),
      dtype: this.dtype,
    });
  }

  /**
   * The operator `A + B` (`B` anything {@link aslinearoperator} accepts, of the same shape).
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * const A = aslinearoperator(nd.eye(2));
   * nd.testing.assertAllClose(A.add([[0, 1], [1, 0]]).matvec([1, 2]), [3, 3]);
   * nd.testing.assertAllClose(A.sub(A).neg().matvec([1, 2]), [0, 0]);
   * ```
   */
  add(B: OperatorLike): LinearOperator {
    return sumOperator(this, aslinearoperator(B), 1, "LinearOperator.add");
  }

  /** The operator `A − B` (same shape). */
  sub(B: OperatorLike): LinearOperator {
    return sumOperator(this, aslinearoperator(B), -1, "LinearOperator.sub");
  }

  /**
   * The operator `alpha·A` for a number `alpha`.
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { aslinearoperator } from "./mod.ts";
   * nd.testing.assertAllClose(aslinearoperator(nd.eye(2)).mul(3).matvec([1, 2]), [3, 6]);
   * ```
   */
  mul(alpha: number): LinearOperator {
    if (typeof alpha !== "number") {
      fail("LinearOperator.mul", `expected a number, got ${typeof alpha}: use matmul`);
    }
    return mappedOperator(this, (y) => multiply(y, alpha), promoteTypes(this.dtype, "float64"));
  }

  /** The operator `−A`. */
  neg(): LinearOperator {
    return mappedOperator(this, (y) => negative(y), this.dtype);
  }

  /** SciPy's repr: `<3x3 LinearOperator with dtype=float64>`. */
  toString(): string {
    return `<${this.shape[0]}x${this.shape[1]} LinearOperator with dtype=${this.dtype}>`;
  }
}

/** The operator whose every product is `post` of `A`'s (`alpha·A`, `−A`). */
function mappedOperator(
  A: LinearOperator,
  post: (y: NDArray) => NDArray,
  dtype: DType,
): LinearOperator {
  return new LinearOperator({
    shape: A.shape,
    matvec: (x) => post(A.matvec(x)),
    rmatvec: (x) => post(A.rmatvec(x)),
    matmat: (x) => post(A.matmat(x)),
    rmatmat: (x) => post(A.rmatmat(x)),
    dtype,
  });
}

function productOperator(A: LinearOperator, B: LinearOperator, where: string): LinearOperator {
  if (A.shape[1] !== B.shape[0]) {
    fail(
      where,
      `cannot multiply operators of shapes ${fmtShape(A.shape)} and ${fmtShape(B.shape)}`,
    );
  }
  return new LinearOperator({
    shape: [A.shape[0], B.shape[1]],
    matvec: (x) => A.matvec(B.matvec(x)),
    rmatvec: (x) => B.rmatvec(A.rmatvec(x)),
    matmat: (x) => A.matmat(B.matmat(x)),
    rmatmat: (x) => B.rmatmat(A.rmatmat(x)),
    dtype: promoteTypes(A.dtype, B.dtype),
  });
}

function sumOperator(A: LinearOperator, B: LinearOperator, sign: 1 | -1, where: string) {
  if (A.shape[0] !== B.shape[0] || A.shape[1] !== B.shape[1]) {
    fail(where, `cannot add operators of shapes ${fmtShape(A.shape)} and ${fmtShape(B.shape)}`);
  }
  const op = sign > 0 ? add : subtract;
  return new LinearOperator({
    shape: A.shape,
    matvec: (x) => op(A.matvec(x), B.matvec(x)),
    rmatvec: (x) => op(A.rmatvec(x), B.rmatvec(x)),
    matmat: (x) => op(A.matmat(x), B.matmat(x)),
    rmatmat: (x) => op(A.rmatmat(x), B.rmatmat(x)),
    dtype: promoteTypes(A.dtype, B.dtype),
  });
}
