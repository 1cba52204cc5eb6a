import assert from "node:assert/strict";
import fc from "fast-check";
import { tsDot, tsGemm, tsGemv } from "../../src/backend/ts_blas.ts";
import type { FloatBuffer, LinalgDType, Trans } from "../../src/backend/types.ts";

// Every routine is compared with a naive double-precision reference written here: triple
// loops over explicitly indexed (and conjugated) elements, with the tolerance scaled by
// Σ|alpha·a·b| + |beta·c| for each entry.

const DTYPES: LinalgDType[] = ["float64", "float32", "complex128", "complex64"];
const TRANS: Trans[] = ["N", "T", "C"];

const isComplex = (dt: LinalgDType): boolean => dt === "complex64" || dt === "complex128";
const is32 = (dt: LinalgDType): boolean => dt === "float32" || dt === "complex64";
const rtolOf = (dt: LinalgDType): number => (is32(dt) ? 2e-6 : 1e-12);

/** A deterministic pseudo-random generator (xorshift) giving values in [-1, 1). */
function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 31 - 1;
  };
}

/** A buffer of `len` elements of `dt` filled with random values. */
function randBuf(dt: LinalgDType, len: number, rand: () => number): FloatBuffer {
  const w = isComplex(dt) ? 2 : 1;
  const buf = is32(dt) ? new Float32Array(len * w) : new Float64Array(len * w);
  for (let i = 0; i < buf.length; i++) buf[i] = rand();
  return buf;
}

/** Element `idx` of a buffer as [re, im], conjugated on request. */
function el(dt: LinalgDType, buf: FloatBuffer, idx: number, conj = false): [number, number] {
  if (!isComplex(dt)) return [buf[idx], 0];
  return [buf[2 * idx], conj ? -buf[2 * idx + 1] : buf[2 * idx + 1]];
}

interface GemmCase {
  dt: LinalgDType;
  tA: Trans;
  tB: Trans;
  m: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  offA?: number;
  offB?: number;
  offC?: number;
  padA?: number;
  padB?: number;
  padC?: number;
  nanC?: boolean;
  /** Puts +Infinity in op(A)(m-1, k-1) and NaN in op(B)(k-2, n-1) (needs m, n ≥ 1, k ≥ 2). */
  nonFinite?: boolean;
  seed?: number;
}

