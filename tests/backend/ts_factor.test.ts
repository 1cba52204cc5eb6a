import assert from "node:assert/strict";
import fc from "fast-check";
import type { FloatBuffer, LinalgDType, Trans, Uplo } from "../../src/backend/types.ts";
import { tsGetrf, tsGetrs } from "../../src/backend/ts_lu.ts";
import { tsPotrf } from "../../src/backend/ts_cholesky.ts";
import { tsGeqrf, tsOrgqr } from "../../src/backend/ts_qr.ts";

// Reconstruction properties are checked in float64 complex arithmetic written out here, so they
// are independent of the code under test. Hard-coded expected factors come from SciPy 1.17
// (scipy.linalg.lapack, i.e. the reference LAPACK outputs), as noted at each use.

const DTYPES: readonly LinalgDType[] = ["float32", "float64", "complex64", "complex128"];
const PAD = 12345; // value of every buffer slot a routine must not touch

/** A dense complex matrix in float64, column-major with leading dimension m. */
interface Mat {
  m: number;
  n: number;
  re: Float64Array;
  im: Float64Array;
}

const isComplex = (dt: LinalgDType): boolean => dt === "complex64" || dt === "complex128";
const eps = (dt: LinalgDType): number =>
  dt === "float32" || dt === "complex64" ? 2 ** -23 : 2 ** -52;

function mat(m: number, n: number, f: (i: number, j: number) => [number, number] | number): Mat {
  const r: Mat = { m, n, re: new Float64Array(m * n), im: new Float64Array(m * n) };
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      const v = f(i, j);
      if (typeof v === "number") r.re[i + j * m] = v;
      else [r.re[i + j * m], r.im[i + j * m]] = v;
    }
  }
  return r;
}

/** Seeded uniform numbers in [-1, 1) (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

/** A random matrix of the dtype's kind (real dtypes get a zero imaginary part). */
function random(dt: LinalgDType, m: number, n: number, seed: number): Mat {
  const r = rng(seed), c = isComplex(dt);
  return mat(m, n, () => (c ? [r(), r()] : r()));
}

/** The buffer of `dt` holding `a` with leading dimension `ld`; unused slots hold {@link PAD}. */
function toBuffer(dt: LinalgDType, a: Mat, ld: number, extraCols = 0): FloatBuffer {
  const s = isComplex(dt) ? 2 : 1, len = s * ld * (a.n + extraCols);
  const b = dt === "float32" || dt === "complex64" ? new Float32Array(len) : new Float64Array(len);
  b.fill(PAD);
  for (let j = 0; j < a.n; j++) {
    for (let i = 0; i < a.m; i++) {
      b[s * (i + j * ld)] = a.re[i + j * a.m];
      if (s === 2) b[s * (i + j * ld) + 1] = a.im[i + j * a.m];
    }
  }
  return b;
}

function fromBuffer(dt: LinalgDType, b: FloatBuffer, m: number, n: number, ld: number): Mat {
  const s = isComplex(dt) ? 2 : 1;
  return mat(m, n, (i, j) => [b[s * (i + j * ld)], s === 2 ? b[s * (i + j * ld) + 1] : 0]);
}

/** Asserts that every slot of rows [m, ld) of the first `n` columns still holds PAD. */
function assertPadding(dt: LinalgDType, b: FloatBuffer, m: number, n: number, ld: number): void {
  const s = isComplex(dt) ? 2 : 1;
  for (let j = 0; j < n; j++) {
    for (let k = s * (m + j * ld); k < s * (j + 1) * ld; k++) {
      assert.equal(b[k], PAD, `padding slot ${k} was written`);
    }
  }
}

function mul(a: Mat, b: Mat): Mat {
  assert.equal(a.n, b.m);
  const r = mat(a.m, b.n, () => 0);
  for (let j = 0; j < b.n; j++) {
    for (let p = 0; p < a.n; p++) {
      const br = b.re[p + j * b.m], bi = b.im[p + j * b.m];
      for (let i = 0; i < a.m; i++) {
        const ar = a.re[i + p * a.m], ai = a.im[i + p * a.m];
        r.re[i + j * a.m] += ar * br - ai * bi;
        r.im[i + j * a.m] += ar * bi + ai * br;
      }
    }
  }
  return r;
}

/** op(a): transpose, conjugated for "C". */
function op(a: Mat, trans: Trans): Mat {
  if (trans === "N") return a;
  const sg = trans === "C" ? -1 : 1;
  return mat(a.n, a.m, (i, j) => [a.re[j + i * a.m], sg * a.im[j + i * a.m]]);
}

/** max |a_ij − b_ij|. */
function maxDiff(a: Mat, b: Mat): number {
  assert.deepEqual([a.m, a.n], [b.m, b.n]);
  let d = 0;
  for (let k = 0; k < a.re.length; k++) {
    d = Math.max(d, Math.hypot(a.re[k] - b.re[k], a.im[k] - b.im[k]));
  }
  return d;
}

/** max |a_ij|. */
function maxAbs(a: Mat): number {
  let d = 0;
  for (let k = 0; k < a.re.length; k++) d = Math.max(d, Math.hypot(a.re[k], a.im[k]));
  return d;
}

function assertClose(got: Mat, want: Mat, tol: number, what: string): void {
  const d = maxDiff(got, want);
  assert.ok(d <= tol, `${what}: max difference ${d} exceeds ${tol}`);
}

