import assert from "node:assert/strict";
import { tsSyevd } from "../../src/backend/ts_eigh.ts";
import { tsGeev } from "../../src/backend/ts_eig.ts";
import type { FloatBuffer, LinalgDType, Uplo } from "../../src/backend/types.ts";

// Hard-coded expected eigenvalues/eigenvectors were computed with the pyenv python3 NumPy 2.4.6
// (np.linalg.eigvalsh / np.linalg.eig, OpenBLAS 0.3.31 LAPACK).

const DTYPES: LinalgDType[] = ["float64", "float32", "complex128", "complex64"];

const isComplex = (dt: LinalgDType): boolean => dt === "complex64" || dt === "complex128";
const isSingle = (dt: LinalgDType): boolean => dt === "float32" || dt === "complex64";
/** Unit roundoff of the output precision. */
const unit = (dt: LinalgDType): number => (isSingle(dt) ? 2 ** -24 : 2 ** -53);

function alloc(dt: LinalgDType, slots: number): FloatBuffer {
  return isSingle(dt) ? new Float32Array(slots) : new Float64Array(slots);
}

/** A dense complex column-major n×n matrix in float64 (im all zero for real matrices). */
interface Mat {
  n: number;
  re: Float64Array;
  im: Float64Array;
}

function mat(n: number, f: (i: number, j: number) => [number, number] | number): Mat {
  const re = new Float64Array(n * n), im = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = f(i, j);
      if (typeof v === "number") re[j * n + i] = v;
      else re[j * n + i] = v[0], im[j * n + i] = v[1];
    }
  }
  return { n, re, im };
}

function fromRows(rows: (number | [number, number])[][]): Mat {
  return mat(rows.length, (i, j) => rows[i][j]);
}

/** Deterministic uniform numbers in [-0.5, 0.5). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

function randomMat(n: number, cplx: boolean, seed: number): Mat {
  const r = rng(seed);
  return mat(n, () => (cplx ? [r(), r()] : r()));
}

function hermitian(n: number, cplx: boolean, seed: number): Mat {
  const m = randomMat(n, cplx, seed);
  return mat(n, (i, j) => {
    const re = m.re[j * n + i] + m.re[i * n + j];
    const im = m.im[j * n + i] - m.im[i * n + j];
    return [re, i === j ? 0 : im];
  });
}

/** The matrix as the input buffer of `dt` (column-major, leading dimension ld), rounded. */
function toBuffer(dt: LinalgDType, m: Mat, ld = m.n, fill = 0): FloatBuffer {
  const st = isComplex(dt) ? 2 : 1;
  const b = alloc(dt, st * ld * m.n).fill(fill);
  for (let j = 0; j < m.n; j++) {
    for (let i = 0; i < m.n; i++) {
      b[st * (j * ld + i)] = m.re[j * m.n + i];
      if (st === 2) b[st * (j * ld + i) + 1] = m.im[j * m.n + i];
    }
  }
  return b;
}

/** The matrix as `dt` sees it (rounded to single precision for single types). */
function rounded(dt: LinalgDType, m: Mat): Mat {
  const f = isSingle(dt) ? Math.fround : (x: number) => x;
  return {
    n: m.n,
    re: m.re.map(f),
    im: isComplex(dt) ? m.im.map(f) : new Float64Array(m.n * m.n),
  };
}

function maxAbs(m: Mat): number {
  let s = 0;
  for (let i = 0; i < m.re.length; i++) s = Math.max(s, Math.hypot(m.re[i], m.im[i]));
  return s;
}

/** ‖A·v − λ·v‖∞ for a complex vector (vr, vi) and eigenvalue (lr, li). */
function residual(a: Mat, vr: Float64Array, vi: Float64Array, lr: number, li: number): number {
  const n = a.n;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let sr = -(lr * vr[i] - li * vi[i]), si = -(lr * vi[i] + li * vr[i]);
    for (let k = 0; k < n; k++) {
      const ar = a.re[k * n + i], ai = a.im[k * n + i];
      sr += ar * vr[k] - ai * vi[k];
      si += ar * vi[k] + ai * vr[k];
    }
    worst = Math.max(worst, Math.hypot(sr, si));
  }
  return worst;
}