/** Runs tsGemm on random data and checks every entry of C (and that nothing else changed). */
function checkGemm(t: GemmCase): void {
  const { dt, tA, tB, m, n, k, alpha, beta } = t;
  const offA = t.offA ?? 0, offB = t.offB ?? 0, offC = t.offC ?? 0;
  const rand = rng(t.seed ?? 1);
  // Stored shapes: A is m×k ("N") or k×m; B is k×n or n×k.
  const [ra, ca] = tA === "N" ? [m, k] : [k, m];
  const [rb, cb] = tB === "N" ? [k, n] : [n, k];
  const lda = ca + (t.padA ?? 0), ldb = cb + (t.padB ?? 0), ldc = n + (t.padC ?? 0);
  const a = randBuf(dt, offA + ra * lda + 2, rand);
  const b = randBuf(dt, offB + rb * ldb + 2, rand);
  const c = randBuf(dt, offC + m * ldc + 2, rand);
  if (t.nanC) c.fill(NaN);
  if (t.nonFinite) {
    const w = isComplex(dt) ? 2 : 1;
    a[w * (tA === "N" ? offA + (m - 1) * lda + k - 1 : offA + (k - 1) * lda + m - 1)] = Infinity;
    b[w * (tB === "N" ? offB + (k - 2) * ldb + n - 1 : offB + (n - 1) * ldb + k - 2)] = NaN;
  }
  const c0 = c.slice();
  const cplx = isComplex(dt);
  // op(A) and op(B) as dense double arrays (re, im), read element by element.
  const xr = new Float64Array(m * k), xi = new Float64Array(m * k);
  const yr = new Float64Array(k * n), yi = new Float64Array(k * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      [xr[i * k + p], xi[i * k + p]] = tA === "N"
        ? el(dt, a, offA + i * lda + p)
        : el(dt, a, offA + p * lda + i, tA === "C");
    }
  }
  for (let p = 0; p < k; p++) {
    for (let j = 0; j < n; j++) {
      [yr[p * n + j], yi[p * n + j]] = tB === "N"
        ? el(dt, b, offB + p * ldb + j)
        : el(dt, b, offB + j * ldb + p, tB === "C");
    }
  }
  tsGemm(dt, tA, tB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
  const w = cplx ? 2 : 1;
  const inC = new Uint8Array(c.length);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sr = 0, si = 0, mag = 0;
      if (alpha !== 0) {
        for (let p = 0; p < k; p++) {
          const ar = xr[i * k + p], ai = xi[i * k + p];
          const br = yr[p * n + j], bi = yi[p * n + j];
          if (cplx) {
            sr += ar * br - ai * bi;
            si += ar * bi + ai * br;
            mag += Math.abs(ar * br) + Math.abs(ai * bi) + Math.abs(ar * bi) + Math.abs(ai * br);
          } else {
            sr += ar * br;
            mag += Math.abs(ar * br);
          }
        }
      }
      const q = offC + i * ldc + j;
      const [cr, ci] = el(dt, c0, q);
      let er = alpha * sr, ei = alpha * si;
      mag = Math.abs(alpha) * mag;
      if (beta !== 0) {
        er += beta * cr;
        ei += beta * ci;
        mag += Math.abs(beta) * Math.hypot(cr, ci);
      }
      const tol = rtolOf(dt) * (mag + 1e-30) * 4;
      const [gr, gi] = el(dt, c, q);
      const where =
        `${dt} ${tA}${tB} m=${m} n=${n} k=${k} alpha=${alpha} beta=${beta} at (${i}, ${j})`;
      for (let s = 0; s < w; s++) inC[w * q + s] = 1;
      if (!Number.isFinite(er) || !Number.isFinite(ei)) {
        assert.ok(Object.is(gr, er) && Object.is(gi, ei), `${where}: ${gr}, ${gi} vs ${er}, ${ei}`);
        continue;
      }
      assert.ok(Math.abs(gr - er) <= tol, `${where}: re ${gr} vs ${er}`);
      assert.ok(Math.abs(gi - ei) <= tol, `${where}: im ${gi} vs ${ei}`);
    }
  }
  for (let s = 0; s < c.length; s++) {
    if (!inC[s]) assert.ok(Object.is(c[s], c0[s]), `${dt}: slot ${s} outside C changed`);
  }
}

