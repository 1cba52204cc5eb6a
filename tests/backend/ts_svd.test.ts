import assert from "node:assert/strict";
import fc from "fast-check";
import { tsGesdd } from "../../src/backend/ts_svd.ts";
import { tsGelsd } from "../../src/backend/ts_lstsq.ts";
import type { FloatBuffer, LinalgDType } from "../../src/backend/types.ts";

// Hard-coded expected values were computed with the pyenv python3 NumPy 2.4
// (numpy.linalg.svd / numpy.linalg.lstsq, i.e. LAPACK gesdd / gelsd); the script is in the
// comment above each constant.

const DTYPES: readonly LinalgDType[] = ["float32", "float64", "complex64", "complex128"];

const isComplex = (dt: LinalgDType): boolean => dt === "complex64" || dt === "complex128";
const isSingle = (dt: LinalgDType): boolean => dt === "float32" || dt === "complex64";
/** The unit of accuracy of the dtype. */
const epsOf = (dt: LinalgDType): number => (isSingle(dt) ? 2 ** -23 : 2 ** -52);

function alloc(dt: LinalgDType, count: number): FloatBuffer {
  const len = (isComplex(dt) ? 2 : 1) * count;
  return isSingle(dt) ? new Float32Array(len) : new Float64Array(len);
}

/** Deterministic uniform values in [-1, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

/** A dense m×n matrix: column-major float64, (re, im) interleaved for complex dtypes. */
interface Mat {
  m: number;
  n: number;
  cx: boolean;
  data: Float64Array;
}

function randomMat(cx: boolean, m: number, n: number, seed: number): Mat {
  const r = lcg(seed), data = new Float64Array((cx ? 2 : 1) * m * n);
  for (let i = 0; i < data.length; i++) data[i] = r();
  return { m, n, cx, data };
}

function fromRows(rows: number[][]): Mat {
  const m = rows.length, n = rows[0].length, data = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[j * m + i] = rows[i][j];
  return { m, n, cx: false, data };
}

function get(a: Mat, i: number, j: number): [number, number] {
  const o = j * a.m + i;
  return a.cx ? [a.data[2 * o], a.data[2 * o + 1]] : [a.data[o], 0];
}

function set(a: Mat, i: number, j: number, re: number, im: number): void {
  const o = j * a.m + i;
  if (a.cx) a.data[2 * o] = re, a.data[2 * o + 1] = im;
  else a.data[o] = re;
}

/** op(A)·op(B) with op = conjugate transpose when the flag is set. */
function mul(a: Mat, b: Mat, ha = false, hb = false): Mat {
  const m = ha ? a.n : a.m, k = ha ? a.m : a.n, n = hb ? b.m : b.n;
  const cx = a.cx || b.cx, out: Mat = { m, n, cx, data: new Float64Array((cx ? 2 : 1) * m * n) };
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let re = 0, im = 0;
      for (let l = 0; l < k; l++) {
        const [ar, ai0] = ha ? get(a, l, i) : get(a, i, l);
        const [br, bi0] = hb ? get(b, j, l) : get(b, l, j);
        const ai = ha ? -ai0 : ai0, bi = hb ? -bi0 : bi0;
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      set(out, i, j, re, im);
    }
  }
  return out;
}

function maxAbsDiff(a: Mat, b: Mat): number {
  let d = 0;
  for (let i = 0; i < a.data.length; i++) d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
  return d;
}

function identity(cx: boolean, n: number): Mat {
  const out: Mat = { m: n, n, cx, data: new Float64Array((cx ? 2 : 1) * n * n) };
  for (let i = 0; i < n; i++) set(out, i, i, 1, 0);
  return out;
}

/** A unitary n×n matrix: a product of Householder reflectors from seeded random vectors. */
function unitary(cx: boolean, n: number, seed: number): Mat {
  let q = identity(cx, n);
  for (let t = 0; t < 3; t++) {
    const v = randomMat(cx, n, 1, seed + t);
    const vv = mul(v, v, true).data[0];
    const h = identity(cx, n), vvh = mul(v, v, false, true);
    for (let i = 0; i < h.data.length; i++) h.data[i] -= (2 / vv) * vvh.data[i];
    q = mul(q, h);
  }
  return q;
}