// ---------------------------------------------------------------------------------------------
// syevd

interface EighResult {
  info: number;
  w: number[];
  /** Eigenvector j as (re, im) arrays. */
  vecs: [Float64Array, Float64Array][];
  raw: FloatBuffer;
}

function runEigh(
  dt: LinalgDType,
  jobz: "V" | "N",
  uplo: Uplo,
  a: Mat,
  opts: { garbage?: boolean; ld?: number } = {},
): EighResult {
  const n = a.n, ld = opts.ld ?? n, st = isComplex(dt) ? 2 : 1;
  const buf = toBuffer(dt, a, ld, opts.garbage ? 1e30 : 0);
  if (opts.garbage) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        if (uplo === "L" ? i >= j : i <= j) continue;
        buf[st * (j * ld + i)] = NaN;
        if (st === 2) buf[st * (j * ld + i) + 1] = -7;
      }
    }
    // The diagonal's imaginary part of a Hermitian input is not referenced either.
    if (st === 2) { for (let j = 0; j < n; j++) buf[st * (j * ld + j) + 1] = 123; }
  }
  const w = alloc(dt, n);
  const info = tsSyevd(dt, jobz, uplo, n, buf, ld, w);
  const vecs: [Float64Array, Float64Array][] = [];
  if (jobz === "V") {
    for (let j = 0; j < n; j++) {
      const vr = new Float64Array(n), vi = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        vr[i] = buf[st * (j * ld + i)];
        if (st === 2) vi[i] = buf[st * (j * ld + i) + 1];
      }
      vecs.push([vr, vi]);
    }
  }
  return { info, w: Array.from(w), vecs, raw: buf };
}

function checkEigh(dt: LinalgDType, a0: Mat, uplo: Uplo): EighResult {
  const a = rounded(dt, a0), n = a.n;
  const r = runEigh(dt, "V", uplo, a);
  assert.equal(r.info, 0);
  const scale = Math.max(1, maxAbs(a)) * n;
  const tol = 64 * unit(dt);
  for (let j = 1; j < n; j++) assert.ok(r.w[j - 1] <= r.w[j], `ascending at ${j}`);
  for (let j = 0; j < n; j++) {
    const [vr, vi] = r.vecs[j];
    assert.ok(residual(a, vr, vi, r.w[j], 0) <= tol * scale, `residual of pair ${j}`);
    for (let k = 0; k <= j; k++) {
      const [ur, ui] = r.vecs[k];
      let gr = 0, gi = 0;
      for (let i = 0; i < n; i++) {
        gr += ur[i] * vr[i] + ui[i] * vi[i];
        gi += ur[i] * vi[i] - ui[i] * vr[i];
      }
      const want = j === k ? 1 : 0;
      assert.ok(Math.hypot(gr - want, gi) <= tol * n, `orthonormality (${k}, ${j})`);
    }
  }
  // Values only: same eigenvalues (the path differs, so within rounding).
  const v = runEigh(dt, "N", uplo, a);
  assert.equal(v.info, 0);
  for (let j = 0; j < n; j++) assert.ok(Math.abs(v.w[j] - r.w[j]) <= tol * scale);
  return r;
}