Deno.test("tsGemm", async (t) => {
  await t.step("empty and degenerate shapes, all dtypes and transposes", () => {
    const shapes = [[0, 3, 4], [3, 0, 4], [3, 4, 0], [1, 1, 1], [1, 7, 3], [5, 1, 9], [7, 9, 1]];
    for (const dt of DTYPES) {
      for (const tA of TRANS) {
        for (const tB of TRANS) {
          for (const [m, n, k] of shapes) {
            checkGemm({ dt, tA, tB, m, n, k, alpha: 1.5, beta: 0.5 });
          }
        }
      }
    }
  });
  await t.step("small and blocked paths with offsets and padded leading dimensions", () => {
    // 13·17·19 takes the direct kernel; 37·45·29 and 67·33·21 the packed one, with edges.
    const shapes = [[13, 17, 19], [37, 45, 29], [67, 33, 21], [2, 3, 5000]];
    let seed = 7;
    for (const dt of DTYPES) {
      for (const tA of TRANS) {
        for (const tB of TRANS) {
          for (const [m, n, k] of shapes) {
            checkGemm({
              dt,
              tA,
              tB,
              m,
              n,
              k,
              alpha: -0.75,
              beta: 1.25,
              offA: 3,
              offB: 5,
              offC: 2,
              padA: 2,
              padB: 1,
              padC: 3,
              seed: seed++,
            });
          }
        }
      }
    }
  });
  await t.step("sizes beyond the cache blocks (m > MC, k > KC, n > NC)", () => {
    // MC = 96 rows, KC = 512 real inner steps, NC = 2048 real columns (complex counts twice).
    for (const dt of DTYPES) {
      checkGemm({ dt, tA: "N", tB: "N", m: 130, n: 70, k: 600, alpha: 1, beta: 0, seed: 3 });
      checkGemm({ dt, tA: "C", tB: "T", m: 100, n: 61, k: 530, alpha: -1, beta: 1, padC: 1 });
      const n = isComplex(dt) ? 1100 : 2100;
      checkGemm({ dt, tA: "N", tB: "T", m: 5, n, k: 30, alpha: 2, beta: -1, seed: 4 });
    }
    for (const dt of ["float64", "complex64"] as LinalgDType[]) {
      checkGemm({ dt, tA: "T", tB: "N", m: 300, n: 517, k: 260, alpha: 0.5, beta: 0, seed: 5 });
    }
  });
  await t.step("alpha and beta combinations; beta = 0 ignores NaN in C", () => {
    for (const dt of DTYPES) {
      for (const [m, n, k] of [[6, 5, 4], [40, 30, 25]]) {
        for (const alpha of [1, -0.5, 0]) {
          for (const beta of [0, 1, 2.5]) {
            checkGemm({ dt, tA: "T", tB: "N", m, n, k, alpha, beta, padC: 2 });
          }
          checkGemm({ dt, tA: "N", tB: "C", m, n, k, alpha, beta: 0, nanC: true, padC: 1 });
        }
      }
    }
  });
  await t.step("non-finite entries of A and B only reach their own rows and columns", () => {
    // Edge slivers are padded; padded lanes must never be stored (0·Inf would be NaN).
    for (const dt of DTYPES) {
      for (const [m, n, k] of [[33, 45, 21], [7, 5, 3]]) {
        for (const [tA, tB] of [["N", "N"], ["T", "C"]] as [Trans, Trans][]) {
          checkGemm({ dt, tA, tB, m, n, k, alpha: -2, beta: 0.5, nonFinite: true });
        }
      }
    }
  });
  await t.step("alpha = 0 does not read A or B", () => {
    for (const dt of DTYPES) {
      const w = isComplex(dt) ? 2 : 1;
      const mk = (len: number, v: number) =>
        is32(dt) ? new Float32Array(len * w).fill(v) : new Float64Array(len * w).fill(v);
      const a = mk(12, NaN), b = mk(12, NaN), c = mk(9, 2);
      tsGemm(dt, "N", "N", 3, 3, 4, 0, a, 0, 4, b, 0, 3, 0.5, c, 0, 3);
      assert.deepEqual(Array.from(c), new Array(9 * w).fill(1));
    }
  });
  await t.step("float32 results are rounded float32 values of the double product", () => {
    const a = new Float32Array([1 / 3, 2 / 3, 1 / 7, 3 / 7]);
    const b = new Float32Array([0.1, 0.2, 0.3, 0.4]);
    const c = new Float32Array(4);
    tsGemm("float32", "N", "N", 2, 2, 2, 1, a, 0, 2, b, 0, 2, 0, c, 0, 2);
    assert.equal(c[0], Math.fround(a[0] * b[0] + a[1] * b[2]));
    assert.equal(c[3], Math.fround(a[2] * b[1] + a[3] * b[3]));
  });
  await t.step("property: random shapes, flags, offsets and strides", () => {
    const flags = fc.constantFrom<Trans>("N", "T", "C");
    fc.assert(
      fc.property(
        fc.record({
          dt: fc.constantFrom(...DTYPES),
          tA: flags,
          tB: flags,
          m: fc.integer({ min: 0, max: 40 }),
          n: fc.integer({ min: 0, max: 40 }),
          k: fc.integer({ min: 0, max: 40 }),
          alpha: fc.constantFrom(1, -1, 0.5, 0, 3),
          beta: fc.constantFrom(0, 1, -2, 0.25),
          offA: fc.integer({ min: 0, max: 3 }),
          offB: fc.integer({ min: 0, max: 3 }),
          offC: fc.integer({ min: 0, max: 3 }),
          padA: fc.integer({ min: 0, max: 3 }),
          padB: fc.integer({ min: 0, max: 3 }),
          padC: fc.integer({ min: 0, max: 3 }),
          nanC: fc.boolean(),
          seed: fc.integer({ min: 1, max: 1000 }),
        }),
        (g) => checkGemm({ ...g, nanC: g.nanC && g.beta === 0 }),
      ),
      { numRuns: 300 },
    );
  });
});

