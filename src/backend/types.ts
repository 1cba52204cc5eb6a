/**
 * The typed seam between nd's linear algebra and the code that does the heavy work.
 *
 * Two implementations exist: `ts.ts` (pure TypeScript, always available, the reference) and
 * `blas_ffi.ts` (the system CBLAS + Fortran LAPACK through `Deno.dlopen`).
 *
 * Conventions shared by every routine:
 * - `dt` is one of the four LAPACK types. Real types use their own buffer (`Float32Array` for
 *   float32, `Float64Array` for float64); complex types use the buffer of their component type
 *   with interleaved (re, im) pairs, so element `i` of a complex buffer lives at `2i, 2i+1`.
 * - Offsets, leading dimensions and increments count elements, not buffer slots.
 * - Level 1–3 BLAS (`gemm`, `gemv`, `dot`) are row-major, like CBLAS with `CblasRowMajor`.
 * - LAPACK routines are column-major (Fortran order), work in place on buffers that start at
 *   index 0, and return LAPACK's `info` (0 = success, > 0 = the routine's own failure index,
 *   1-based as LAPACK reports it). Callers validate arguments, so `info < 0` never happens.
 * - Real outputs of complex routines (singular values, symmetric eigenvalues) use the real
 *   buffer of the same precision.
 *
 * @module
 */

/** The element types the backends compute in. */
export type LinalgDType = "float32" | "float64" | "complex64" | "complex128";

/** A backend buffer: `Float32Array` for float32/complex64, `Float64Array` otherwise. */
export type FloatBuffer = Float32Array | Float64Array;

/** BLAS transpose flag: none, transpose, conjugate transpose. */
export type Trans = "N" | "T" | "C";

/** Triangle selector of LAPACK's symmetric and Cholesky routines. */
export type Uplo = "U" | "L";

/** The result of a least-squares solve. */
export interface GelsdResult {
  /** LAPACK's info: 0 = success, > 0 = the SVD did not converge. */
  info: number;
  /** The effective rank found with the given `rcond`. */
  rank: number;
}

/** The closed set of heavy routines nd delegates to a backend. */
export interface Backend {
  /** `"ts"` for the TypeScript implementation, `"blas"` for the system library. */
  readonly name: "ts" | "blas";

  /**
   * Row-major `C[m×n] = alpha·op(A)·op(B) + beta·C` where op(A) is m×k and op(B) is k×n.
   * `lda`, `ldb`, `ldc` are the row strides of the stored (untransposed) matrices. When `beta`
   * is 0, `C` is not read (NaN in `C` does not propagate). `alpha`/`beta` are real.
   */
  gemm(
    dt: LinalgDType,
    transA: Trans,
    transB: Trans,
    m: number,
    n: number,
    k: number,
    alpha: number,
    a: FloatBuffer,
    offA: number,
    lda: number,
    b: FloatBuffer,
    offB: number,
    ldb: number,
    beta: number,
    c: FloatBuffer,
    offC: number,
    ldc: number,
  ): void;

  /**
   * Row-major `y = alpha·op(A)·x + beta·y` with A stored m×n (row stride `lda`). op(A) is
   * m×n for `"N"` (x has n entries, y has m) and n×m otherwise. When `beta` is 0, `y` is not
   * read. Increments are positive.
   */
  gemv(
    dt: LinalgDType,
    trans: Trans,
    m: number,
    n: number,
    alpha: number,
    a: FloatBuffer,
    offA: number,
    lda: number,
    x: FloatBuffer,
    offX: number,
    incX: number,
    beta: number,
    y: FloatBuffer,
    offY: number,
    incY: number,
  ): void;

  /**
   * `sum(conj?(x_i)·y_i)` over n elements with positive increments; returns `[re, im]`
   * (`im` is 0 for real types). `conj` conjugates `x` (BLAS `dotc`).
   */
  dot(
    dt: LinalgDType,
    n: number,
    x: FloatBuffer,
    offX: number,
    incX: number,
    y: FloatBuffer,
    offY: number,
    incY: number,
    conj: boolean,
  ): [number, number];

  /** LU with partial pivoting of the column-major m×n `a`; `ipiv` gets 1-based pivots. */
  getrf(
    dt: LinalgDType,
    m: number,
    n: number,
    a: FloatBuffer,
    lda: number,
    ipiv: Int32Array,
  ): number;