/** U·diag(s)·V with U (m×m) and V (n×n) unitary from the seeds: known singular values. */
function withSingularValues(cx: boolean, m: number, n: number, s: number[], seed: number): Mat {
  const sm: Mat = { m, n, cx, data: new Float64Array((cx ? 2 : 1) * m * n) };
  s.forEach((v, i) => set(sm, i, i, v, 0));
  return mul(mul(unitary(cx, m, seed), sm), unitary(cx, n, seed + 100));
}

interface SvdOut {
  info: number;
  s: number[];
  u: Mat | null;
  vt: Mat | null;
}

/** Runs tsGesdd on a copy of `a` (stored with padded leading dimensions) in dtype `dt`. */
function svd(dt: LinalgDType, jobz: "A" | "S" | "N", a: Mat, pad = 0): SvdOut {
  const { m, n } = a, k = Math.min(m, n), w = isComplex(dt) ? 2 : 1;
  const lda = m + pad;
  const buf = alloc(dt, lda * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < w * m; i++) buf[j * lda * w + i] = a.data[j * m * w + i];
  }
  const before = Array.from(buf);
  const uc = jobz === "A" ? m : k, vr = jobz === "A" ? n : k;
  const ldu = m + pad, ldvt = Math.max(1, vr + pad);
  const s = isSingle(dt) ? new Float32Array(k) : new Float64Array(k);
  const ub = jobz === "N" ? null : alloc(dt, ldu * uc);
  const vb = jobz === "N" ? null : alloc(dt, ldvt * n);
  const info = tsGesdd(dt, jobz, m, n, buf, lda, s, ub, ldu, vb, ldvt);
  // Padding rows must not be written.
  for (let j = 0; j < n; j++) {
    for (let i = w * m; i < w * lda; i++) {
      assert.equal(buf[j * lda * w + i], before[j * lda * w + i]);
    }
  }
  const unpack = (b: FloatBuffer | null, rows: number, cols: number, ld: number): Mat | null => {
    if (!b) return null;
    const out: Mat = { m: rows, n: cols, cx: w === 2, data: new Float64Array(w * rows * cols) };
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < w * rows; i++) out.data[j * rows * w + i] = b[j * ld * w + i];
      for (let i = w * rows; i < w * ld; i++) assert.equal(b[j * ld * w + i], 0, "padding written");
    }
    return out;
  };
  return { info, s: Array.from(s), u: unpack(ub, m, uc, ldu), vt: unpack(vb, vr, n, ldvt) };
}

/** Checks A = U·diag(s)·Vᴴ, orthonormal columns of U and rows of Vᴴ, s descending ≥ 0. */
function checkSvd(dt: LinalgDType, a: Mat, r: SvdOut, scale = 1): void {
  const { m, n } = a, k = Math.min(m, n);
  assert.equal(r.info, 0);
  assert.equal(r.s.length, k);
  for (let i = 0; i < k; i++) {
    assert.ok(r.s[i] >= 0, `s[${i}] = ${r.s[i]} is negative`);
    if (i > 0) assert.ok(r.s[i] <= r.s[i - 1], `s not descending at ${i}: ${r.s}`);
  }
  const tol = 30 * epsOf(dt) * Math.max(m, n, 1);
  const norm = Math.max(r.s[0] ?? 0, scale);
  if (!r.u || !r.vt) return;
  const us: Mat = { ...r.u, data: r.u.data.slice() };
  for (let l = 0; l < r.u.n; l++) {
    for (let i = 0; i < m; i++) {
      const [re, im] = get(us, i, l);
      const sv = l < k ? r.s[l] : 0;
      set(us, i, l, re * sv, im * sv);
    }
  }
  const vt = r.vt;
  // Only the first k columns of U / rows of Vᴴ meet the singular values.
  const uk: Mat = { m, n: k, cx: us.cx, data: us.data.slice(0, (us.cx ? 2 : 1) * m * k) };
  const vk: Mat = { m: k, n, cx: vt.cx, data: new Float64Array((vt.cx ? 2 : 1) * k * n) };
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) set(vk, i, j, ...get(vt, i, j));
  }
  const recon = mul(uk, vk);
  const resid = maxAbsDiff(recon, a);
  assert.ok(resid <= tol * norm, `reconstruction error ${resid} > ${tol * norm}`);
  const uhu = mul(r.u, r.u, true), vvh = mul(vt, vt, false, true);
  const eu = maxAbsDiff(uhu, identity(uhu.cx, uhu.n)),
    ev = maxAbsDiff(vvh, identity(vvh.cx, vvh.n));
  assert.ok(eu <= tol, `U not orthonormal: ${eu}`);
  assert.ok(ev <= tol, `Vh not orthonormal: ${ev}`);
}