/** Numbers as a flat column-major list (interleaved for complex) vs a float64 reference. */
function assertValues(got: ArrayLike<number>, want: readonly number[], tol: number): void {
  assert.equal(got.length, want.length);
  for (let k = 0; k < want.length; k++) {
    assert.ok(Math.abs(got[k] - want[k]) <= tol, `entry ${k}: got ${got[k]}, want ${want[k]}`);
  }
}

const hilbert = (n: number): Mat => mat(n, n, (i, j) => 1 / (i + j + 1));

/** Rows scaled by 10^(±g·i/n) and columns by the reverse: entries spanning many decades. */
function graded(dt: LinalgDType, n: number, g: number, seed: number): Mat {
  const a = random(dt, n, n, seed);
  return mat(n, n, (i, j) => {
    const s = 10 ** (g * (i - j) / Math.max(1, n - 1));
    return [a.re[i + j * n] * s, a.im[i + j * n] * s];
  });
}

/** A rank-r m×n product of random factors. */
function lowRank(dt: LinalgDType, m: number, n: number, r: number, seed: number): Mat {
  return mul(random(dt, m, r, seed), random(dt, r, n, seed + 1));
}

// ---------------------------------------------------------------------------------------------
// LU

/** Runs getrf on `a` (ld = m + 2) and returns info, P·L·U (float64) and the factors. */
function factorLU(dt: LinalgDType, a: Mat) {
  const { m, n } = a, k = Math.min(m, n), ld = m + 2;
  const buf = toBuffer(dt, a, ld);
  const ipiv = new Int32Array(k).fill(-7);
  const info = tsGetrf(dt, m, n, buf, ld, ipiv);
  assertPadding(dt, buf, m, n, ld);
  const f = fromBuffer(dt, buf, m, n, ld);
  const l = mat(m, k, (i, j) => (i === j ? 1 : i > j ? [f.re[i + j * m], f.im[i + j * m]] : 0));
  const u = mat(k, n, (i, j) => (i <= j ? [f.re[i + j * m], f.im[i + j * m]] : 0));
  const plu = mul(l, u);
  for (let p = k - 1; p >= 0; p--) { // P·(L·U): undo the interchanges in reverse order
    const q = ipiv[p] - 1;
    assert.ok(q >= p && q < m, `ipiv[${p}] = ${ipiv[p]} out of range`);
    for (let j = 0; j < n; j++) {
      [plu.re[p + j * m], plu.re[q + j * m]] = [plu.re[q + j * m], plu.re[p + j * m]];
      [plu.im[p + j * m], plu.im[q + j * m]] = [plu.im[q + j * m], plu.im[p + j * m]];
    }
  }
  return { info, plu, l, u, ipiv, buf, ld };
}

function checkLU(dt: LinalgDType, a: Mat, what: string): number {
  const { info, plu, l } = factorLU(dt, a);
  const tol = 8 * Math.max(a.m, a.n, 1) * eps(dt) * Math.max(maxAbs(a), 1e-300);
  assertClose(plu, a, tol, `${what}: P·L·U = A`);
  // Partial pivoting bounds the multipliers: by 1 (real) or √2 (complex, |re|+|im| pivoting).
  const bound = isComplex(dt) ? Math.SQRT2 : 1;
  assert.ok(maxAbs(l) <= bound * (1 + 4 * eps(dt)), `${what}: multiplier above ${bound}`);
  return info;
}