  /** Solves op(A)·X = B with the factors from `getrf`; B (n×nrhs) is overwritten by X. */
  getrs(
    dt: LinalgDType,
    trans: Trans,
    n: number,
    nrhs: number,
    a: FloatBuffer,
    lda: number,
    ipiv: Int32Array,
    b: FloatBuffer,
    ldb: number,
  ): number;

  /** Householder QR of the m×n `a`: R above the diagonal, reflectors below, `tau` (min(m,n)). */
  geqrf(
    dt: LinalgDType,
    m: number,
    n: number,
    a: FloatBuffer,
    lda: number,
    tau: FloatBuffer,
  ): number;

  /**
   * Forms the m×n matrix Q with orthonormal columns from the first k reflectors left by
   * `geqrf` (LAPACK `orgqr`, `ungqr` for complex), m ≥ n ≥ k.
   */
  orgqr(
    dt: LinalgDType,
    m: number,
    n: number,
    k: number,
    a: FloatBuffer,
    lda: number,
    tau: FloatBuffer,
  ): number;

  /**
   * SVD A = U·diag(s)·Vᴴ of the m×n `a` (destroyed). `jobz`: `"A"` all columns of U (m×m) and
   * rows of Vᴴ (n×n); `"S"` the first min(m,n) of each (U m×k, Vᴴ k×n); `"N"` values only
   * (`u`/`vt` may be null). `s` (real, descending) has min(m,n) entries.
   */
  gesdd(
    dt: LinalgDType,
    jobz: "A" | "S" | "N",
    m: number,
    n: number,
    a: FloatBuffer,
    lda: number,
    s: FloatBuffer,
    u: FloatBuffer | null,
    ldu: number,
    vt: FloatBuffer | null,
    ldvt: number,
  ): number;

  /**
   * Eigenvalues (ascending, real, into `w`) and with `jobz = "V"` orthonormal eigenvectors
   * (columns, overwriting `a`) of the symmetric/Hermitian n×n `a`, read from triangle `uplo`
   * (LAPACK `syevd`/`heevd`).
   */
  syevd(
    dt: LinalgDType,
    jobz: "V" | "N",
    uplo: Uplo,
    n: number,
    a: FloatBuffer,
    lda: number,
    w: FloatBuffer,
  ): number;

  /**
   * Eigenvalues and right eigenvectors of a general n×n `a` (destroyed) (LAPACK `geev`).
   * `w` receives n complex eigenvalues interleaved (2n slots, same precision). With
   * `jobvr = "V"`, `vr` (n×n, column-major) receives the eigenvectors, each normalised to
   * Euclidean norm 1 with largest component real: for complex types as complex columns; for
   * real types in LAPACK's packed real form (a conjugate pair `w[j], w[j+1]` with positive
   * imaginary part first stores the real part in column j and the imaginary part in column
   * j+1). Conjugate pairs appear consecutively, positive imaginary part first.
   */
  geev(
    dt: LinalgDType,
    jobvr: "V" | "N",
    n: number,
    a: FloatBuffer,
    lda: number,
    w: FloatBuffer,
    vr: FloatBuffer | null,
    ldvr: number,
  ): number;

  /** Cholesky factor of the n×n Hermitian positive-definite `a` in triangle `uplo`. */
  potrf(dt: LinalgDType, uplo: Uplo, n: number, a: FloatBuffer, lda: number): number;

  /**
   * Minimum-norm least squares min‖A·X − B‖ via the SVD (LAPACK `gelsd`): `a` (m×n) is
   * destroyed; `b` (max(m,n)×nrhs, leading dimension `ldb` ≥ max(m,n)) holds B on entry and
   * X in its first n rows on exit; `s` gets min(m,n) singular values; singular values
   * ≤ rcond·s[0] are treated as zero (rcond < 0 means machine precision).
   */
  gelsd(
    dt: LinalgDType,
    m: number,
    n: number,
    nrhs: number,
    a: FloatBuffer,
    lda: number,
    b: FloatBuffer,
    ldb: number,
    s: FloatBuffer,
    rcond: number,
  ): GelsdResult;
}