/** Runs tsGemv and checks y against a naive loop (and that no other slot of y changed). */
function checkGemv(
  dt: LinalgDType,
  trans: Trans,
  m: number,
  n: number,
  alpha: number,
  beta: number,
  opts: {
    offA?: number;
    padA?: number;
    offX?: number;
    incX?: number;
    offY?: number;
    incY?: number;
    nanY?: boolean;
    seed?: number;
  } = {},
): void {
  const { offA = 0, padA = 0, offX = 0, incX = 1, offY = 0, incY = 1 } = opts;
  const rand = rng(opts.seed ?? 11);
  const lda = n + padA;
  const [leny, lenx] = trans === "N" ? [m, n] : [n, m];
  const a = randBuf(dt, offA + m * lda + 1, rand);
  const x = randBuf(dt, offX + Math.max(lenx - 1, 0) * incX + 2, rand);
  const y = randBuf(dt, offY + Math.max(leny - 1, 0) * incY + 2, rand);
  if (opts.nanY) y.fill(NaN);
  const y0 = y.slice();
  tsGemv(dt, trans, m, n, alpha, a, offA, lda, x, offX, incX, beta, y, offY, incY);
  const w = isComplex(dt) ? 2 : 1;
  const touched = new Uint8Array(y.length);
  for (let i = 0; i < leny; i++) {
    let sr = 0, si = 0, mag = 0;
    for (let j = 0; j < lenx; j++) {
      const [ar, ai] = trans === "N"
        ? el(dt, a, offA + i * lda + j)
        : el(dt, a, offA + j * lda + i, trans === "C");
      const [xr, xi] = el(dt, x, offX + j * incX);
      sr += ar * xr - ai * xi;
      si += ar * xi + ai * xr;
      mag += Math.hypot(ar, ai) * Math.hypot(xr, xi);
    }
    const q = offY + i * incY;
    const [yr, yi] = el(dt, y0, q);
    let er = alpha * sr, ei = alpha * si;
    mag *= Math.abs(alpha);
    if (beta !== 0) {
      er += beta * yr;
      ei += beta * yi;
      mag += Math.abs(beta) * Math.hypot(yr, yi);
    }
    const tol = rtolOf(dt) * (mag + 1e-30) * 4;
    const [gr, gi] = el(dt, y, q);
    const where = `${dt} ${trans} m=${m} n=${n} alpha=${alpha} beta=${beta} at ${i}`;
    assert.ok(Math.abs(gr - er) <= tol, `${where}: re ${gr} vs ${er}`);
    assert.ok(Math.abs(gi - ei) <= tol, `${where}: im ${gi} vs ${ei}`);
    for (let s = 0; s < w; s++) touched[w * q + s] = 1;
  }
  for (let s = 0; s < y.length; s++) {
    if (!touched[s]) assert.ok(Object.is(y[s], y0[s]), `${dt}: slot ${s} outside y changed`);
  }
}