Deno.test("tsGetrf", async (t) => {
  for (const dt of DTYPES) {
    await t.step(`${dt}: P·L·U = A for square, tall and wide random matrices`, () => {
      const shapes = [[1, 1], [1, 4], [4, 1], [5, 5], [7, 4], [4, 7], [40, 40], [130, 97], [
        97,
        130,
      ]];
      for (const [m, n] of shapes) {
        assert.equal(checkLU(dt, random(dt, m, n, 11 * m + n), `${m}×${n}`), 0);
      }
      if (dt === "float64") checkLU(dt, random(dt, 260, 260, 3), "260×260");
    });
    await t.step(`${dt}: ill-conditioned, graded and rank-deficient matrices`, () => {
      checkLU(dt, hilbert(12), "Hilbert 12");
      checkLU(dt, graded(dt, 50, 12, 5), "graded 50");
      checkLU(dt, lowRank(dt, 60, 60, 7, 9), "rank 7 of 60");
      checkLU(dt, lowRank(dt, 30, 45, 3, 4), "rank 3 of 30×45");
    });
    await t.step(`${dt}: an exact zero pivot is reported and the factorization completed`, () => {
      // Column 2 becomes exactly zero below the diagonal after the first step.
      const a = mat(3, 3, (i, j) => [[2, 4, 1], [1, 2, 5], [1, 2, 3]][i][j]);
      const r = factorLU(dt, a);
      assert.equal(r.info, 2);
      assertClose(r.plu, a, 0, "P·L·U = A");
      // SciPy 1.17 dgetrf: lu = [[2,4,1],[.5,0,4.5],[.5,0,2.5]], piv (1-based) = [1,2,3], info 2.
      assert.deepEqual([...r.ipiv], [1, 2, 3]);
      assertClose(r.u, mat(3, 3, (i, j) => [[2, 4, 1], [0, 0, 4.5], [0, 0, 2.5]][i][j]), 0, "U");
      assert.equal(checkLU(dt, mat(4, 4, () => 0), "zero 4×4"), 1);
      const z = random(dt, 70, 70, 2);
      for (let i = 0; i < 70; i++) z.re[i + 40 * 70] = z.im[i + 40 * 70] = 0;
      assert.equal(checkLU(dt, z, "zero column 41"), 41);
    });
    await t.step(`${dt}: empty matrices return 0 and write nothing`, () => {
      const b = new (dt === "float32" || dt === "complex64" ? Float32Array : Float64Array)(4);
      b.fill(PAD);
      const ipiv = new Int32Array(1).fill(-7);
      for (const [m, n] of [[0, 0], [0, 3], [3, 0]]) {
        assert.equal(tsGetrf(dt, m, n, b, Math.max(1, m), ipiv), 0);
      }
      assert.deepEqual([...b], [PAD, PAD, PAD, PAD]);
      assert.equal(ipiv[0], -7);
    });
  }

  await t.step("matches SciPy's dgetrf and zgetrf", () => {
    // Expected values computed with SciPy 1.17: scipy.linalg.lapack.dgetrf(A) for the 4×3 A
    // below (column-major lists), pivots converted to 1-based.
    const a = [0.0, -0.89, 0.06, -0.62, 0.3, -0.45, 1.34, 0.49, -0.27, -0.99, -0.49, 0.36];
    const lu = [
      -0.89,
      -0.06741573033707865,
      0.6966292134831461,
      -0.0,
      -0.45,
      1.3096629213483146,
      0.6135037748798902,
      0.2290665751544269,
      -0.99,
      -0.5567415730337079,
      1.3912259780370624,
      -0.10240544445561305,
    ];
    const buf = new Float64Array(a), ipiv = new Int32Array(3);
    assert.equal(tsGetrf("float64", 4, 3, buf, 4, ipiv), 0);
    assert.deepEqual([...ipiv], [2, 3, 4]);
    assertValues(buf, lu, 1e-15);
    // scipy.linalg.lapack.zgetrf of a 3×3 complex matrix (interleaved re, im).
    const z = [
      0.11,
      -0.24,
      0.7,
      0.16,
      -1.9,
      -0.54,
      -0.93,
      -1.27,
      -1.34,
      -0.19,
      -1.29,
      -0.05,
      -0.03,
      0.27,
      -0.46,
      -2.52,
      -1.84,
      0.11,
    ];
    const zlu = [
      -1.9,
      -0.54,
      -0.020350625384457657,
      0.1320996514250564,
      -0.36303055156858727,
      0.01896657781423007,
      -1.29,
      -0.05,
      -0.9628572893172033,
      -1.1006089809309,
      0.9091801328345355,
      -0.8484821025376531,
      -1.84,
      0.11,
      -0.05291418905064589,
      0.5153019274143942,
      -1.5150058247110076,
      -2.95856715334555,
    ];
    const zb = new Float64Array(z);
    assert.equal(tsGetrf("complex128", 3, 3, zb, 3, ipiv), 0);
    assert.deepEqual([...ipiv], [3, 3, 3]);
    assertValues(zb, zlu, 1e-14);
    // scipy.linalg.lapack.dgetrf of the 5×5 Hilbert matrix.
    const hlu = [
      1.0,
      0.3333333333333333,
      0.5,
      0.2,
      0.25,
      0.5,
      0.08333333333333334,
      0.9999999999999997,
      0.7999999999999997,
      0.9,
      0.3333333333333333,
      0.0888888888888889,
      -0.005555555555555536,
      -0.9142857142857164,
      -0.5999999999999961,
      0.25,
      0.08333333333333333,
      -0.008333333333333304,
      0.0007142857142857506,
      0.5000000000000194,
      0.2,
      0.07619047619047618,
      -0.009523809523809518,
      0.0014512471655328818,
      -1.1337868480704172e-05,
    ];
    const hb = toBuffer("float64", hilbert(5), 5), hp = new Int32Array(5);
    assert.equal(tsGetrf("float64", 5, 5, hb, 5, hp), 0);
    assert.deepEqual([...hp], [1, 3, 3, 5, 5]);
    assertValues(hb, hlu, 1e-12);
  });
});

// ---------------------------------------------------------------------------------------------
// Solve

/** Factors `a`, solves op(A)·X = op(A)·x0 and returns the error of X and its residual. */
function solveCheck(dt: LinalgDType, trans: Trans, a: Mat, x0: Mat) {
  const n = a.m, nrhs = x0.n, lda = n + 1, ldb = n + 3;
  const ab = toBuffer(dt, a, lda), ipiv = new Int32Array(n);
  tsGetrf(dt, n, n, ab, lda, ipiv);
  const rhs = mul(op(a, trans), x0);
  const bb = toBuffer(dt, rhs, ldb);
  const before = ab.slice();
  assert.equal(tsGetrs(dt, trans, n, nrhs, ab, lda, ipiv, bb, ldb), 0);
  assert.deepEqual(ab, before, "getrs must not modify the factors");
  assertPadding(dt, bb, n, nrhs, ldb);
  const x = fromBuffer(dt, bb, n, nrhs, ldb);
  const res = maxDiff(mul(op(a, trans), x), rhs) / (maxAbs(a) * maxAbs(x) * n);
  return { err: maxDiff(x, x0) / maxAbs(x0), res };
}

/** A random matrix made diagonally dominant (well conditioned). */
function dominant(dt: LinalgDType, n: number, seed: number): Mat {
  const a = random(dt, n, n, seed);
  for (let i = 0; i < n; i++) a.re[i + i * n] += n;
  return a;
}