Deno.test("tsSyevd", async (t) => {
  for (const dt of DTYPES) {
    const cplx = isComplex(dt);
    await t.step(
      `${dt}: random ${cplx ? "Hermitian" : "symmetric"} matrices, both triangles`,
      () => {
        for (const n of [1, 2, 3, 5, 16, 33, 70]) {
          for (const uplo of ["L", "U"] as const) {
            checkEigh(dt, hermitian(n, cplx, 7 * n + 1), uplo);
          }
        }
      },
    );
    await t.step(`${dt}: only triangle uplo is read (garbage elsewhere, lda > n)`, () => {
      for (const n of [4, 30]) {
        const a = rounded(dt, hermitian(n, cplx, n));
        for (const uplo of ["L", "U"] as const) {
          for (const jobz of ["V", "N"] as const) {
            const clean = runEigh(dt, jobz, uplo, a);
            const dirty = runEigh(dt, jobz, uplo, a, { garbage: true, ld: n + 3 });
            assert.deepEqual(dirty.w, clean.w);
            assert.deepEqual(dirty.vecs, clean.vecs);
            assert.ok(dirty.w.every(Number.isFinite));
          }
        }
      }
    });
    await t.step(`${dt}: structured spectra (zero, identity, repeated, clustered, graded)`, () => {
      const n = 40;
      checkEigh(
        dt,
        mat(n, () => 0),
        "L",
      );
      checkEigh(dt, mat(n, (i, j) => (i === j ? 1 : 0)), "U");
      checkEigh(dt, mat(n, () => 1), "L"); // rank one: eigenvalue 0 repeated n − 1 times
      checkEigh(dt, mat(n, (i, j) => (i === j ? i % 3 : 0)), "L");
      checkEigh(dt, mat(n, (i, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? -1 : 0)), "L");
      // Wilkinson's W+ matrix: pairs of nearly equal eigenvalues.
      const m = 41;
      checkEigh(
        dt,
        mat(m, (i, j) => (i === j ? Math.abs(i - 20) : Math.abs(i - j) === 1 ? 1 : 0)),
        "U",
      );
      // A block of tiny entries next to a block of ordinary ones.
      checkEigh(
        dt,
        mat(n, (i, j) => {
          const s = i < 20 && j < 20 ? 1 : 1e-30;
          return i === j ? s * (1 + (i % 7)) : Math.abs(i - j) === 1 ? 0.5 * s : 0;
        }),
        "L",
      );
      // Large and small overall scale.
      for (const s of [1e-20, 1e20]) checkEigh(dt, mat(8, (i, j) => s / (i + j + 1)), "L");
    });
    await t.step(`${dt}: eigenvalues agree with NumPy`, () => {
      const tol = isSingle(dt) ? 2e-6 : 1e-14;
      const s = fromRows([[4, 1, -2, 2], [1, 2, 0, 1], [-2, 0, 3, -2], [2, 1, -2, -1]]);
      const want = [-2.197516977439427, 1.0843644637732177, 2.2685314064312423, 6.844621107234966];
      for (const jobz of ["V", "N"] as const) {
        const r = runEigh(dt, jobz, "L", rounded(dt, s));
        for (let i = 0; i < 4; i++) assert.ok(Math.abs(r.w[i] - want[i]) <= tol * 7, `${i}`);
      }
      assert.deepEqual(runEigh(dt, "V", "U", fromRows([[1, 2], [2, 1]])).w, [-1, 3]);
      if (cplx) {
        const h = fromRows([
          [2, [1, -1], [0, 0.5]],
          [[1, 1], 3, [-2, 0.25]],
          [[0, -0.5], [-2, -0.25], -1],
        ]);
        const hw = [-1.8716161769269732, 1.2205654494048024, 4.651050727522172];
        for (const uplo of ["L", "U"] as const) {
          const r = runEigh(dt, "V", uplo, rounded(dt, h));
          for (let i = 0; i < 3; i++) assert.ok(Math.abs(r.w[i] - hw[i]) <= tol * 5);
        }
      }
    });
    await t.step(`${dt}: 0×0 and non-finite input`, () => {
      assert.equal(tsSyevd(dt, "V", "L", 0, alloc(dt, 0), 1, alloc(dt, 0)), 0);
      const bad = mat(3, (i, j) => (i === 2 && j === 1 ? NaN : 1));
      assert.ok(runEigh(dt, "N", "L", bad).info > 0);
      assert.ok(runEigh(dt, "V", "L", mat(2, () => Infinity)).info > 0);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// geev

interface GeevResult {
  info: number;
  /** Eigenvalues as [re, im]. */
  w: [number, number][];
  /** Eigenvector j as (re, im), unpacked from LAPACK's real packing for real types. */
  vecs: [Float64Array, Float64Array][];
}

function runGeev(
  dt: LinalgDType,
  jobvr: "V" | "N",
  a: Mat,
  opts: { lda?: number; ldvr?: number } = {},
): GeevResult {
  const n = a.n, lda = opts.lda ?? n, ldvr = opts.ldvr ?? n;
  const st = isComplex(dt) ? 2 : 1;
  const buf = toBuffer(dt, a, lda, 5);
  const w = alloc(dt, 2 * n);
  const vr = jobvr === "V" ? alloc(dt, st * ldvr * n) : null;
  const info = tsGeev(dt, jobvr, n, buf, lda, w, vr, ldvr);
  const ws: [number, number][] = [];
  for (let j = 0; j < n; j++) ws.push([w[2 * j], w[2 * j + 1]]);
  const vecs: [Float64Array, Float64Array][] = [];
  if (vr !== null && info === 0) {
    const col = (j: number, part: number): Float64Array => {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = vr[st * (j * ldvr + i) + part];
      return c;
    };
    for (let j = 0; j < n; j++) {
      if (st === 2) vecs.push([col(j, 0), col(j, 1)]);
      else if (ws[j][1] === 0) vecs.push([col(j, 0), new Float64Array(n)]);
      else {
        // LAPACK's packing: a conjugate pair, positive imaginary part first, re/im columns.
        assert.ok(ws[j][1] > 0, `pair at ${j} starts with a positive imaginary part`);
        assert.ok(j + 1 < n, "pair is complete");
        assert.equal(ws[j + 1][0], ws[j][0]);
        assert.equal(ws[j + 1][1], -ws[j][1]);
        const re = col(j, 0), im = col(j + 1, 0);
        vecs.push([re, im], [re, im.map((x) => -x)]);
        j++;
      }
    }
  }
  return { info, w: ws, vecs };
}

function checkGeev(
  dt: LinalgDType,
  a0: Mat,
  opts: { lda?: number; ldvr?: number } = {},
): GeevResult {
  const a = rounded(dt, a0), n = a.n;
  const r = runGeev(dt, "V", a, opts);
  assert.equal(r.info, 0);
  const scale = Math.max(1, maxAbs(a)) * Math.max(n, 1);
  const tol = 64 * unit(dt);
  for (let j = 0; j < n; j++) {
    const [vr, vi] = r.vecs[j];
    let nrm = 0, big = 0;
    for (let i = 0; i < n; i++) {
      nrm += vr[i] * vr[i] + vi[i] * vi[i];
      big = Math.max(big, Math.hypot(vr[i], vi[i]));
    }
    assert.ok(Math.abs(Math.sqrt(nrm) - 1) <= tol * n, `norm of vector ${j}`);
    // A component of largest magnitude (up to rounding ties) is exactly real; for complex
    // types it is also positive (zgeev), for real types its sign is free (dgeev).
    let realBig = false;
    for (let i = 0; i < n; i++) {
      const m = Math.hypot(vr[i], vi[i]);
      if (m >= big * (1 - 1e-5) && vi[i] === 0 && (!isComplex(dt) || vr[i] > 0)) realBig = true;
    }
    assert.ok(realBig, `largest component of vector ${j} is real`);
    const res = residual(a, vr, vi, r.w[j][0], r.w[j][1]);
    assert.ok(res <= tol * scale, `residual of pair ${j}: ${res}`);
  }
  // Values only: the same eigenvalues in the same order.
  const v = runGeev(dt, "N", a);
  assert.equal(v.info, 0);
  for (let j = 0; j < n; j++) {
    assert.ok(Math.hypot(v.w[j][0] - r.w[j][0], v.w[j][1] - r.w[j][1]) <= tol * scale);
  }
  return r;
}

/** Eigenvalues sorted by (re, im) for order-free comparisons. */
/**
 * Every wanted eigenvalue has its own computed one within `tol` (matched to the nearest unused
 * one, so the order of nearly equal real parts does not matter).
 */
function assertValues(got: [number, number][], want: [number, number][], tol: number): void {
  assert.equal(got.length, want.length);
  const used = new Array<boolean>(got.length).fill(false);
  for (const [i, e] of want.entries()) {
    let best = -1, bestErr = Infinity;
    for (let j = 0; j < got.length; j++) {
      const err = Math.hypot(got[j][0] - e[0], got[j][1] - e[1]);
      if (!used[j] && err < bestErr) best = j, bestErr = err;
    }
    assert.ok(bestErr <= tol, `eigenvalue ${i}: want ${e}, nearest ${got[best]} of ${got}`);
    used[best] = true;
  }
}

function rotation(theta: number): number[][] {
  return [[Math.cos(theta), -Math.sin(theta)], [Math.sin(theta), Math.cos(theta)]];
}

Deno.test("tsGeev", async (t) => {
  for (const dt of DTYPES) {
    const cplx = isComplex(dt);
    const vtol = isSingle(dt) ? 1e-5 : 1e-12;
    await t.step(`${dt}: random matrices`, () => {
      for (const n of [1, 2, 3, 4, 7, 12, 25, 50]) checkGeev(dt, randomMat(n, cplx, 3 * n + 2));
      checkGeev(dt, randomMat(9, cplx, 99), { lda: 12, ldvr: 11 });
    });
    await t.step(`${dt}: rotations give purely complex conjugate pairs`, () => {
      for (const theta of [Math.PI / 2, 1, 2.5]) {
        const r = checkGeev(dt, fromRows(rotation(theta)));
        assertValues(
          r.w,
          [[Math.cos(theta), Math.sin(theta)], [Math.cos(theta), -Math.sin(theta)]],
          vtol,
        );
        if (!cplx) assert.ok(r.w[0][1] > 0 && r.w[1][1] < 0);
      }
      const [c, s] = [Math.cos(0.7), Math.sin(0.7)];
      checkGeev(dt, fromRows([[c, -s, 0], [s, c, 0], [0, 0, 1]]));
      // Two rotation blocks mixed by a similarity: two pairs on the unit circle.
      const b = fromRows([[0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 0.6, -0.8], [0, 0, 0.8, 0.6]]);
      const p = fromRows([[1, 2, 0, 1], [0, 1, 3, 0], [1, 0, 1, 0], [0, 1, 0, 2]]);
      const r = checkGeev(dt, similar(b, p));
      assertValues(r.w, [[0, 1], [0, -1], [0.6, 0.8], [0.6, -0.8]], isSingle(dt) ? 1e-4 : 1e-12);
      const cyc = checkGeev(dt, mat(5, (i, j) => (i === (j + 1) % 5 ? 1 : 0)));
      const roots: [number, number][] = [];
      for (let k = 0; k < 5; k++) {
        roots.push([Math.cos(2 * Math.PI * k / 5), Math.sin(2 * Math.PI * k / 5)]);
      }
      assertValues(cyc.w, roots, vtol);
    });
    await t.step(`${dt}: defective and nearly defective (Jordan blocks)`, () => {
      const jordan = (n: number, lam: number, eps: number): Mat =>
        mat(n, (i, j) => (i === j ? lam : j === i + 1 ? 1 : i === n - 1 && j === 0 ? eps : 0));
      checkGeev(dt, jordan(6, 2, 1e-10));
      checkGeev(dt, jordan(5, 0, 0));
      checkGeev(dt, jordan(5, 1, 0));
      checkGeev(dt, jordan(25, 0, 0));
      // NumPy: eig of the 4×4 Jordan block (λ = 2) with 1e-8 in the corner.
      const r = runGeev(dt, "N", jordan(4, 2, 1e-8));
      assertValues(r.w, [[1.99, 0], [2, 0.01], [2, -0.01], [2.01, 0]], isSingle(dt) ? 2e-3 : 1e-9);
    });
    await t.step(`${dt}: triangular, diagonal, symmetric, 1×1 and 0×0`, () => {
      const up = checkGeev(dt, fromRows([[1, 2, 3], [0, 4, 5], [0, 0, 6]]));
      assert.deepEqual(up.w, [[1, 0], [4, 0], [6, 0]]);
      // LAPACK's balancing permutes a lower triangular matrix: NumPy returns 6, 4, 1.
      const low = checkGeev(dt, fromRows([[1, 0, 0], [2, 4, 0], [3, 5, 6]]));
      assert.deepEqual(low.w, [[6, 0], [4, 0], [1, 0]]);
      const dg = checkGeev(dt, mat(5, (i, j) => (i === j ? [3, -1, 2, 2, 5][i] : 0)));
      assert.deepEqual(dg.w, [[3, 0], [-1, 0], [2, 0], [2, 0], [5, 0]]);
      for (const n of [8, 20]) {
        const r = checkGeev(dt, hermitian(n, false, n));
        if (!cplx) {
          assert.ok(r.w.every(([, im]) => im === 0), "real spectrum of a symmetric matrix");
        }
      }
      if (cplx) {
        const r = checkGeev(dt, hermitian(7, true, 5));
        assert.ok(r.w.every(([, im]) => Math.abs(im) <= 64 * unit(dt) * 7));
        const tri = randomMat(5, true, 8);
        const u = mat(5, (i, j) => (i <= j ? [tri.re[j * 5 + i], tri.im[j * 5 + i]] : 0));
        const ru = checkGeev(dt, u), uu = rounded(dt, u);
        for (let i = 0; i < 5; i++) assert.deepEqual(ru.w[i], [uu.re[i * 6], uu.im[i * 6]]);
      }
      const one = checkGeev(
        dt,
        fromRows([[cplx ? [3.5, -1] : 3.5] as (number | [number, number])[]]),
      );
      assert.deepEqual(one.w, [[3.5, cplx ? -1 : 0]]);
      assert.deepEqual(one.vecs[0][0], new Float64Array([1]));
      assert.equal(tsGeev(dt, "V", 0, alloc(dt, 0), 1, alloc(dt, 0), alloc(dt, 0), 1), 0);
      checkGeev(dt, mat(3, () => 0));
    });
    await t.step(`${dt}: badly scaled and companion matrices`, () => {
      const r = checkGeev(dt, fromRows([[1, 1e6, 0], [1e-6, 1, 1e6], [0, 1e-6, 1]]));
      assert.ok(r.w.every(([re]) => Number.isFinite(re)));
      // x⁴ − 10x³ + 35x² − 50x + 24 = (x − 1)(x − 2)(x − 3)(x − 4)
      const c = checkGeev(
        dt,
        fromRows([[0, 0, 0, -24], [1, 0, 0, 50], [0, 1, 0, -35], [0, 0, 1, 10]]),
      );
      assertValues(c.w, [[1, 0], [2, 0], [3, 0], [4, 0]], isSingle(dt) ? 1e-4 : 1e-11);
      for (const s of [1e-200, 1e200]) {
        if (isSingle(dt)) continue; // out of single range
        checkGeev(
          dt,
          mat(6, (i, j) => s * (i === j ? i + 1 : j === i + 1 ? 1 : j === i - 1 ? -1 : 0)),
        );
      }
    });
    await t.step(`${dt}: agrees with NumPy (values, order and vector conventions)`, () => {
      // a = [[2,-3,1],[1,0,-2],[0.5,4,1]]: one real eigenvalue, then a pair.
      const a = fromRows([[2, -3, 1], [1, 0, -2], [0.5, 4, 1]]);
      const r = runGeev(dt, "V", a);
      // NumPy's order differs by type: dgeev gives the real eigenvalue first, zgeev the pair's
      // upper member first (np.linalg.eig(a) and np.linalg.eig(a.astype(complex))).
      const w = cplx
        ? [
          [0.317858000552223, 3.300901864980512],
          [2.3642839988955546, 0],
          [0.317858000552223, -3.300901864980512],
        ]
        : [
          [2.3642839988955546, 0],
          [0.317858000552223, 3.300901864980512],
          [0.317858000552223, -3.300901864980512],
        ];
      for (let j = 0; j < 3; j++) {
        assert.ok(Math.hypot(r.w[j][0] - w[j][0], r.w[j][1] - w[j][1]) <= vtol * 10, `w[${j}]`);
      }
      if (!cplx) {
        // dgeev's vectors (real vector, then the pair with its largest component real).
        const v: [number, number][][] = [
          [[-0.9075311926703283, 0], [-0.02945057923978399, 0], [-0.4189508297077506, 0]],
          [
            [-0.49807995844834996, 0.004554207068929976],
            [-0.05163911204800767, 0.5505912955788012],
            [
              0.667890890437812,
              0,
            ],
          ],
        ];
        for (let j = 0; j < 2; j++) {
          for (let i = 0; i < 3; i++) {
            assert.ok(Math.abs(r.vecs[j][0][i] - v[j][i][0]) <= vtol * 10);
            assert.ok(Math.abs(r.vecs[j][1][i] - v[j][i][1]) <= vtol * 10);
          }
        }
        // [[0,-1],[1,0]]: NumPy's first eigenvector is (1/√2, −i/√2).
        const rot = runGeev(dt, "V", fromRows([[0, -1], [1, 0]]));
        assert.deepEqual(rot.w, [[0, 1], [0, -1]]);
        assert.ok(Math.abs(rot.vecs[0][0][0] - Math.SQRT1_2) <= vtol && rot.vecs[0][1][0] === 0);
        assert.ok(Math.abs(rot.vecs[0][1][1] + Math.SQRT1_2) <= vtol);
      }
      const b = runGeev(
        dt,
        "N",
        fromRows([[1, 2, 3, 4], [0.5, -1, 2, 0], [3, 1, 0, -2], [1, 1, 1, 1]]),
      );
      const bw = [4.801170774848444, -2.535586680463688, -1.2322533998317284, -0.03333069455303072];
      if (!cplx) {
        for (let j = 0; j < 4; j++) {
          assert.ok(Math.abs(b.w[j][0] - bw[j]) <= vtol * 10 && b.w[j][1] === 0);
        }
      } else assertValues(b.w, bw.map((x) => [x, 0]), vtol * 10);
      if (cplx) {
        // zgeev: vectors normalised with their largest component real and positive.
        const c = fromRows([[[1, 2], [2, -1], 0], [[0, 0.5], -1, [1, 1]], [3, [0, 1], [2, -0.5]]]);
        const rc = runGeev(dt, "V", c);
        const cw = [
          [2.566544766513129, 0.8178322997690619],
          [0.05215155502050082, 1.9722078345693612],
          [-0.618696321533624, -1.2900401343384196],
        ];
        const cv = [
          [[0.23577284979622715, 0.2959704965878886], [0.25070859711836185, 0.2178182909849541], [
            0.8640098494182927,
            0,
          ]],
          [[-0.4728215005983464, 0.4746090250344213], [0.27188475325112316, -0.08241596986859856], [
            0.6859098999052265,
            0,
          ]],
          [[-0.37387094167923, -0.11186887159976108], [-0.18737425055679643, 0.6118789417917093], [
            0.6619674654807581,
            0,
          ]],
        ];
        for (let j = 0; j < 3; j++) {
          assert.ok(Math.hypot(rc.w[j][0] - cw[j][0], rc.w[j][1] - cw[j][1]) <= vtol * 10);
          for (let i = 0; i < 3; i++) {
            assert.ok(Math.abs(rc.vecs[j][0][i] - cv[j][i][0]) <= vtol * 10);
            assert.ok(Math.abs(rc.vecs[j][1][i] - cv[j][i][1]) <= vtol * 10);
          }
        }
      }
    });
    await t.step(`${dt}: non-finite input reports failure`, () => {
      const r = runGeev(dt, "N", mat(3, (i, j) => (i === 1 && j === 2 ? NaN : i + j)));
      assert.ok(r.info > 0);
    });
  }
});

/** P·B·P⁻¹ for a small real invertible P (Gauss–Jordan inverse). */
function similar(b: Mat, p: Mat): Mat {
  const n = b.n;
  const inv = new Float64Array(n * n), w = Float64Array.from(p.re);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(w[c * n + r]) > Math.abs(w[c * n + piv])) piv = r;
    for (let k = 0; k < n; k++) {
      [w[k * n + c], w[k * n + piv]] = [w[k * n + piv], w[k * n + c]];
      [inv[k * n + c], inv[k * n + piv]] = [inv[k * n + piv], inv[k * n + c]];
    }
    const d = w[c * n + c];
    for (let k = 0; k < n; k++) w[k * n + c] /= d, inv[k * n + c] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = w[c * n + r];
      for (let k = 0; k < n; k++) {
        w[k * n + r] -= f * w[k * n + c], inv[k * n + r] -= f * inv[k * n + c];
      }
    }
  }
  const prod = (x: Float64Array, y: Float64Array): Float64Array => {
    const o = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) {
        for (let i = 0; i < n; i++) o[j * n + i] += x[k * n + i] * y[j * n + k];
      }
    }
    return o;
  };
  return { n, re: prod(prod(p.re, b.re), inv), im: new Float64Array(n * n) };
}