Deno.test("tsGemv", async (t) => {
  await t.step("all dtypes and transposes, shapes with zeros", () => {
    for (const dt of DTYPES) {
      for (const trans of TRANS) {
        for (const [m, n] of [[0, 3], [3, 0], [1, 1], [4, 7], [9, 2], [33, 65]]) {
          checkGemv(dt, trans, m, n, 1.5, 0.5);
        }
      }
    }
  });
  await t.step("offsets, increments, padded rows, alpha/beta, NaN in y with beta = 0", () => {
    let seed = 1;
    for (const dt of DTYPES) {
      for (const trans of TRANS) {
        for (const [alpha, beta] of [[1, 0], [-2, 1], [0, 3], [0.5, -0.25]]) {
          checkGemv(dt, trans, 13, 6, alpha, beta, {
            offA: 2,
            padA: 3,
            offX: 1,
            incX: 3,
            offY: 4,
            incY: 2,
            nanY: beta === 0,
            seed: seed++,
          });
        }
      }
    }
  });
  await t.step("property: random shapes and strides", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DTYPES),
        fc.constantFrom<Trans>("N", "T", "C"),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(0, 1, -1.5),
        fc.constantFrom(0, 1, 0.5),
        fc.record({
          offA: fc.integer({ min: 0, max: 3 }),
          padA: fc.integer({ min: 0, max: 3 }),
          offX: fc.integer({ min: 0, max: 3 }),
          incX: fc.integer({ min: 1, max: 3 }),
          offY: fc.integer({ min: 0, max: 3 }),
          incY: fc.integer({ min: 1, max: 3 }),
          seed: fc.integer({ min: 1, max: 1000 }),
        }),
        (dt, trans, m, n, alpha, beta, opts) => checkGemv(dt, trans, m, n, alpha, beta, opts),
      ),
      { numRuns: 200 },
    );
  });
});

Deno.test("tsDot", async (t) => {
  await t.step("all dtypes, lengths, increments and conj", () => {
    let seed = 1;
    for (const dt of DTYPES) {
      for (const n of [0, 1, 2, 3, 5, 17, 100]) {
        for (const [incX, incY] of [[1, 1], [2, 3], [1, 2]]) {
          for (const conj of [false, true]) {
            const rand = rng(seed++);
            const offX = n % 3, offY = (n + 1) % 2;
            const x = randBuf(dt, offX + n * incX + 1, rand);
            const y = randBuf(dt, offY + n * incY + 1, rand);
            const [gr, gi] = tsDot(dt, n, x, offX, incX, y, offY, incY, conj);
            let er = 0, ei = 0, mag = 0;
            for (let i = 0; i < n; i++) {
              const [xr, xi] = el(dt, x, offX + i * incX, conj);
              const [yr, yi] = el(dt, y, offY + i * incY);
              er += xr * yr - xi * yi;
              ei += xr * yi + xi * yr;
              mag += Math.hypot(xr, xi) * Math.hypot(yr, yi);
            }
            const tol = 1e-13 * (mag + 1e-30) * 4;
            const where = `${dt} n=${n} inc=${incX},${incY} conj=${conj}`;
            assert.ok(Math.abs(gr - er) <= tol, `${where}: re ${gr} vs ${er}`);
            assert.ok(Math.abs(gi - ei) <= tol, `${where}: im ${gi} vs ${ei}`);
            if (!isComplex(dt)) assert.equal(gi, 0);
          }
        }
      }
    }
  });
  await t.step("known values", () => {
    const x = new Float64Array([1, 2, 3, 4]), y = new Float64Array([5, 6, 7, 8]);
    assert.deepEqual(tsDot("float64", 4, x, 0, 1, y, 0, 1, false), [70, 0]);
    // (1+2i)(5+6i) + (3+4i)(7+8i) = (-7+16i) + (-11+52i); conj: (1-2i)(5+6i) + (3-4i)(7+8i)
    assert.deepEqual(tsDot("complex128", 2, x, 0, 1, y, 0, 1, false), [-18, 68]);
    assert.deepEqual(tsDot("complex128", 2, x, 0, 1, y, 0, 1, true), [70, -8]);
  });
});