Deno.test("tsGetrs", async (t) => {
  for (const dt of DTYPES) {
    const transes: Trans[] = ["N", "T", "C"];
    await t.step(`${dt}: solves op(A)·X = B for well-conditioned A`, () => {
      for (const trans of transes) {
        for (const [n, nrhs] of [[1, 1], [5, 2], [37, 1], [70, 3], [70, 6], [33, 9]]) {
          const { err, res } = solveCheck(
            dt,
            trans,
            dominant(dt, n, n + nrhs),
            random(dt, n, nrhs, 5 * n),
          );
          assert.ok(err < 50 * eps(dt), `${trans} n=${n} nrhs=${nrhs}: error ${err}`);
          assert.ok(res < 10 * eps(dt), `${trans} n=${n} nrhs=${nrhs}: residual ${res}`);
        }
      }
    });
    await t.step(`${dt}: small backward error on Hilbert and graded matrices`, () => {
      for (const trans of transes) {
        for (const a of [hilbert(10), graded(dt, 40, 10, 8)]) {
          const { res } = solveCheck(dt, trans, a, random(dt, a.m, 5, 7));
          assert.ok(res < 20 * eps(dt), `${trans} n=${a.m}: residual ${res}`);
        }
      }
    });
    await t.step(`${dt}: empty systems return 0`, () => {
      const b = new (dt === "float32" || dt === "complex64" ? Float32Array : Float64Array)(4);
      b.fill(PAD);
      assert.equal(tsGetrs(dt, "N", 0, 2, b, 1, new Int32Array(0), b, 1), 0);
      assert.equal(tsGetrs(dt, "T", 2, 0, b, 2, new Int32Array([1, 2]), b, 2), 0);
      assert.deepEqual([...b], [PAD, PAD, PAD, PAD]);
    });
  }
  await t.step("float64 property: random systems are solved to a small residual", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        fc.constantFrom<Trans>("N", "T"),
        (n, nrhs, seed, trans) => {
          const { res } = solveCheck(
            "float64",
            trans,
            random("float64", n, n, seed),
            random("float64", n, nrhs, seed + 1),
          );
          return res < 1e-13;
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Cholesky

/** A random Hermitian positive-definite matrix G·Gᴴ + shift·I. */
function hpd(dt: LinalgDType, n: number, seed: number, shift = 1): Mat {
  const g = random(dt, n, n, seed), a = mul(g, op(g, "C"));
  for (let i = 0; i < n; i++) a.re[i + i * n] += shift, a.im[i + i * n] = 0;
  return a;
}

/** Runs potrf on the `uplo` triangle of `a` (the other triangle holds PAD) and checks it. */
function checkPotrf(dt: LinalgDType, uplo: Uplo, a: Mat, what: string): void {
  const n = a.n, ld = n + 2, buf = toBuffer(dt, a, ld), s = isComplex(dt) ? 2 : 1;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (uplo === "L" ? i < j : i > j) buf[s * (i + j * ld)] = PAD;
    }
  }
  const marked = buf.slice();
  assert.equal(tsPotrf(dt, uplo, n, buf, ld), 0, `${what}: info`);
  assertPadding(dt, buf, n, n, ld);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (uplo === "L" ? i < j : i > j) {
        const k = s * (i + j * ld);
        assert.equal(buf[k], marked[k], `${what}: other triangle written at (${i}, ${j})`);
        if (s === 2) assert.equal(buf[k + 1], marked[k + 1]);
      }
    }
  }
  const f = fromBuffer(dt, buf, n, n, ld);
  const tri = mat(
    n,
    n,
    (i, j) => (uplo === "L" ? i >= j : i <= j) ? [f.re[i + j * n], f.im[i + j * n]] : 0,
  );
  for (let i = 0; i < n; i++) {
    assert.ok(tri.re[i + i * n] > 0 && tri.im[i + i * n] === 0, `${what}: diagonal ${i}`);
  }
  const prod = uplo === "L" ? mul(tri, op(tri, "C")) : mul(op(tri, "C"), tri);
  assertClose(prod, a, 8 * n * eps(dt) * maxAbs(a), `${what}: reconstruction`);
}