function closeValues(actual: number[], expected: number[], atol: number, rtol = 0): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    assert.ok(d <= atol + rtol * Math.abs(expected[i]), `[${i}] ${actual[i]} vs ${expected[i]}`);
  }
}

function asDtype(dt: LinalgDType, a: Mat): Mat {
  if (isComplex(dt) === a.cx) return a;
  if (!isComplex(dt)) throw new Error("cannot make a complex matrix real");
  const data = new Float64Array(2 * a.data.length);
  a.data.forEach((v, i) => data[2 * i] = v);
  return { ...a, cx: true, data };
}

/** Rounds the entries to float32 when `dt` is single precision (the test's input matrix). */
function rounded(dt: LinalgDType, a: Mat): Mat {
  return isSingle(dt) ? { ...a, data: a.data.map((v) => Math.fround(v)) } : a;
}

Deno.test("tsGesdd", async (t) => {
  const shapes: [number, number][] = [
    [1, 1],
    [1, 7],
    [7, 1],
    [5, 5],
    [6, 4],
    [4, 6],
    [40, 9],
    [9, 40],
    [33, 33],
  ];
  for (const dt of DTYPES) {
    await t.step(`${dt}: factorizations of random matrices, jobz A/S/N agree`, () => {
      let seed = 1;
      for (const [m, n] of shapes) {
        const a = rounded(dt, randomMat(isComplex(dt), m, n, seed++));
        const full = svd(dt, "A", a), thin = svd(dt, "S", a), vals = svd(dt, "N", a);
        checkSvd(dt, a, full);
        checkSvd(dt, a, thin);
        assert.equal(vals.info, 0);
        const tol = 30 * epsOf(dt) * Math.max(m, n) * full.s[0];
        closeValues(thin.s, full.s, tol);
        closeValues(vals.s, full.s, tol);
        assert.deepEqual([full.u!.n, full.vt!.m, thin.u!.n, thin.vt!.m], [
          m,
          n,
          Math.min(m, n),
          Math.min(m, n),
        ]);
      }
    });

    await t.step(`${dt}: leading dimensions larger than the matrix`, () => {
      const a = rounded(dt, randomMat(isComplex(dt), 7, 5, 42));
      checkSvd(dt, a, svd(dt, "A", a, 3));
      checkSvd(dt, a, svd(dt, "S", a, 2));
      const b = rounded(dt, randomMat(isComplex(dt), 3, 8, 43));
      checkSvd(dt, b, svd(dt, "A", b, 1));
    });

    await t.step(`${dt}: known singular values, rank-deficient, repeated and zero`, () => {
      const cx = isComplex(dt), eps = epsOf(dt);
      // Rank 2 (a product of 9×2 and 2×6 factors).
      const low = mul(randomMat(cx, 9, 2, 5), randomMat(cx, 2, 6, 6));
      const r = svd(dt, "A", low);
      checkSvd(dt, low, r);
      for (let i = 2; i < 6; i++) assert.ok(r.s[i] <= 50 * eps * r.s[0], `s[${i}] = ${r.s[i]}`);
      // Repeated values (3, 3, 3, 1, 1) in a 7×5 and a 5×7.
      for (const [m, n] of [[7, 5], [5, 7]]) {
        const rep = withSingularValues(cx, m, n, [3, 3, 3, 1, 1], 11);
        const out = svd(dt, "A", rep);
        checkSvd(dt, rep, out);
        closeValues(out.s, [3, 3, 3, 1, 1], 100 * eps);
      }
      // The identity and the zero matrix.
      const id = identity(cx, 6);
      const ri = svd(dt, "A", id);
      checkSvd(dt, id, ri);
      closeValues(ri.s, [1, 1, 1, 1, 1, 1], 0);
      const zero: Mat = { m: 5, n: 3, cx, data: new Float64Array((cx ? 2 : 1) * 15) };
      const rz = svd(dt, "A", zero);
      checkSvd(dt, zero, rz);
      assert.deepEqual(rz.s, [0, 0, 0]);
      assert.deepEqual(svd(dt, "N", zero).s, [0, 0, 0]);
    });

    await t.step(`${dt}: ill-conditioned (cond 1e12) and tall/wide QR paths`, () => {
      const cx = isComplex(dt), eps = epsOf(dt);
      const s = [1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12];
      for (const [m, n] of [[7, 7], [20, 7], [7, 20]]) {
        const a = rounded(dt, withSingularValues(cx, m, n, s, 21));
        const out = svd(dt, "A", a);
        checkSvd(dt, a, out);
        // Normwise accuracy: |Δs| ≲ eps·‖A‖ (the input itself carries an error of that size).
        closeValues(out.s, s, 200 * eps);
        closeValues(svd(dt, "N", a).s, s, 200 * eps);
      }
    });

    await t.step(`${dt}: empty matrices`, () => {
      for (const [m, n] of [[0, 0], [0, 3], [4, 0]]) {
        const a: Mat = { m, n, cx: isComplex(dt), data: new Float64Array(0) };
        for (const jobz of ["A", "S", "N"] as const) {
          const r = svd(dt, jobz, a);
          assert.equal(r.info, 0);
          assert.deepEqual(r.s, []);
          if (jobz === "A") {
            assert.equal(maxAbsDiff(r.u!, identity(isComplex(dt), m)), 0);
            assert.equal(maxAbsDiff(r.vt!, identity(isComplex(dt), n)), 0);
          }
        }
      }
    });

    await t.step(`${dt}: non-finite input reports non-convergence`, () => {
      const a = randomMat(isComplex(dt), 4, 3, 9);
      a.data[5] = NaN;
      assert.ok(svd(dt, "A", a).info > 0);
      a.data[5] = Infinity;
      assert.ok(svd(dt, "N", a).info > 0);
    });
  }

  await t.step("values match NumPy", () => {
    // a[i, j] = sin(1 + i + 4j), 4×3 (rank 2):
    // np.linalg.svd(np.array([[np.sin(1+i+4*j) for j in range(3)] for i in range(4)]), compute_uv=False)
    const a = fromRows([0, 1, 2, 3].map((i) => [0, 1, 2].map((j) => Math.sin(1 + i + 4 * j))));
    const sa = [2.119944161327282, 1.3398351748885784, 9.177171407384447e-17];
    for (const dt of DTYPES) {
      const tol = 30 * epsOf(dt) * 4 * sa[0];
      closeValues(svd(dt, "N", asDtype(dt, a)).s, sa, tol);
      closeValues(svd(dt, "A", asDtype(dt, a)).s, sa, tol);
    }
    // 6×6 Hilbert matrix (cond 1.5e7): np.linalg.svd(1/(i+j+1)).
    const h = fromRows(
      [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => 1 / (i + j + 1))),
    );
    const sh = [
      1.6188998589243393,
      0.2423608705752095,
      0.01632152131987582,
      0.0006157483541826447,
      1.2570757122632472e-05,
      1.0827994844462713e-07,
    ];
    closeValues(svd("float64", "A", h).s, sh, 1e-15, 1e-12);
    closeValues(svd("complex128", "N", asDtype("complex128", h)).s, sh, 1e-15, 1e-12);
    // Graded rows, a[i, j] = (sin(1 + i + 2j) + 2·[i = j])·10^(−2i): NumPy's values are
    // relatively accurate (checked against 50-digit mpmath), and so must ours be.
    const g = fromRows(
      [0, 1, 2, 3, 4, 5].map((i) =>
        [0, 1, 2, 3, 4, 5].map((j) =>
          (Math.sin(1 + i + 2 * j) + (i === j ? 2 : 0)) * 10 ** (-2 * i)
        )
      ),
    );
    const sg = [
      3.2580686580065943,
      0.015854634409616063,
      0.000292978753484961,
      1.4201205299388428e-06,
      2.3661621205551734e-08,
      1.472714502637961e-10,
    ];
    const rg = svd("float64", "A", g);
    checkSvd("float64", g, rg);
    closeValues(rg.s, sg, 0, 1e-12);
    closeValues(svd("float64", "N", g).s, sg, 0, 1e-12);
    // Graded columns: the transpose-like grading.
    const g2 = fromRows(
      [0, 1, 2, 3, 4, 5].map((i) =>
        [0, 1, 2, 3, 4, 5].map((j) =>
          (Math.sin(1 + i + 2 * j) + (i === j ? 2 : 0)) * 10 ** (-2 * j)
        )
      ),
    );
    const sg2 = [
      3.238990201406897,
      0.019816533473497492,
      0.00023319479825985046,
      1.8635317402665907e-06,
      1.7446726157554824e-08,
      1.5389834210323743e-10,
    ];
    closeValues(svd("float64", "A", g2).s, sg2, 0, 1e-12);
    // Complex 3×4, a[i, j] = cos(i + 2j) + 1j·sin(2i − j + 0.5).
    const c: Mat = { m: 3, n: 4, cx: true, data: new Float64Array(24) };
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 4; j++) set(c, i, j, Math.cos(i + 2 * j), Math.sin(2 * i - j + 0.5));
    }
    const sc = [2.679733802348717, 1.9335441683050145, 1.0605016218844139];
    closeValues(svd("complex128", "A", c).s, sc, 1e-14);
    closeValues(svd("complex64", "S", c).s, sc, 3e-6);
    // Complex rank 2: outer(u1, v1) + outer(u2, v2) with
    // u1 = [1, 2j, -1, 0.5], v1 = [1, 1, 1j, 2], u2 = [0, 1, 1+1j, -2], v2 = [3, -1j, 0, 1].
    const u1 = [[1, 0], [0, 2], [-1, 0], [0.5, 0]], v1 = [[1, 0], [1, 0], [0, 1], [2, 0]];
    const u2 = [[0, 0], [1, 0], [1, 1], [-2, 0]], v2 = [[3, 0], [0, -1], [0, 0], [1, 0]];
    const r2: Mat = { m: 4, n: 4, cx: true, data: new Float64Array(32) };
    const cm = (x: number[], y: number[]): [number, number] => [
      x[0] * y[0] - x[1] * y[1],
      x[0] * y[1] + x[1] * y[0],
    ];
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const p = cm(u1[i], v1[j]), q = cm(u2[i], v2[j]);
        set(r2, i, j, p[0] + q[0], p[1] + q[1]);
      }
    }
    const s2 = [8.56607869367867, 4.623018041680596, 6.077683248854923e-16, 4.4141458631116526e-17];
    const o2 = svd("complex128", "A", r2);
    checkSvd("complex128", r2, o2);
    closeValues(o2.s, s2, 1e-14);
  });

  await t.step("property: random shapes and dtypes factorize", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom(...DTYPES),
        fc.constantFrom("A" as const, "S" as const),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (m, n, dt, jobz, seed) => {
          const a = rounded(dt, randomMat(isComplex(dt), m, n, seed));
          checkSvd(dt, a, svd(dt, jobz, a));
        },
      ),
      { numRuns: 60 },
    );
  });

  await t.step("graded bidiagonal-like matrices with tiny and zero entries", () => {
    // Diagonal with a zero in the middle, a zero column, and huge/tiny scales.
    const d = fromRows([[3, 1, 0, 0], [0, 0, 1, 0], [0, 0, 2, 1e-20], [0, 0, 0, 1e-30]]);
    checkSvd("float64", d, svd("float64", "A", d));
    const big = randomMat(false, 6, 5, 77);
    for (let i = 0; i < big.data.length; i++) big.data[i] *= 1e300;
    const rb = svd("float64", "A", big);
    checkSvd("float64", big, rb, 1e300);
    const tiny = randomMat(true, 5, 6, 78);
    for (let i = 0; i < tiny.data.length; i++) tiny.data[i] *= 1e-300;
    const rt = svd("complex128", "A", tiny);
    assert.ok(rt.s[0] > 1e-301 && rt.s[0] < 1e-299);
    const up = { ...tiny, data: tiny.data.map((v) => v * 1e300) };
    // Subnormal entries only.
    const sub = fromRows([[3e-310, 0], [0, 4e-310], [1e-320, 0]]);
    const rs = svd("float64", "A", sub);
    assert.equal(rs.info, 0);
    closeValues(rs.s, [4e-310, 3e-310], 1e-322);
    closeValues(rt.s.map((v) => v * 1e300), svd("complex128", "N", up).s, 1e-13);
  });
});

// ---------------------------------------------------------------------------------------------
// Least squares.

interface LstsqOut {
  info: number;
  rank: number;
  s: number[];
  x: Mat;
}

/** Runs tsGelsd with B = `b` (m×nrhs) in a buffer of `ldb` ≥ max(m, n) rows. */
function lstsq(dt: LinalgDType, a: Mat, b: Mat, rcond = -1, extraRows = 0): LstsqOut {
  const { m, n } = a, nrhs = b.n, w = isComplex(dt) ? 2 : 1;
  const ldb = Math.max(m, n, 1) + extraRows;
  const ab = alloc(dt, m * n), bb = alloc(dt, ldb * nrhs);
  ab.set(asDtype(dt, a).data);
  const bd = asDtype(dt, b).data;
  for (let j = 0; j < nrhs; j++) {
    for (let i = 0; i < w * m; i++) bb[j * ldb * w + i] = bd[j * m * w + i];
    for (let i = w * m; i < w * ldb; i++) bb[j * ldb * w + i] = 7;
  }
  const s = isSingle(dt) ? new Float32Array(Math.min(m, n)) : new Float64Array(Math.min(m, n));
  const { info, rank } = tsGelsd(dt, m, n, nrhs, ab, Math.max(m, 1), bb, ldb, s, rcond);
  const x: Mat = { m: n, n: nrhs, cx: w === 2, data: new Float64Array(w * n * nrhs) };
  for (let j = 0; j < nrhs; j++) {
    for (let i = 0; i < w * n; i++) x.data[j * n * w + i] = bb[j * ldb * w + i];
    // Rows beyond max(m, n) are never touched.
    for (let i = w * Math.max(m, n); i < w * ldb; i++) assert.equal(bb[j * ldb * w + i], 7);
  }
  return { info, rank, s: Array.from(s), x };
}