Deno.test("tsPotrf", async (t) => {
  for (const dt of DTYPES) {
    await t.step(`${dt}: A = L·Lᴴ and A = Uᴴ·U, other triangle untouched`, () => {
      for (const uplo of ["L", "U"] as const) {
        for (const n of [1, 2, 5, 17, 40, 75]) {
          checkPotrf(dt, uplo, hpd(dt, n, n), `${uplo} n=${n}`);
        }
      }
    });
    await t.step(`${dt}: graded and nearly singular positive-definite matrices`, () => {
      for (const uplo of ["L", "U"] as const) {
        const b = hpd(dt, 30, 4);
        const d = (i: number) => 10 ** (8 * i / 29 - 4);
        const scaled = mat(
          30,
          30,
          (i, j) => [b.re[i + 30 * j] * d(i) * d(j), b.im[i + 30 * j] * d(i) * d(j)],
        );
        checkPotrf(dt, uplo, scaled, `graded ${uplo}`);
        // Rank 5 plus a small shift: condition number around 1e5 (float32) or 1e10.
        const g = random(dt, 40, 5, 6), a = mul(g, op(g, "C"));
        const shift = eps(dt) < 1e-10 ? 1e-9 : 1e-4;
        const near = mat(
          40,
          40,
          (i, j) => [a.re[i + 40 * j] + (i === j ? shift : 0), i === j ? 0 : a.im[i + 40 * j]],
        );
        checkPotrf(dt, uplo, near, `nearly singular ${uplo}`);
      }
    });
    await t.step(`${dt}: a non-positive-definite leading minor is reported by its order`, () => {
      for (const uplo of ["L", "U"] as const) {
        // diag(1, 2, −1, 4): the minor of order 3 fails; its pivot −1 is left in place.
        const d = toBuffer(dt, mat(4, 4, (i, j) => (i === j ? [1, 2, -1, 4][i] : 0)), 4);
        assert.equal(tsPotrf(dt, uplo, 4, d, 4), 3);
        assert.equal(d[(isComplex(dt) ? 2 : 1) * 10], -1);
        // [[4, 2], [2, 1]] is singular: the second pivot is exactly 1 − 1 = 0 (SciPy's
        // dpotrf agrees: info 2, A[1,1] = 0).
        const s = toBuffer(dt, mat(2, 2, (i, j) => [[4, 2], [2, 1]][i][j]), 2);
        assert.equal(tsPotrf(dt, uplo, 2, s, 2), 2);
        assert.equal(s[(isComplex(dt) ? 2 : 1) * 3], 0);
        const nan = toBuffer(dt, mat(1, 1, () => NaN), 1);
        assert.equal(tsPotrf(dt, uplo, 1, nan, 1), 1);
        // A large matrix failing deep inside the recursion: order 58 of 80.
        const big = hpd(dt, 80, 3, 80);
        for (let j = 0; j < 80; j++) {
          for (let i = 0; i < 80; i++) {
            if ((i === 57) !== (j === 57)) big.re[i + 80 * j] = big.im[i + 80 * j] = 0;
          }
        }
        big.re[57 + 80 * 57] = -3;
        assert.equal(tsPotrf(dt, uplo, 80, toBuffer(dt, big, 81), 81), 58);
      }
    });
    await t.step(`${dt}: n = 0 returns 0`, () => {
      const b = new (dt === "float32" || dt === "complex64" ? Float32Array : Float64Array)(2);
      b.fill(PAD);
      assert.equal(tsPotrf(dt, "L", 0, b, 1), 0);
      assert.deepEqual([...b], [PAD, PAD]);
    });
  }
  await t.step("matches SciPy's zpotrf", () => {
    // scipy.linalg.lapack.zpotrf(H, lower=0) for the Hermitian 3×3 H below (column-major,
    // interleaved); only the upper triangle is compared.
    const h = [
      7.5968,
      0,
      2.1483,
      2.1139,
      -2.4703,
      1.0415,
      2.1483,
      -2.1139,
      10.5645,
      0,
      -1.5504,
      1.2821,
      -2.4703,
      -1.0415,
      -1.5504,
      -1.2821,
      5.0361,
      0,
    ];
    const u = [
      2.7562293083123546,
      0.0,
      0.7794344227895207,
      -0.7669536034700777,
      3.0608436991612344,
      0,
      -0.8962606966517492,
      -0.3778713174767424,
      -0.3729799499843544,
      -0.09807221352413319,
      1.9852702155902753,
      0.0,
    ];
    const b = new Float64Array(h);
    assert.equal(tsPotrf("complex128", "U", 3, b, 3), 0);
    assertValues(
      [b[0], b[1], b[6], b[7], b[8], b[9], b[12], b[13], b[14], b[15], b[16], b[17]],
      u,
      1e-14,
    );
    assert.deepEqual(
      [b[2], b[3], b[4], b[5], b[10], b[11]],
      h.filter((_, k) => [2, 3, 4, 5, 10, 11].includes(k)),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// QR

/** Runs geqrf on `a` and returns R (k×n), tau and the factored buffer (ld = m + 1). */
function factorQR(dt: LinalgDType, a: Mat) {
  const { m, n } = a, k = Math.min(m, n), ld = m + 1, s = isComplex(dt) ? 2 : 1;
  const buf = toBuffer(dt, a, ld);
  const tau = dt === "float32" || dt === "complex64"
    ? new Float32Array(s * k + 2).fill(PAD)
    : new Float64Array(s * k + 2).fill(PAD);
  assert.equal(tsGeqrf(dt, m, n, buf, ld, tau), 0);
  assertPadding(dt, buf, m, n, ld);
  assert.deepEqual([tau[s * k], tau[s * k + 1]], [PAD, PAD], "tau written past min(m, n)");
  const f = fromBuffer(dt, buf, m, n, ld);
  const r = mat(k, n, (i, j) => (i <= j ? [f.re[i + j * m], f.im[i + j * m]] : 0));
  return { r, tau, buf, ld };
}

/** Runs orgqr for the m×nq Q from the first k reflectors in `buf`. */
function formQ(
  dt: LinalgDType,
  m: number,
  nq: number,
  k: number,
  buf: FloatBuffer,
  ld: number,
  tau: FloatBuffer,
): Mat {
  const s = isComplex(dt) ? 2 : 1;
  const q = buf.slice(0, s * ld * Math.max(nq, k)) as FloatBuffer;
  if (nq > k) q.fill(PAD, s * ld * k); // columns beyond k must not be read
  for (let j = 0; j < nq; j++) q.fill(PAD, s * (m + j * ld), s * (j + 1) * ld);
  assert.equal(tsOrgqr(dt, m, nq, k, q, ld, tau), 0);
  assertPadding(dt, q, m, nq, ld);
  return fromBuffer(dt, q, m, nq, ld);
}

function assertOrthonormal(dt: LinalgDType, q: Mat, what: string): void {
  const g = mul(op(q, "C"), q);
  assertClose(
    g,
    mat(q.n, q.n, (i, j) => (i === j ? 1 : 0)),
    10 * q.m * eps(dt),
    `${what}: QᴴQ = I`,
  );
}

function assertTau(dt: LinalgDType, tau: FloatBuffer, k: number, what: string): void {
  for (let i = 0; i < k; i++) {
    if (isComplex(dt)) {
      const tr = tau[2 * i], ti = tau[2 * i + 1];
      const ok = (tr === 0 && ti === 0) ||
        (tr >= 1 - 4 * eps(dt) && tr <= 2 + 4 * eps(dt) &&
          Math.hypot(tr - 1, ti) <= 1 + 4 * eps(dt));
      assert.ok(ok, `${what}: tau[${i}] = ${tr} + ${ti}i`);
    } else {
      assert.ok(tau[i] === 0 || (tau[i] >= 1 && tau[i] <= 2), `${what}: tau[${i}] = ${tau[i]}`);
    }
  }
}

function checkQR(dt: LinalgDType, a: Mat, what: string): void {
  const { m, n } = a, k = Math.min(m, n);
  const { r, tau, buf, ld } = factorQR(dt, a);
  assertTau(dt, tau, k, what);
  for (let i = 0; i < k; i++) assert.equal(r.im[i + i * k], 0, `${what}: R[${i},${i}] not real`);
  const q = formQ(dt, m, k, k, buf, ld, tau);
  assertOrthonormal(dt, q, what);
  assertClose(
    mul(q, r),
    a,
    10 * Math.max(m, n) * eps(dt) * Math.max(maxAbs(a), 1e-300),
    `${what}: Q·R = A`,
  );
}

Deno.test("tsGeqrf and tsOrgqr", async (t) => {
  for (const dt of DTYPES) {
    await t.step(`${dt}: Q·R = A with orthonormal Q for square, tall and wide matrices`, () => {
      const shapes = [
        [1, 1],
        [1, 3],
        [3, 1],
        [4, 4],
        [6, 3],
        [3, 6],
        [50, 50],
        [90, 40],
        [40, 90],
        [75, 70],
      ];
      for (const [m, n] of shapes) checkQR(dt, random(dt, m, n, 3 * m + n), `${m}×${n}`);
    });
    await t.step(`${dt}: ill-conditioned, graded and rank-deficient matrices`, () => {
      checkQR(dt, hilbert(12), "Hilbert 12");
      checkQR(dt, graded(dt, 45, 12, 2), "graded 45");
      checkQR(dt, lowRank(dt, 70, 50, 6, 3), "rank 6 of 70×50");
      const z = random(dt, 40, 36, 8); // a zero first column gives tau = 0 (H = I)
      for (let i = 0; i < 40; i++) z.re[i] = z.im[i] = 0;
      const { tau } = factorQR(dt, z);
      assert.deepEqual([tau[0], isComplex(dt) ? tau[1] : 0], [0, 0]);
      checkQR(dt, z, "zero first column");
    });
    await t.step(`${dt}: orgqr with k < n ≤ m extends the first k columns of Q`, () => {
      for (const [m, n, k] of [[8, 6, 3], [70, 60, 45], [70, 70, 33], [5, 5, 0]]) {
        const a = random(dt, m, m, m + k);
        const { r, buf, ld, tau } = factorQR(dt, a);
        const full = formQ(dt, m, m, k, buf, ld, tau);
        const q = formQ(dt, m, n, k, buf, ld, tau);
        assertOrthonormal(dt, full, `${m}×${m} from ${k}`);
        assertClose(
          q,
          mat(m, n, (i, j) => [full.re[i + j * m], full.im[i + j * m]]),
          4 * m * eps(dt),
          "leading columns",
        );
        // The first k columns of A only involve the first k reflectors.
        const rk = mat(k, k, (i, j) => [r.re[i + j * m], r.im[i + j * m]]);
        const qk = mat(m, k, (i, j) => [q.re[i + j * m], q.im[i + j * m]]);
        const ak = mat(m, k, (i, j) => [a.re[i + j * m], a.im[i + j * m]]);
        if (k > 0) assertClose(mul(qk, rk), ak, 10 * m * eps(dt), "Q[:, :k]·R[:k, :k] = A[:, :k]");
        if (k === 0) assertClose(q, mat(m, n, (i, j) => (i === j ? 1 : 0)), 0, "k = 0 gives I");
      }
    });
    await t.step(`${dt}: empty shapes return 0`, () => {
      const b = new (dt === "float32" || dt === "complex64" ? Float32Array : Float64Array)(4);
      b.fill(PAD);
      const tau = b.slice();
      for (const [m, n] of [[0, 0], [0, 2], [2, 0]]) {
        assert.equal(tsGeqrf(dt, m, n, b, Math.max(1, m), tau), 0);
      }
      assert.equal(tsOrgqr(dt, 0, 0, 0, b, 1, tau), 0);
      assert.equal(tsOrgqr(dt, 2, 0, 0, b, 2, tau), 0);
      assert.deepEqual([...b, ...tau], Array(8).fill(PAD));
    });
  }

  await t.step("matches SciPy's dgeqrf/dorgqr and zgeqrf/zungqr", () => {
    // Expected values computed with SciPy 1.17 (scipy.linalg.lapack), column-major lists.
    const a = [-1.53, -0.81, -0.03, -0.11, -0.48, 1.06, 0.88, 0.11, -0.98, -0.81, -0.58, 0.06];
    const qr = [
      1.7349351572897473,
      0.24809068510640453,
      0.009188543892829797,
      0.03369132760704259,
      -0.09377872096047912,
      -1.4600361473247903,
      0.3377668610745226,
      0.047025677019660296,
      1.2486345618726844,
      0.5307434677287831,
      0.3401809847128969,
      -0.27167807054666565,
    ];
    const b = new Float64Array(a), tau = new Float64Array(3);
    tsGeqrf("float64", 4, 3, b, 4, tau);
    assertValues(b, qr, 1e-15);
    assertValues(tau, [1.8818773390874795, 1.7916364973821919, 1.8625286698062886], 1e-15);
    // dgeqrf and dorgqr of the 5×5 Hilbert matrix (the last tau is 0: a 1-element reflector).
    const hqr = [
      -1.209797962930634,
      0.22626502892459002,
      0.15084335261639334,
      0.11313251446229501,
      0.09050601156983601,
      -0.688820248394743,
      -0.1300598104346356,
      0.3635424944567541,
      0.33695572917772326,
      0.30385730778759595,
      -0.4920144631391021,
      -0.14019190377597984,
      -0.008065378590151134,
      0.4935440413610715,
      0.6599854932168907,
      -0.3854113294589634,
      -0.13270023605560916,
      -0.012632544964531044,
      -0.00033812166891348844,
      0.936487988835006,
      -0.31775934077733675,
      -0.12232288891702162,
      -0.014908286959593654,
      -0.0006893147026760003,
      8.737675271737828e-06,
    ];
    const htau = [1.8265842980736915, 1.494733040353741, 1.1910670646535848, 1.0655245645665798, 0];
    const hq = [
      -0.8265842980736915,
      -0.41329214903684575,
      -0.2755280993578972,
      -0.20664607451842287,
      -0.1653168596147383,
      0.5333546257410323,
      -0.3740535405333825,
      -0.4629459781568881,
      -0.44331911162825083,
      -0.4059137575749124,
      -0.1753053538591983,
      0.7172623981413975,
      0.05766473369622494,
      -0.352625606033456,
      -0.5719551080093905,
      0.03910207379295331,
      -0.4033452066760189,
      0.6789646224929373,
      0.20615370673226754,
      -0.5764471898449491,
      0.0055047354211780735,
      -0.11009470842359771,
      0.49542618790628434,
      -0.770662958965428,
      0.3853314794827483,
    ];
    const hb = toBuffer("float64", hilbert(5), 5), ht = new Float64Array(5);
    tsGeqrf("float64", 5, 5, hb, 5, ht);
    assertValues(hb, hqr, 1e-12);
    assertValues(ht, htau, 1e-12);
    tsOrgqr("float64", 5, 5, 5, hb, 5, ht);
    assertValues(hb, hq, 1e-12);
    // zgeqrf of a 3×4 complex matrix (interleaved); the third reflector has one element and a
    // non-zero tau that makes R[2,2] real. Then zungqr of the 3×3 Q.
    const z = [
      -1.23,
      -0.19,
      0.86,
      1.44,
      0.76,
      0.13,
      0.08,
      0.68,
      0.12,
      -0.68,
      -1.2,
      -1.19,
      1.36,
      -0.07,
      -0.64,
      0.2,
      0.07,
      -0.58,
      -1.55,
      0.67,
      2.0,
      -0.46,
      0.58,
      -0.2,
    ];
    const zqr = [
      2.226364749990441,
      0.0,
      -0.2708999095762011,
      -0.4017310433409442,
      -0.2212830823114182,
      -0.025447607739048316,
      -0.9748178055771491,
      -1.045291433045727,
      1.3261960887934188,
      0.0,
      0.5534122032967081,
      0.5566758968766499,
      -0.8732172030698686,
      0.4438625791233189,
      0.05077535236864243,
      0.5905247448199061,
      -1.1552402851632453,
      0.0,
      1.4604974319746844,
      -2.0758503295652,
      -0.24110285559802724,
      -0.1565540106445844,
      0.9252491886724634,
      0.24179920197123372,
    ];
    const ztau = [
      1.5524701197345498,
      0.08534091280452395,
      1.216674654481806,
      -0.15920296595497163,
      1.6189385816713984,
      -0.7854393879342937,
    ];
    const zq = [
      -0.5524701197345498,
      -0.08534091280452395,
      0.38627992111521364,
      0.6467942865184974,
      0.34136365121809575,
      0.05839115086625324,
      -0.2785045046089268,
      0.014564871397898032,
      -0.1353766483838787,
      0.26714124882198903,
      -0.6999480787388627,
      -0.5853242765797861,
      -0.7465425522319353,
      -0.22889084416575137,
      -0.12899599262953226,
      -0.5710636773652742,
      -0.07262030412101533,
      0.2055621581737775,
    ];
    const zb = new Float64Array(z), zt = new Float64Array(6);
    tsGeqrf("complex128", 3, 4, zb, 3, zt);
    assertValues(zb, zqr, 1e-14);
    assertValues(zt, ztau, 1e-14);
    tsOrgqr("complex128", 3, 3, 3, zb, 3, zt);
    assertValues(zb.subarray(0, 18), zq, 1e-14);
    // zgeqrf of the 1×2 matrix [1+2i, 3]: R = [−√5, −1.3416+2.6833i], tau = 1.4472+0.8944i.
    const one = new Float64Array([1, 2, 3, 0]), ot = new Float64Array(2);
    tsGeqrf("complex128", 1, 2, one, 1, ot);
    assertValues(one, [-Math.sqrt(5), 0, -1.341640786499874, 2.683281572999748], 1e-14);
    assertValues(ot, [1.4472135954999579, 0.8944271909999159], 1e-14);
  });
});

Deno.test("blocked and recursive paths match SciPy on larger inputs", async (t) => {
  // A[i, j] = sin(0.37·(i+1)·(j+2) + 0.11·i) (+ i·cos(0.23·(i+2)·(j+1) − 0.05·j) if complex),
  // 0-based i, j. Expected entries computed with SciPy 1.17 (scipy.linalg.lapack) on the same
  // formula: they pin down LAPACK's storage conventions beyond the unblocked sizes.
  const formula = (m: number, n: number, complex: boolean): Float64Array => {
    const b = new Float64Array((complex ? 2 : 1) * m * n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        const re = Math.sin((i + 1) * (j + 2) * 0.37 + 0.11 * i);
        if (!complex) b[i + j * m] = re;
        else {
          b[2 * (i + j * m)] = re;
          b[2 * (i + j * m) + 1] = Math.cos((i + 2) * (j + 1) * 0.23 - 0.05 * j);
        }
      }
    }
    return b;
  };
  const near = (got: number, want: number, what: string) =>
    assert.ok(Math.abs(got - want) <= 1e-10, `${what}: got ${got}, want ${want}`);

  await t.step("dgeqrf and dorgqr, 100×80", () => {
    const a = formula(100, 80, false), tau = new Float64Array(80);
    tsGeqrf("float64", 100, 80, a, 100, tau);
    const e = (i: number, j: number) => a[i + j * 100];
    near(tau[0], 1.0954360955477498, "tau[0]");
    near(tau[1], 1.088193902512878, "tau[1]");
    near(tau[40], 1.0157573040059205, "tau[40]");
    near(tau[79], 1.4863210184909983, "tau[79]");
    near(e(0, 0), -7.065334219281599, "R[0,0]");
    near(e(50, 50), -0.8573511116208484, "R[50,50]");
    near(e(0, 79), -0.15897895838756881, "R[0,79]");
    near(e(79, 79), -0.0193396326926524, "R[79,79]");
    near(e(99, 0), -0.008650065819936313, "V[99,0]");
    near(e(60, 45), 0.08114355284511336, "V[60,45]");
    tsOrgqr("float64", 100, 80, 80, a, 100, tau);
    near(e(0, 0), -0.09543609554774979, "Q[0,0]");
    near(e(99, 79), -0.029765442717315002, "Q[99,79]");
    near(e(37, 41), -0.0558745407932474, "Q[37,41]");
  });
  await t.step("zgeqrf and zungqr, 60×50", () => {
    const a = formula(60, 50, true), tau = new Float64Array(100);
    tsGeqrf("complex128", 60, 50, a, 60, tau);
    const e = (i: number, j: number) => [a[2 * (i + j * 60)], a[2 * (i + j * 60) + 1]];
    assertValues([tau[0], tau[1]], [1.0876412587795234, 0.11646533693011102], 1e-10);
    assertValues([tau[98], tau[99]], [1.1558263412570844, -0.07902007915502987], 1e-10);
    assertValues(e(0, 0), [-7.693726916045689, 0], 1e-10);
    assertValues(e(30, 40), [0.3093610917537097, 0.5371631589434958], 1e-10);
    assertValues(e(59, 10), [0.011085088690685248, 0.08213764743662387], 1e-10);
    tsOrgqr("complex128", 60, 50, 50, a, 60, tau);
    assertValues(e(0, 0), [-0.08764125877952345, -0.11646533693011102], 1e-10);
    assertValues(e(59, 49), [-0.10774350626630491, 0.011769888685628225], 1e-10);
  });
  await t.step("dgetrf 120×120 and zgetrf 70×70", () => {
    const a = formula(120, 120, false), ipiv = new Int32Array(120);
    assert.equal(tsGetrf("float64", 120, 120, a, 120, ipiv), 0);
    assert.deepEqual([...ipiv.slice(0, 8)], [87, 76, 21, 17, 79, 54, 11, 120]);
    assert.deepEqual([...ipiv.slice(-4)], [117, 120, 120, 120]);
    near(a[0], -0.9999209653947705, "LU[0,0]");
    near(a[119 + 119 * 120], -9.764050291258492e-05, "LU[119,119]");
    near(a[60 + 30 * 120], 0.04269865049066675, "LU[60,30]");
    near(a[30 + 60 * 120], 0.7443085137008659, "LU[30,60]");
    const z = formula(70, 70, true), zp = new Int32Array(70);
    assert.equal(tsGetrf("complex128", 70, 70, z, 70, zp), 0);
    assert.deepEqual([...zp.slice(0, 6)], [13, 68, 39, 47, 37, 66]);
    const e = (i: number, j: number) => [z[2 * (i + j * 70)], z[2 * (i + j * 70) + 1]];
    assertValues(e(69, 69), [3.2707313684783186, -0.9536504580591049], 1e-10);
    assertValues(e(10, 50), [0.5298040449361751, 0.7287463839459624], 1e-10);
    assertValues(e(50, 10), [0.20144047068106613, 0.21171348917525923], 1e-10);
  });
});