/** Solves the square system g·x = r by Gaussian elimination with partial pivoting. */
function gaussSolve(g: Mat, r: Mat): Mat {
  const n = g.m, a = { ...g, data: g.data.slice() }, b = { ...r, data: r.data.slice() };
  const cdiv = (x: [number, number], y: [number, number]): [number, number] => {
    const q = y[0] * y[0] + y[1] * y[1];
    return [(x[0] * y[0] + x[1] * y[1]) / q, (x[1] * y[0] - x[0] * y[1]) / q];
  };
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) {
      if (Math.hypot(...get(a, i, k)) > Math.hypot(...get(a, p, k))) p = i;
    }
    for (const [mat, cols] of [[a, n], [b, b.n]] as [Mat, number][]) {
      for (let j = 0; j < cols; j++) {
        const t = get(mat, k, j);
        set(mat, k, j, ...get(mat, p, j));
        set(mat, p, j, ...t);
      }
    }
    for (let i = k + 1; i < n; i++) {
      const f = cdiv(get(a, i, k), get(a, k, k));
      for (const [mat, from, cols] of [[a, k, n], [b, 0, b.n]] as [Mat, number, number][]) {
        for (let j = from; j < cols; j++) {
          const [xr, xi] = get(mat, i, j), [yr, yi] = get(mat, k, j);
          set(mat, i, j, xr - (f[0] * yr - f[1] * yi), xi - (f[0] * yi + f[1] * yr));
        }
      }
    }
  }
  for (let j = 0; j < b.n; j++) {
    for (let i = n - 1; i >= 0; i--) {
      let [re, im] = get(b, i, j);
      for (let l = i + 1; l < n; l++) {
        const [ar, ai] = get(a, i, l), [xr, xi] = get(b, l, j);
        re -= ar * xr - ai * xi;
        im -= ar * xi + ai * xr;
      }
      set(b, i, j, ...cdiv([re, im], get(a, i, i)));
    }
  }
  return b;
}

function norm2(a: Mat): number {
  let s = 0;
  for (const v of a.data) s += v * v;
  return Math.sqrt(s);
}

Deno.test("tsGelsd", async (t) => {
  for (const dt of DTYPES) {
    const cx = isComplex(dt), tol = isSingle(dt) ? 2e-4 : 1e-11;
    await t.step(`${dt}: overdetermined matches the normal equations`, () => {
      for (const [m, n, nrhs] of [[9, 4, 3], [40, 6, 2], [5, 5, 1]]) {
        const a = rounded(dt, randomMat(cx, m, n, m + n)),
          b = rounded(dt, randomMat(cx, m, nrhs, 3));
        const out = lstsq(dt, a, b, -1, 2);
        assert.equal(out.info, 0);
        assert.equal(out.rank, n);
        const ref = gaussSolve(mul(a, a, true), mul(a, b, true));
        assert.ok(maxAbsDiff(out.x, ref) <= tol * Math.max(1, norm2(ref)), `${m}×${n}`);
        closeValues(out.s, svd(dt, "N", a).s, 0, 1e-5);
      }
    });

    await t.step(`${dt}: underdetermined gives the minimum-norm solution`, () => {
      for (const [m, n, nrhs] of [[3, 8, 2], [1, 5, 1], [4, 30, 3]]) {
        const a = rounded(dt, randomMat(cx, m, n, 2 * m + n)),
          b = rounded(dt, randomMat(cx, m, nrhs, 5));
        const out = lstsq(dt, a, b);
        assert.equal(out.rank, m);
        // x = Aᴴ·(A·Aᴴ)⁻¹·b, the pseudo-inverse solution.
        const ref = mul(a, gaussSolve(mul(a, a, false, true), b), true);
        assert.ok(maxAbsDiff(out.x, ref) <= tol * Math.max(1, norm2(ref)));
        assert.ok(maxAbsDiff(mul(a, out.x), b) <= tol * 10);
        // Any null-space component makes the solution longer.
        const z = randomMat(cx, n, nrhs, 99);
        const pz = mul(a, gaussSolve(mul(a, a, false, true), mul(a, z)), true);
        const other = { ...out.x, data: out.x.data.map((v, i) => v + z.data[i] - pz.data[i]) };
        assert.ok(maxAbsDiff(mul(a, other), b) <= tol * 10);
        assert.ok(norm2(other) > norm2(out.x));
      }
    });

    await t.step(`${dt}: rank deficiency, rcond, nrhs = 0 and empty A`, () => {
      // Rank 2 in 6×4 and 3×7.
      for (const [m, n] of [[6, 4], [3, 7]]) {
        const a = rounded(dt, mul(randomMat(cx, m, 2, 61), randomMat(cx, 2, n, 62)));
        const b = rounded(dt, randomMat(cx, m, 2, 63));
        const out = lstsq(dt, a, b);
        assert.equal(out.rank, 2);
        // The solution lies in the row space: x = Aᴴ·y, and it is the minimizer of the
        // projected problem (residual orthogonal to the range of A).
        const res = mul(a, out.x);
        for (let i = 0; i < res.data.length; i++) res.data[i] -= asDtype(dt, b).data[i];
        assert.ok(norm2(mul(a, res, true)) <= tol * 100);
        // A huge rcond keeps only the largest singular value.
        assert.equal(lstsq(dt, a, b, 0.999999).rank, 1);
      }
      // rcond < 0 means the dtype's machine epsilon; exact diagonal singular values
      // 1, 1e-9, 1e-20 straddle both epsilons.
      const dg = asDtype(dt, fromRows([[1, 0, 0], [0, 1e-9, 0], [0, 0, 1e-20], [0, 0, 0]]));
      const rhs = asDtype(dt, fromRows([[1], [1], [1], [1]]));
      assert.equal(lstsq(dt, dg, rhs).rank, isSingle(dt) ? 1 : 2);
      assert.equal(lstsq(dt, dg, rhs, 0).rank, 3);
      assert.equal(lstsq(dt, dg, rhs, 1e-10).rank, 2);
      const x2 = lstsq(dt, dg, rhs, 1e-10).x;
      closeValues(
        Array.from(x2.data).filter((_, i) => !cx || i % 2 === 0),
        [1, 1e9, 0],
        1e-6,
        1e-6,
      );
      // nrhs = 0: singular values and rank only.
      const a = rounded(dt, randomMat(cx, 5, 3, 64));
      const out = lstsq(dt, a, { m: 5, n: 0, cx, data: new Float64Array(0) });
      assert.equal(out.rank, 3);
      closeValues(out.s, svd(dt, "N", a).s, 0, 1e-6);
      // Empty A: X = 0, rank 0.
      for (const [m, n] of [[0, 3], [4, 0], [0, 0]]) {
        const e = lstsq(dt, { m, n, cx, data: new Float64Array(0) }, randomMat(cx, m, 2, 1));
        assert.equal(e.rank, 0);
        assert.ok(e.x.data.every((v) => v === 0));
      }
      // Zero A: X = 0, rank 0.
      const z = lstsq(
        dt,
        { m: 3, n: 2, cx, data: new Float64Array((cx ? 2 : 1) * 6) },
        randomMat(cx, 3, 1, 2),
      );
      assert.equal(z.rank, 0);
      assert.ok(z.x.data.every((v) => v === 0));
    });
  }

  await t.step("results match NumPy", () => {
    // a[i, j] = 1/(1 + i + 2j) + [i = j] (5×3), b[i, k] = i − 2k + 0.5 (5×2);
    // np.linalg.lstsq(a, b, rcond=None).
    const a = fromRows(
      [0, 1, 2, 3, 4].map((i) => [0, 1, 2].map((j) => 1 / (1 + i + 2 * j) + (i === j ? 1 : 0))),
    );
    const b = fromRows([0, 1, 2, 3, 4].map((i) => [0, 1].map((k) => i - 2 * k + 0.5)));
    const x = [
      0.0459294035715064,
      1.3653367096639673,
      2.4002421943644348,
      -0.6965926756116976,
      0.05090242826541014,
      0.9024903908021119,
    ];
    for (const dt of ["float64", "float32", "complex128"] as LinalgDType[]) {
      const out = lstsq(dt, a, b);
      const got = isComplex(dt)
        ? Array.from(out.x.data).filter((_, i) => i % 2 === 0)
        : Array.from(out.x.data);
      closeValues(got, x, isSingle(dt) ? 1e-5 : 1e-13);
      assert.equal(out.rank, 3);
      closeValues(
        out.s,
        [2.315413635742752, 1.1235799230653307, 1.00185174598643],
        isSingle(dt) ? 1e-6 : 1e-14,
      );
    }
    // Underdetermined 2×4: a[i, j] = i + j² + 1, b = [1, -1].
    const u = fromRows([0, 1].map((i) => [0, 1, 2, 3].map((j) => i + j * j + 1)));
    const ou = lstsq("float64", u, fromRows([[1], [-1]]));
    closeValues(Array.from(ou.x.data), [
      -1.2142857142857137,
      -1.010204081632657,
      -0.39795918367347105,
      0.6224489795918385,
    ], 1e-13);
    closeValues(ou.s, [17.301596389372737, 0.8091738869020941], 1e-13);
    // Rank-deficient 4×3 (column 2 = column 0 + column 1), b = [1, 2, 3, 4].
    const d = fromRows([[1, 2, 3], [4, 5, 9], [7, 8, 15], [1, 0, 1]]);
    const od = lstsq("float64", d, fromRows([[1], [2], [3], [4]]));
    assert.equal(od.rank, 2);
    closeValues(
      Array.from(od.x.data),
      [2.1496598639455753, -1.891156462585033, 0.2585034013605452],
      1e-12,
    );
    closeValues(od.s.slice(0, 2), [21.796140004740867, 0.9634733487412134], 1e-13);
    // Complex 4×2: a = [[1+1j, 2], [0, 1j], [3, -1+2j], [1, 1]], b = [1, 1j, 2-1j, 0].
    const c: Mat = { m: 4, n: 2, cx: true, data: new Float64Array(16) };
    [[1, 1, 2, 0], [0, 0, 0, 1], [3, 0, -1, 2], [1, 0, 1, 0]].forEach((r, i) => {
      set(c, i, 0, r[0], r[1]);
      set(c, i, 1, r[2], r[3]);
    });
    const cb: Mat = { m: 4, n: 1, cx: true, data: Float64Array.from([1, 0, 0, 1, 2, -1, 0, 0]) };
    for (const dt of ["complex128", "complex64"] as LinalgDType[]) {
      const oc = lstsq(dt, c, cb);
      assert.equal(oc.rank, 2);
      closeValues(Array.from(oc.x.data), [
        0.5603448275862072,
        -0.3448275862068967,
        0.03448275862068978,
        -0.0689655172413793,
      ], isSingle(dt) ? 1e-6 : 1e-14);
      closeValues(oc.s, [3.9409553250638707, 2.732923549214417], isSingle(dt) ? 1e-6 : 1e-14);
    }
  });
});
