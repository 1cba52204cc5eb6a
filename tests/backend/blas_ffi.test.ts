import assert from "node:assert/strict";
import { type BlasLoaded, loadBlas } from "../../src/backend/blas_ffi.ts";
import type { Backend, FloatBuffer, LinalgDType, Trans, Uplo } from "../../src/backend/types.ts";

// Every routine of the BLAS backend is checked for the four dtypes against references computed
// here in float64: naive products for BLAS, reconstruction properties for factorizations.

const DTYPES: LinalgDType[] = ["float32", "float64", "complex64", "complex128"];
const TRANS: Trans[] = ["N", "T", "C"];
const OPENBLAS = Deno.build.os === "darwin" ? "libopenblas.dylib" : "libopenblas.so.0";
const CI = Deno.env.get("CI") === "true";

const isCx = (dt: LinalgDType): boolean => dt === "complex64" || dt === "complex128";
const single = (dt: LinalgDType): boolean => dt === "float32" || dt === "complex64";
const slotsOf = (dt: LinalgDType): number => (isCx(dt) ? 2 : 1);
const alloc = (dt: LinalgDType, n: number): FloatBuffer =>
  single(dt) ? new Float32Array(n) : new Float64Array(n);
const tolOf = (dt: LinalgDType): number => (single(dt) ? 3e-4 : 1e-10);

/** A seeded PRNG (mulberry32) giving floats in [-1, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2147483648 - 1;
  };
}

/** A float64 complex matrix, column-major, used for the references. */
interface M {
  rows: number;
  cols: number;
  re: Float64Array;
  im: Float64Array;
}

function zeros(rows: number, cols: number): M {
  return { rows, cols, re: new Float64Array(rows * cols), im: new Float64Array(rows * cols) };
}

function randM(r: () => number, rows: number, cols: number, cx: boolean): M {
  const m = zeros(rows, cols);
  for (let i = 0; i < rows * cols; i++) {
    m.re[i] = r();
    m.im[i] = cx ? r() : 0;
  }
  return m;
}

function eye(n: number): M {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.re[i * n + i] = 1;
  return m;
}

function mul(a: M, b: M): M {
  assert.equal(a.cols, b.rows);
  const c = zeros(a.rows, b.cols);
  for (let j = 0; j < b.cols; j++) {
    for (let l = 0; l < a.cols; l++) {
      const br = b.re[j * b.rows + l], bi = b.im[j * b.rows + l];
      for (let i = 0; i < a.rows; i++) {
        const ar = a.re[l * a.rows + i], ai = a.im[l * a.rows + i];
        c.re[j * c.rows + i] += ar * br - ai * bi;
        c.im[j * c.rows + i] += ar * bi + ai * br;
      }
    }
  }
  return c;
}

/** Transpose, conjugated when `conj`. */
function tr(a: M, conj = true): M {
  const t = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      t.re[i * t.rows + j] = a.re[j * a.rows + i];
      t.im[i * t.rows + j] = conj ? -a.im[j * a.rows + i] : a.im[j * a.rows + i];
    }
  }
  return t;
}

function sub(a: M, b: M): M {
  const c = zeros(a.rows, a.cols);
  for (let i = 0; i < a.re.length; i++) {
    c.re[i] = a.re[i] - b.re[i];
    c.im[i] = a.im[i] - b.im[i];
  }
  return c;
}

function maxAbs(a: M): number {
  let m = 0;
  for (let i = 0; i < a.re.length; i++) m = Math.max(m, Math.hypot(a.re[i], a.im[i]));
  return m;
}

/** Columns c0..c1-1 and rows r0..r1-1 of `a`. */
function block(a: M, r0: number, r1: number, c0: number, c1: number): M {
  const b = zeros(r1 - r0, c1 - c0);
  for (let j = c0; j < c1; j++) {
    for (let i = r0; i < r1; i++) {
      b.re[(j - c0) * b.rows + i - r0] = a.re[j * a.rows + i];
      b.im[(j - c0) * b.rows + i - r0] = a.im[j * a.rows + i];
    }
  }
  return b;
}

function assertClose(actual: M, expected: M, tol: number, what: string): void {
  assert.equal(actual.rows, expected.rows, `${what}: rows`);
  assert.equal(actual.cols, expected.cols, `${what}: cols`);
  const err = maxAbs(sub(actual, expected));
  const scale = Math.max(1, maxAbs(expected));
  assert.ok(err <= tol * scale, `${what}: error ${err} exceeds ${tol * scale}`);
}

/** Stores `m` column-major with leading dimension `ld`; padding rows get `pad`. */
function toBuf(dt: LinalgDType, m: M, ld: number, pad = 777): FloatBuffer {
  const s = slotsOf(dt);
  const buf = alloc(dt, Math.max(1, ld * m.cols) * s).fill(pad);
  for (let j = 0; j < m.cols; j++) {
    for (let i = 0; i < m.rows; i++) {
      buf[(j * ld + i) * s] = m.re[j * m.rows + i];
      if (s === 2) buf[(j * ld + i) * s + 1] = m.im[j * m.rows + i];
    }
  }
  return buf;
}

/** Reads a column-major rows×cols matrix with leading dimension `ld` from index 0. */
function fromBuf(dt: LinalgDType, buf: FloatBuffer, rows: number, cols: number, ld: number): M {
  const s = slotsOf(dt);
  const m = zeros(rows, cols);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) {
      m.re[j * rows + i] = buf[(j * ld + i) * s];
      m.im[j * rows + i] = s === 2 ? buf[(j * ld + i) * s + 1] : 0;
    }
  }
  return m;
}

/** Element `idx` of a buffer as [re, im]. */
function el(dt: LinalgDType, buf: FloatBuffer, idx: number): [number, number] {
  return isCx(dt) ? [buf[2 * idx], buf[2 * idx + 1]] : [buf[idx], 0];
}

function randBuf(dt: LinalgDType, r: () => number, elements: number): FloatBuffer {
  const b = alloc(dt, elements * slotsOf(dt));
  for (let i = 0; i < b.length; i++) b[i] = r();
  return b;
}

/** Round-trips `m` through the dtype so references use the values the library sees. */
function rounded(dt: LinalgDType, m: M): M {
  return fromBuf(dt, toBuf(dt, m, m.rows), m.rows, m.cols, m.rows);
}

/** Solves M·Y = B by Gaussian elimination with partial pivoting (complex, float64). */
function solve(mIn: M, bIn: M): M {
  const n = mIn.rows, a = block(mIn, 0, n, 0, n), b = block(bIn, 0, n, 0, bIn.cols);
  const at = (x: M, i: number, j: number) => j * x.rows + i;
  const swap = (x: M, i: number, p: number) => {
    for (let j = 0; j < x.cols; j++) {
      const u = at(x, i, j), v = at(x, p, j);
      [x.re[u], x.re[v]] = [x.re[v], x.re[u]];
      [x.im[u], x.im[v]] = [x.im[v], x.im[u]];
    }
  };
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) {
      if (
        Math.hypot(a.re[at(a, i, k)], a.im[at(a, i, k)]) >
          Math.hypot(a.re[at(a, p, k)], a.im[at(a, p, k)])
      ) p = i;
    }
    swap(a, k, p);
    swap(b, k, p);
    const pr = a.re[at(a, k, k)], pi = a.im[at(a, k, k)], d = pr * pr + pi * pi;
    for (let i = k + 1; i < n; i++) {
      const xr = a.re[at(a, i, k)], xi = a.im[at(a, i, k)];
      const fr = (xr * pr + xi * pi) / d, fi = (xi * pr - xr * pi) / d;
      for (const x of [a, b]) {
        for (let j = x === a ? k : 0; j < x.cols; j++) {
          const yr = x.re[at(x, k, j)], yi = x.im[at(x, k, j)];
          x.re[at(x, i, j)] -= fr * yr - fi * yi;
          x.im[at(x, i, j)] -= fr * yi + fi * yr;
        }
      }
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    const pr = a.re[at(a, k, k)], pi = a.im[at(a, k, k)], d = pr * pr + pi * pi;
    for (let j = 0; j < b.cols; j++) {
      let sr = b.re[at(b, k, j)], si = b.im[at(b, k, j)];
      for (let l = k + 1; l < n; l++) {
        const ar = a.re[at(a, k, l)], ai = a.im[at(a, k, l)];
        const yr = b.re[at(b, l, j)], yi = b.im[at(b, l, j)];
        sr -= ar * yr - ai * yi;
        si -= ar * yi + ai * yr;
      }
      b.re[at(b, k, j)] = (sr * pr + si * pi) / d;
      b.im[at(b, k, j)] = (si * pr - sr * pi) / d;
    }
  }
  return b;
}

/** A fallback that fails the test when called: OpenBLAS must serve every routine. */
const noFallback = new Proxy({}, {
  get(_t, p) {
    if (p === "name") return "ts";
    return () => {
      throw new Error(`fallback called for ${String(p)}`);
    };
  },
}) as Backend;

/** A fallback recording the routines it is asked to run. */
function recorder(): { backend: Backend; calls: string[] } {
  const calls: string[] = [];
  const rec = (name: string, ret: unknown) => (...args: unknown[]) => {
    calls.push(`${name}(${args[0]})`);
    return ret;
  };
  const backend = {
    name: "ts",
    gemm: rec("gemm", undefined),
    gemv: rec("gemv", undefined),
    dot: rec("dot", [0, 0]),
    getrf: rec("getrf", 0),
    getrs: rec("getrs", 0),
    geqrf: rec("geqrf", 0),
    orgqr: rec("orgqr", 0),
    gesdd: rec("gesdd", 0),
    syevd: rec("syevd", 0),
    geev: rec("geev", 0),
    potrf: rec("potrf", 0),
    gelsd: rec("gelsd", { info: 0, rank: 0 }),
  } as unknown as Backend;
  return { backend, calls };
}

const loaded = loadBlas({ path: OPENBLAS, fallback: noFallback });
const absent = "reason" in loaded;
const ignore = absent && !CI;

function openblas(): BlasLoaded {
  if ("reason" in loaded) assert.fail(`the system OpenBLAS did not load: ${loaded.reason}`);
  return loaded;
}

Deno.test({ name: "blas_ffi: the system OpenBLAS loads", ignore }, () => {
  const r = openblas();
  assert.equal(r.library, OPENBLAS);
  assert.equal(r.backend.name, "blas");
  assert.deepEqual(r.missing, []);
  assert.equal(typeof r.threads, "number");
  assert.ok(r.threads! >= 1);
});

Deno.test({ name: "blas_ffi: BLAS level 1-3", ignore }, async (t) => {
  const b = openblas().backend;
  const r = rng(1);

  /** Row-major op(X)(i, l) of a stored matrix at `off` with row stride `ld`. */
  const opEl = (
    dt: LinalgDType,
    x: FloatBuffer,
    off: number,
    ld: number,
    tr: Trans,
    i: number,
    l: number,
  ) => {
    const [re, im] = el(dt, x, tr === "N" ? off + i * ld + l : off + l * ld + i);
    return [re, tr === "C" ? -im : im];
  };

  for (const dt of DTYPES) {
    const s = slotsOf(dt), tol = tolOf(dt);
    await t.step(`gemm ${dt}: every transpose pair, offsets, padded rows, beta`, () => {
      for (const tA of TRANS) {
        for (const tB of TRANS) {
          for (const [m, n, k] of [[3, 4, 5], [17, 9, 33], [1, 1, 1]]) {
            for (const beta of [0.25, 0]) {
              const [ar, ac] = tA === "N" ? [m, k] : [k, m];
              const [br, bc] = tB === "N" ? [k, n] : [n, k];
              const lda = ac + 2, ldb = bc + 1, ldc = n + 3, offA = 3, offB = 1, offC = 2;
              const a = randBuf(dt, r, offA + ar * lda), bb = randBuf(dt, r, offB + br * ldb);
              const c = randBuf(dt, r, offC + m * ldc);
              if (beta === 0) c.fill(NaN, offC * s, (offC + m * ldc) * s);
              const c0 = c.slice();
              b.gemm(dt, tA, tB, m, n, k, 0.75, a, offA, lda, bb, offB, ldb, beta, c, offC, ldc);
              for (let i = 0; i < m; i++) {
                for (let j = 0; j < n; j++) {
                  let er = 0, ei = 0;
                  for (let l = 0; l < k; l++) {
                    const [xr, xi] = opEl(dt, a, offA, lda, tA, i, l);
                    const [yr, yi] = opEl(dt, bb, offB, ldb, tB, l, j);
                    er += xr * yr - xi * yi;
                    ei += xr * yi + xi * yr;
                  }
                  const idx = offC + i * ldc + j;
                  const [cr, ci] = beta === 0 ? [0, 0] : el(dt, c0, idx);
                  const [gr, gi] = el(dt, c, idx);
                  const want = [0.75 * er + beta * cr, 0.75 * ei + beta * ci];
                  const bound = tol * (1 + k);
                  assert.ok(
                    Math.abs(gr - want[0]) <= bound && Math.abs(gi - want[1]) <= bound,
                    `gemm ${dt} ${tA}${tB} ${m}×${n}×${k} C[${i},${j}] = ${gr},${gi}, want ${want}`,
                  );
                  c0[idx * s] = c[idx * s];
                  if (s === 2) c0[idx * s + 1] = c[idx * s + 1];
                }
              }
              // Everything outside the m×n block (offset, row padding) is untouched.
              for (let p = 0; p < c.length; p++) {
                assert.ok(Object.is(c[p], c0[p]), `gemm wrote slot ${p}`);
              }
            }
          }
        }
      }
    });

    await t.step(`gemm ${dt}: empty dimensions`, () => {
      const c = randBuf(dt, r, 6), c0 = c.slice();
      b.gemm(
        dt,
        "N",
        "N",
        0,
        3,
        2,
        1,
        alloc(dt, 0),
        0,
        2,
        randBuf(dt, r, 6),
        0,
        3,
        0,
        alloc(dt, 0),
        0,
        3,
      );
      b.gemm(dt, "N", "N", 2, 0, 2, 1, randBuf(dt, r, 4), 0, 2, alloc(dt, 0), 0, 1, 0, c, 0, 1);
      assert.deepEqual(c, c0);
      b.gemm(dt, "N", "T", 2, 3, 0, 1, alloc(dt, 0), 0, 1, alloc(dt, 0), 0, 1, 0.5, c, 0, 3);
      assert.deepEqual(c, c0.map((v) => v * 0.5));
      c.fill(NaN);
      b.gemm(dt, "N", "T", 2, 3, 0, 1, alloc(dt, 0), 0, 1, alloc(dt, 0), 0, 1, 0, c, 0, 3);
      assert.deepEqual(c, alloc(dt, 6 * s));
    });

    await t.step(`gemv ${dt}: transposes, offsets, increments, beta`, () => {
      for (const tr of TRANS) {
        for (const [m, n] of [[4, 3], [1, 7], [19, 23]]) {
          for (const beta of [-0.5, 0]) {
            const lda = n + 2, offA = 1, incX = 2, offX = 3, incY = 3, offY = 1;
            const nx = tr === "N" ? n : m, ny = tr === "N" ? m : n;
            const a = randBuf(dt, r, offA + m * lda);
            const x = randBuf(dt, r, offX + (nx - 1) * incX + 1);
            const y = randBuf(dt, r, offY + (ny - 1) * incY + 2);
            if (beta === 0) y.fill(NaN);
            const y0 = y.slice();
            b.gemv(dt, tr, m, n, 1.5, a, offA, lda, x, offX, incX, beta, y, offY, incY);
            for (let i = 0; i < ny; i++) {
              let er = 0, ei = 0;
              for (let l = 0; l < nx; l++) {
                const [ar, ai] = opEl(dt, a, offA, lda, tr, i, l);
                const [xr, xi] = el(dt, x, offX + l * incX);
                er += ar * xr - ai * xi;
                ei += ar * xi + ai * xr;
              }
              const idx = offY + i * incY;
              const [yr, yi] = beta === 0 ? [0, 0] : el(dt, y0, idx);
              const [gr, gi] = el(dt, y, idx);
              const bound = tol * (1 + nx);
              assert.ok(
                Math.abs(gr - (1.5 * er + beta * yr)) <= bound,
                `gemv ${dt} ${tr} y[${i}] re`,
              );
              assert.ok(
                Math.abs(gi - (1.5 * ei + beta * yi)) <= bound,
                `gemv ${dt} ${tr} y[${i}] im`,
              );
              y0[idx * s] = y[idx * s];
              if (s === 2) y0[idx * s + 1] = y[idx * s + 1];
            }
            for (let p = 0; p < y.length; p++) {
              assert.ok(Object.is(y[p], y0[p]), `gemv wrote slot ${p}`);
            }
          }
        }
      }
      // An empty A still scales y by beta (zeros for beta = 0).
      const y = randBuf(dt, r, 3), y0 = y.slice();
      b.gemv(dt, "N", 3, 0, 1, alloc(dt, 0), 0, 1, alloc(dt, 0), 0, 1, 2, y, 0, 1);
      assert.deepEqual(y, y0.map((v) => 2 * v));
      y.fill(NaN);
      b.gemv(dt, "T", 0, 3, 1, alloc(dt, 0), 0, 3, alloc(dt, 0), 0, 1, 0, y, 0, 1);
      assert.deepEqual(y, alloc(dt, 3 * s));
    });

    await t.step(`dot ${dt}: conj, offsets, increments`, () => {
      for (const conj of [false, true]) {
        for (const n of [1, 5, 200]) {
          const x = randBuf(dt, r, 2 + (n - 1) * 2 + 1), y = randBuf(dt, r, 1 + (n - 1) * 3 + 1);
          let er = 0, ei = 0;
          for (let i = 0; i < n; i++) {
            const [xr, xi0] = el(dt, x, 2 + 2 * i), [yr, yi] = el(dt, y, 1 + 3 * i);
            const xi = conj ? -xi0 : xi0;
            er += xr * yr - xi * yi;
            ei += xr * yi + xi * yr;
          }
          const [gr, gi] = b.dot(dt, n, x, 2, 2, y, 1, 3, conj);
          assert.ok(Math.abs(gr - er) <= tol * (1 + n), `dot ${dt} re ${gr} vs ${er}`);
          assert.ok(Math.abs(gi - ei) <= tol * (1 + n), `dot ${dt} im ${gi} vs ${ei}`);
          if (!isCx(dt)) assert.equal(gi, 0);
        }
      }
      assert.deepEqual(b.dot(dt, 0, alloc(dt, 0), 0, 1, alloc(dt, 0), 0, 1, true), [0, 0]);
    });
  }

  await t.step("SharedArrayBuffer-backed buffers", () => {
    const a = new Float64Array(new SharedArrayBuffer(4 * 8)).fill(1);
    const c = new Float64Array(new SharedArrayBuffer(4 * 8));
    b.gemm("float64", "N", "N", 2, 2, 2, 1, a, 0, 2, a, 0, 2, 0, c, 0, 2);
    assert.deepEqual([...c], [2, 2, 2, 2]);
  });
});

Deno.test({ name: "blas_ffi: LAPACK factorizations", ignore }, async (t) => {
  const b = openblas().backend;
  const r = rng(2);

  for (const dt of DTYPES) {
    const cx = isCx(dt), tol = tolOf(dt), s = slotsOf(dt);

    await t.step(`getrf ${dt}: P·L·U = A, padding untouched, singular info`, () => {
      for (const [m, n] of [[5, 5], [7, 4], [4, 7], [40, 40]]) {
        const A = rounded(dt, randM(r, m, n, cx)), lda = m + 2, mn = Math.min(m, n);
        const buf = toBuf(dt, A, lda);
        const ipiv = new Int32Array(mn);
        assert.equal(b.getrf(dt, m, n, buf, lda, ipiv), 0);
        const LU = fromBuf(dt, buf, m, n, lda);
        const L = zeros(m, mn), U = zeros(mn, n);
        for (let j = 0; j < n; j++) {
          for (let i = 0; i < m; i++) {
            const v = j * m + i;
            if (i > j && j < mn) (L.re[j * m + i] = LU.re[v], L.im[j * m + i] = LU.im[v]);
            if (i <= j && i < mn) (U.re[j * mn + i] = LU.re[v], U.im[j * mn + i] = LU.im[v]);
          }
        }
        for (let i = 0; i < mn; i++) L.re[i * m + i] = 1;
        const PA = block(A, 0, m, 0, n);
        for (let i = 0; i < mn; i++) {
          const p = ipiv[i] - 1;
          assert.ok(p >= i && p < m, `pivot ${p}`);
          for (let j = 0; j < n; j++) {
            [PA.re[j * m + i], PA.re[j * m + p]] = [PA.re[j * m + p], PA.re[j * m + i]];
            [PA.im[j * m + i], PA.im[j * m + p]] = [PA.im[j * m + p], PA.im[j * m + i]];
          }
        }
        assertClose(mul(L, U), PA, tol * m, `getrf ${dt} ${m}×${n}`);
        for (let j = 0; j < n; j++) {
          for (let i = m; i < lda; i++) {
            assert.equal(buf[(j * lda + i) * s], 777, "padding changed");
          }
        }
      }
      const A = randM(r, 4, 4, cx);
      for (let i = 0; i < 4; i++) A.re[4 + i] = A.im[4 + i] = 0; // second column zero
      assert.equal(b.getrf(dt, 4, 4, toBuf(dt, A, 4), 4, new Int32Array(4)), 2);
      assert.equal(b.getrf(dt, 0, 3, alloc(dt, 0), 1, new Int32Array(0)), 0);
    });

    await t.step(`getrs ${dt}: op(A)·X = B for N, T, C`, () => {
      const n = 6, nrhs = 3, lda = 7, ldb = 8;
      const A = rounded(dt, randM(r, n, n, cx));
      for (let i = 0; i < n; i++) A.re[i * n + i] += 3;
      const fac = toBuf(dt, A, lda), ipiv = new Int32Array(n);
      assert.equal(b.getrf(dt, n, n, fac, lda, ipiv), 0);
      for (const tr of TRANS) {
        const B = rounded(dt, randM(r, n, nrhs, cx)), xb = toBuf(dt, B, ldb);
        assert.equal(b.getrs(dt, tr, n, nrhs, fac, lda, ipiv, xb, ldb), 0);
        const opA = tr === "N" ? A : tr === "T" ? tr_(A, false) : tr_(A, true);
        assertClose(mul(opA, fromBuf(dt, xb, n, nrhs, ldb)), B, tol * n, `getrs ${dt} ${tr}`);
      }
    });

    await t.step(`geqrf + orgqr ${dt}: Q·R = A, QᴴQ = I`, () => {
      for (const [m, n] of [[6, 4], [4, 6], [5, 5], [50, 30]]) {
        const A = rounded(dt, randM(r, m, n, cx)), lda = m + 1, k = Math.min(m, n);
        const buf = toBuf(dt, A, lda), tau = alloc(dt, k * s);
        assert.equal(b.geqrf(dt, m, n, buf, lda, tau), 0);
        const RA = fromBuf(dt, buf, m, n, lda), R = zeros(k, n);
        for (let j = 0; j < n; j++) {
          for (let i = 0; i <= Math.min(j, k - 1); i++) {
            R.re[j * k + i] = RA.re[j * m + i];
            R.im[j * k + i] = RA.im[j * m + i];
          }
        }
        assert.equal(b.orgqr(dt, m, k, k, buf, lda, tau), 0);
        const Q = fromBuf(dt, buf, m, k, lda);
        assertClose(mul(Q, R), A, tol * m, `qr ${dt} ${m}×${n}`);
        assertClose(mul(tr_(Q), Q), eye(k), tol * m, `QᴴQ ${dt}`);
      }
      // k < n: the extra columns are still orthonormal.
      const A = rounded(dt, randM(r, 5, 2, cx)), buf = toBuf(dt, A, 5), tau = alloc(dt, 2 * s);
      b.geqrf(dt, 5, 2, buf, 5, tau);
      const full = alloc(dt, 25 * s);
      full.set(buf);
      assert.equal(b.orgqr(dt, 5, 4, 2, full, 5, tau), 0);
      const Q = fromBuf(dt, full, 5, 4, 5);
      assertClose(mul(tr_(Q), Q), eye(4), tol * 5, `orgqr k<n ${dt}`);
    });

    await t.step(`gesdd ${dt}: U·S·Vᴴ = A for A, S, N`, () => {
      for (const [m, n] of [[5, 3], [3, 5], [4, 4], [40, 25]]) {
        const A = rounded(dt, randM(r, m, n, cx)), k = Math.min(m, n), lda = m + 1;
        const sN = alloc(dt, k);
        assert.equal(b.gesdd(dt, "N", m, n, toBuf(dt, A, lda), lda, sN, null, 0, null, 0), 0);
        for (const jobz of ["A", "S"] as const) {
          const ucols = jobz === "A" ? m : k, vrows = jobz === "A" ? n : k;
          const ldu = m + 2, ldvt = vrows + 1;
          const sv = alloc(dt, k), u = alloc(dt, ldu * ucols * s), vt = alloc(dt, ldvt * n * s);
          assert.equal(b.gesdd(dt, jobz, m, n, toBuf(dt, A, lda), lda, sv, u, ldu, vt, ldvt), 0);
          const U = fromBuf(dt, u, m, ucols, ldu), VT = fromBuf(dt, vt, vrows, n, ldvt);
          const SV = zeros(k, k);
          for (let i = 0; i < k; i++) {
            SV.re[i * k + i] = sv[i];
            if (i > 0) assert.ok(sv[i] <= sv[i - 1], "s descending");
            assert.ok(sv[i] >= 0);
            assert.ok(Math.abs(sv[i] - sN[i]) <= tol * 10 * sN[0], "s equal for jobz N");
          }
          const rec = mul(mul(block(U, 0, m, 0, k), SV), block(VT, 0, k, 0, n));
          assertClose(rec, A, tol * 10, `gesdd ${dt} ${jobz} ${m}×${n}`);
          assertClose(mul(tr_(U), U), eye(ucols), tol * 10, `UᴴU ${dt} ${jobz}`);
          assertClose(mul(VT, tr_(VT)), eye(vrows), tol * 10, `VᴴV ${dt} ${jobz}`);
        }
      }
      // Empty A: jobz "A" gives identity factors.
      const vt = alloc(dt, 9 * s).fill(5);
      assert.equal(
        b.gesdd(dt, "A", 0, 3, alloc(dt, 0), 1, alloc(dt, 0), alloc(dt, 0), 1, vt, 3),
        0,
      );
      assertClose(fromBuf(dt, vt, 3, 3, 3), eye(3), 0, "gesdd empty vt");
    });

    await t.step(`syevd ${dt}: A·V = V·diag(w), only triangle uplo read`, () => {
      for (const n of [1, 5, 30]) {
        const Bm = randM(r, n, n, cx), H = rounded(dt, mul(Bm, tr_(Bm)));
        for (let i = 0; i < n; i++) H.im[i * n + i] = 0;
        for (const uplo of ["U", "L"] as Uplo[]) {
          const G = block(H, 0, n, 0, n); // garbage in the other triangle
          for (let j = 0; j < n; j++) {
            for (let i = 0; i < n; i++) {
              if (uplo === "U" ? i > j : i < j) {
                (G.re[j * n + i] = 1e3 * r(), G.im[j * n + i] = 1e3 * r());
              }
            }
          }
          const lda = n + 1, wN = alloc(dt, n);
          assert.equal(b.syevd(dt, "N", uplo, n, toBuf(dt, G, lda), lda, wN), 0);
          const a = toBuf(dt, G, lda), w = alloc(dt, n);
          assert.equal(b.syevd(dt, "V", uplo, n, a, lda, w), 0);
          const V = fromBuf(dt, a, n, n, lda), D = zeros(n, n);
          for (let i = 0; i < n; i++) {
            D.re[i * n + i] = w[i];
            if (i > 0) assert.ok(w[i] >= w[i - 1], "w ascending");
            assert.ok(Math.abs(w[i] - wN[i]) <= tol * 10 * Math.max(1, Math.abs(w[n - 1])));
          }
          assertClose(mul(H, V), mul(V, D), tol * 10 * n, `syevd ${dt} ${uplo} n=${n}`);
          assertClose(mul(tr_(V), V), eye(n), tol * 10 * n, `VᴴV ${dt}`);
        }
      }
    });

    await t.step(`geev ${dt}: A·v = λ·v, unit norm, largest component real`, () => {
      for (const n of [1, 6, 25]) {
        const A = rounded(dt, randM(r, n, n, cx)), lda = n + 1;
        const w = alloc(dt, 2 * n), vr = alloc(dt, lda * n * s), wN = alloc(dt, 2 * n);
        assert.equal(b.geev(dt, "N", n, toBuf(dt, A, lda), lda, wN, null, 0), 0);
        assert.equal(b.geev(dt, "V", n, toBuf(dt, A, lda), lda, w, vr, lda), 0);
        const raw = fromBuf(dt, vr, n, n, lda), V = zeros(n, n), D = zeros(n, n);
        let pairs = 0;
        for (let j = 0; j < n; j++) {
          D.re[j * n + j] = w[2 * j];
          D.im[j * n + j] = w[2 * j + 1];
          for (let i = 0; i < n; i++) {
            if (cx || w[2 * j + 1] === 0) {
              V.re[j * n + i] = raw.re[j * n + i];
              V.im[j * n + i] = raw.im[j * n + i];
            } else if (w[2 * j + 1] > 0) {
              // Packed real form: column j holds the real part, j+1 the imaginary part.
              assert.equal(w[2 * j + 2], w[2 * j], "pair real parts");
              assert.equal(w[2 * j + 3], -w[2 * j + 1], "pair imaginary parts");
              V.re[j * n + i] = V.re[(j + 1) * n + i] = raw.re[j * n + i];
              V.im[j * n + i] = raw.re[(j + 1) * n + i];
              V.im[(j + 1) * n + i] = -raw.re[(j + 1) * n + i];
            }
          }
          if (!cx && w[2 * j + 1] > 0) pairs++;
        }
        if (!cx && n === 6) assert.ok(pairs > 0, "the real test matrix has a complex pair");
        assertClose(mul(A, V), mul(V, D), tol * 10 * n, `geev ${dt} n=${n}`);
        for (let j = 0; j < n; j++) {
          const col = block(V, 0, n, j, j + 1);
          assert.ok(Math.abs(mul(tr_(col), col).re[0] - 1) <= tol * 10, "unit norm");
          if (cx) {
            let big = 0;
            for (let i = 1; i < n; i++) {
              if (Math.hypot(col.re[i], col.im[i]) > Math.hypot(col.re[big], col.im[big])) big = i;
            }
            assert.ok(Math.abs(col.im[big]) <= tol * 10, "largest component real");
          }
        }
        const sorted = (x: FloatBuffer) =>
          Array.from({ length: n }, (_, j) => [x[2 * j], x[2 * j + 1]]).sort((p, q) =>
            p[0] - q[0] || p[1] - q[1]
          );
        const e1 = sorted(w), e2 = sorted(wN);
        for (let j = 0; j < n; j++) {
          assert.ok(
            Math.hypot(e1[j][0] - e2[j][0], e1[j][1] - e2[j][1]) <= tol * 100,
            "jobvr N eigenvalues",
          );
        }
      }
    });

    await t.step(`potrf ${dt}: L·Lᴴ = A, Uᴴ·U = A, info for non-PD`, () => {
      const n = 7, lda = 9;
      const Bm = randM(r, n, n, cx), A = mul(tr_(Bm), Bm);
      for (let i = 0; i < n; i++) A.re[i * n + i] += n;
      const H = rounded(dt, A);
      for (const uplo of ["L", "U"] as Uplo[]) {
        const buf = toBuf(dt, H, lda);
        assert.equal(b.potrf(dt, uplo, n, buf, lda), 0);
        const F = fromBuf(dt, buf, n, n, lda);
        for (let j = 0; j < n; j++) {
          for (let i = 0; i < n; i++) {
            if (uplo === "L" ? i < j : i > j) F.re[j * n + i] = F.im[j * n + i] = 0;
          }
        }
        const rec = uplo === "L" ? mul(F, tr_(F)) : mul(tr_(F), F);
        assertClose(rec, H, tol * 10, `potrf ${dt} ${uplo}`);
      }
      const D = zeros(3, 3);
      D.re[0] = 1, D.re[4] = -1, D.re[8] = 1;
      assert.equal(b.potrf(dt, "L", 3, toBuf(dt, D, 3), 3), 2);
      assert.equal(b.potrf(dt, "U", 0, alloc(dt, 0), 1), 0);
    });

    await t.step(`gelsd ${dt}: residual orthogonality, minimum norm, rank`, () => {
      const cases: [number, number, number][] = [[7, 4, 0], [3, 5, 0], [6, 4, 2], [40, 20, 0]];
      for (const [m, n, rank] of cases) {
        const nrhs = 2, ldb = Math.max(m, n) + 1, lda = m + 1;
        let A = randM(r, m, n, cx);
        if (rank > 0) A = mul(randM(r, m, rank, cx), randM(r, rank, n, cx));
        A = rounded(dt, A);
        const B = rounded(dt, randM(r, m, nrhs, cx));
        const BB = zeros(Math.max(m, n), nrhs);
        for (let j = 0; j < nrhs; j++) {
          for (let i = 0; i < m; i++) {
            BB.re[j * BB.rows + i] = B.re[j * m + i];
            BB.im[j * BB.rows + i] = B.im[j * m + i];
          }
        }
        const bb = toBuf(dt, BB, ldb), sv = alloc(dt, Math.min(m, n));
        const res = b.gelsd(
          dt,
          m,
          n,
          nrhs,
          toBuf(dt, A, lda),
          lda,
          bb,
          ldb,
          sv,
          single(dt) ? 1e-4 : 1e-10,
        );
        assert.equal(res.info, 0);
        assert.equal(res.rank, rank > 0 ? rank : Math.min(m, n), `gelsd ${dt} rank`);
        for (let i = 1; i < sv.length; i++) assert.ok(sv[i] <= sv[i - 1], "s descending");
        const X = fromBuf(dt, bb, n, nrhs, ldb), R = sub(mul(A, X), B);
        assertClose(mul(tr_(A), R), zeros(n, nrhs), tol * 10 * m, `Aᴴ(AX−B) ${dt} ${m}×${n}`);
        if (m < n) {
          // Underdetermined, full row rank: X = Aᴴ·(A·Aᴴ)⁻¹·B exactly solves and has minimum norm.
          assertClose(X, mul(tr_(A), solve(mul(A, tr_(A)), B)), tol * 100, `min norm ${dt}`);
        }
      }
      // nrhs = 0 still reports the singular values and the rank.
      {
        const A = rounded(dt, randM(r, 5, 3, cx)), sv = alloc(dt, 3), sN = alloc(dt, 3);
        b.gesdd(dt, "N", 5, 3, toBuf(dt, A, 5), 5, sN, null, 0, null, 0);
        const res = b.gelsd(dt, 5, 3, 0, toBuf(dt, A, 5), 5, alloc(dt, 0), 5, sv, -1);
        assert.deepEqual(res, { info: 0, rank: 3 });
        for (let i = 0; i < 3; i++) assert.ok(Math.abs(sv[i] - sN[i]) <= tol * 10 * sN[0]);
      }
      // Empty A: the minimum-norm solution is zero.
      const bz = randBuf(dt, r, 6);
      assert.deepEqual(b.gelsd(dt, 0, 3, 2, alloc(dt, 0), 1, bz, 3, alloc(dt, 0), -1), {
        info: 0,
        rank: 0,
      });
      assert.deepEqual(bz, alloc(dt, 6 * s));
    });
  }
});

/** Transpose helper under a name that does not clash with the `tr` loop variables. */
function tr_(a: M, conj = true): M {
  return tr(a, conj);
}

Deno.test({ name: "blas_ffi: validation runs before native code", ignore }, () => {
  const b = openblas().backend as unknown as Record<string, (...args: unknown[]) => unknown>;
  const F64 = (n: number) => new Float64Array(n), F32 = (n: number) => new Float32Array(n);
  const gemm = (
    c: unknown,
    ldb = 5,
  ) => ["float64", "N", "N", 2, 5, 3, 1, F64(6), 0, 3, F64(15), 0, ldb, 0, c, 0, 5];
  const cases: [string, unknown[], string, string][] = [
    [
      "gemm",
      gemm(F64(9)),
      "RangeError",
      "gemm: c is too short: the 2×5 matrix at offset 0 with ldc 5 needs 10 elements, the buffer holds 9",
    ],
    ["gemm", gemm(F64(10), 3), "RangeError", "gemm: ldb 3 is smaller than the row length 5"],
    [
      "gemm",
      ["int8", ...gemm(F64(10)).slice(1)],
      "TypeError",
      'gemm: dt must be "float32", "float64", "complex64" or "complex128": got "int8"',
    ],
    [
      "gemm",
      ["complex64", ...gemm(F32(20)).slice(1)],
      "TypeError",
      "gemm: a must be a Float32Array for complex64: got Float64Array",
    ],
    [
      "gemv",
      ["float64", "X", 1, 1, 1, F64(1), 0, 1, F64(1), 0, 1, 0, F64(1), 0, 1],
      "TypeError",
      'gemv: trans must be "N", "T" or "C": got "X"',
    ],
    [
      "gemv",
      ["float64", "N", 1, 1, 1, F64(1), 0, 1, F64(1), 0.5, 1, 0, F64(1), 0, 1],
      "RangeError",
      "gemv: offX must be a non-negative integer: got 0.5",
    ],
    [
      "gemv",
      ["float64", "N", 1, 1, "1", F64(1), 0, 1, F64(1), 0, 1, 0, F64(1), 0, 1],
      "TypeError",
      'gemv: alpha must be a number: got "1"',
    ],
    [
      "dot",
      ["float64", "3", F64(3), 0, 1, F64(3), 0, 1, false],
      "TypeError",
      'dot: n must be a number: got "3"',
    ],
    [
      "dot",
      ["float64", 3, F64(3), 0, 1, F64(3), 0, 0, false],
      "RangeError",
      "dot: incY must be a positive integer: got 0",
    ],
    [
      "dot",
      ["float64", 3, F64(3), 0, 1, F64(3), 0, 1, 1],
      "TypeError",
      "dot: conj must be a boolean: got 1",
    ],
    [
      "dot",
      ["complex64", 3, F32(11), 1, 2, F32(6), 0, 1, false],
      "RangeError",
      "dot: x is too short: 3 elements at offset 1 with increment 2 need 6 elements, the buffer holds 5 (11 slots)",
    ],
    [
      "getrf",
      ["float64", -1, 2, F64(4), 2, new Int32Array(2)],
      "RangeError",
      "getrf: m must be a non-negative integer: got -1",
    ],
    [
      "getrf",
      ["float64", 2 ** 31, 1, F64(4), 2, new Int32Array(2)],
      "RangeError",
      "getrf: m 2147483648 exceeds the 32-bit LAPACK limit 2147483647",
    ],
    [
      "getrf",
      ["float64", 2, 2, F64(4), 2, [1, 2]],
      "TypeError",
      "getrf: ipiv must be an Int32Array: got Array",
    ],
    [
      "getrf",
      ["float64", 2, 2, F64(4), 2, new Int32Array(1)],
      "RangeError",
      "getrf: ipiv is too short: needs 2 entries, has 1",
    ],
    [
      "getrs",
      ["float64", "N", 2, 1, F64(4), 2, new Int32Array([1, 3]), F64(2), 2],
      "RangeError",
      "getrs: ipiv[1] is 3, outside 1..2",
    ],
    [
      "geqrf",
      ["complex128", 2, 3, F64(12), 2, F64(3)],
      "RangeError",
      "geqrf: tau is too short: needs 2 complex elements, the buffer holds 1 (3 slots)",
    ],
    [
      "orgqr",
      ["float64", 3, 2, 3, F64(9), 3, F64(3)],
      "RangeError",
      "orgqr: sizes must satisfy m ≥ n ≥ k: got m 3, n 2, k 3",
    ],
    [
      "gesdd",
      ["float64", "S", 2, 2, F64(4), 2, F64(2), null, 2, F64(4), 2],
      "TypeError",
      "gesdd: u must be a Float64Array for float64: got null",
    ],
    [
      "gesdd",
      ["float64", "V", 2, 2, F64(4), 2, F64(2), null, 2, null, 2],
      "TypeError",
      'gesdd: jobz must be "A", "S" or "N": got "V"',
    ],
    [
      "syevd",
      ["float32", "V", "L", 2, F32(4), 2, F32(1)],
      "RangeError",
      "syevd: w is too short: needs 2 elements, the buffer holds 1",
    ],
    [
      "geev",
      ["float64", "N", 2, F64(4), 2, F64(2), null, 0],
      "RangeError",
      "geev: w is too short: needs 2 complex elements, the buffer holds 1 (2 slots)",
    ],
    [
      "potrf",
      ["float64", "X", 2, F64(4), 2],
      "TypeError",
      'potrf: uplo must be "U" or "L": got "X"',
    ],
    ["potrf", ["float64", "U", 0, F64(0), 0], "RangeError", "potrf: lda must be at least 1: got 0"],
    [
      "gelsd",
      ["float64", 3, 2, 1, F64(6), 3, F64(2), 2, F64(2), -1],
      "RangeError",
      "gelsd: ldb 2 is smaller than the column length 3",
    ],
    [
      "gelsd",
      ["float64", 2, 2, 1, F64(4), 2, F64(2), 2, F64(2), null],
      "TypeError",
      "gelsd: rcond must be a number: got null",
    ],
  ];
  for (const [fn, args, name, message] of cases) {
    assert.throws(() => b[fn](...args), { name, message }, `${fn}: ${message}`);
  }
});

Deno.test("blas_ffi: library selection and reasons", async (t) => {
  const saved = Deno.env.get("ND_BLAS");
  const restore = () =>
    saved === undefined ? Deno.env.delete("ND_BLAS") : Deno.env.set("ND_BLAS", saved);

  await t.step('ND_BLAS="none" disables the search', () => {
    Deno.env.set("ND_BLAS", "none");
    try {
      const r = loadBlas({ fallback: noFallback });
      assert.ok("reason" in r);
      assert.match(r.reason, /ND_BLAS is "none"/);
    } finally {
      restore();
    }
  });

  await t.step("a bad ND_BLAS path is reported, not replaced by a search", () => {
    Deno.env.set("ND_BLAS", "/nonexistent/libnothing.so");
    try {
      const r = loadBlas({ fallback: noFallback });
      assert.ok("reason" in r);
      assert.match(r.reason, /\/nonexistent\/libnothing\.so/);
    } finally {
      restore();
    }
  });

  await t.step("a bad opts.path is reported", () => {
    const r = loadBlas({ path: "/nonexistent.so", fallback: noFallback });
    assert.ok("reason" in r);
    assert.match(r.reason, /^no BLAS library could be loaded: tried \/nonexistent\.so \(/);
  });

  await t.step({
    name: "a library without BLAS or LAPACK symbols is refused",
    ignore: Deno.build.os !== "linux",
    fn: () => {
      const r = loadBlas({ path: "libm.so.6", fallback: noFallback });
      assert.ok("reason" in r);
      assert.match(r.reason, /libm\.so\.6 \(no BLAS or LAPACK symbols found\)/);
    },
  });

  await t.step({
    name: "the default search finds OpenBLAS first",
    ignore: ignore || Deno.build.os !== "linux",
    fn: () => {
      Deno.env.delete("ND_BLAS");
      try {
        const r = loadBlas({ fallback: noFallback });
        assert.ok(!("reason" in r), "reason" in r ? r.reason : "");
        assert.equal(r.library, "libopenblas.so.0");
      } finally {
        restore();
      }
    },
  });

  const script = await Deno.makeTempFile({ suffix: ".ts" });
  const modUrl = new URL("../../src/backend/blas_ffi.ts", import.meta.url).href;
  await Deno.writeTextFile(
    script,
    `import { loadBlas } from ${JSON.stringify(modUrl)};\n` +
      `const r = loadBlas({ fallback: {} as never });\n` +
      `console.log(JSON.stringify("reason" in r ? { reason: r.reason } : { library: r.library }));\n`,
  );
  const run = async (flags: string[]) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-config", "--no-prompt", ...flags, script],
      env: { ND_BLAS: "none" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(out.success, new TextDecoder().decode(out.stderr));
    return JSON.parse(new TextDecoder().decode(out.stdout));
  };
  try {
    await t.step("without the ffi permission nothing is loaded and nothing prompts", async () => {
      const r = await run(["--allow-env"]);
      assert.match(r.reason, /ffi permission is not granted/);
    });
    await t.step({
      name: "without the env permission ND_BLAS is treated as unset",
      ignore,
      fn: async () => {
        const r = await run(["--allow-ffi"]);
        assert.ok(typeof r.library === "string", JSON.stringify(r));
      },
    });
  } finally {
    await Deno.remove(script);
  }
});

/** Libraries on this machine with CBLAS but without LAPACK (reference BLAS, OpenBLAS's libblas). */
function blasOnly(): string | null {
  const dirs = [
    "/usr/lib/x86_64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu",
    "/usr/lib64",
    "/usr/lib",
  ];
  for (const d of dirs) {
    for (const f of ["blas/libblas.so.3", "openblas-pthread/libblas.so.3", "libblas.so.3"]) {
      try {
        Deno.statSync(`${d}/${f}`);
      } catch {
        continue;
      }
      const r = loadBlas({ path: `${d}/${f}`, fallback: noFallback });
      if (!("reason" in r) && !r.missing.includes("cblas_dgemm") && r.missing.includes("dgetrf_")) {
        return `${d}/${f}`;
      }
    }
  }
  return null;
}

const blasOnlyPath = Deno.build.os === "linux" ? blasOnly() : null;

Deno.test({
  name: "blas_ffi: per-routine fallback when LAPACK is missing",
  ignore: blasOnlyPath === null && !CI,
}, () => {
  assert.ok(blasOnlyPath !== null, "no BLAS-only library found");
  const { backend: fb, calls } = recorder();
  const r = loadBlas({ path: blasOnlyPath, fallback: fb });
  assert.ok(!("reason" in r));
  for (const name of ["sgetrf_", "zgesdd_", "dgelsd_", "cheevd_"]) {
    assert.ok(r.missing.includes(name), name);
  }
  const b = r.backend;
  // BLAS routines run natively.
  const c = new Float64Array(4);
  b.gemm(
    "complex128",
    "N",
    "C",
    1,
    1,
    2,
    1,
    new Float64Array([1, 2, 3, 4]),
    0,
    2,
    new Float64Array([1, 2, 3, 4]),
    0,
    2,
    0,
    c,
    0,
    1,
  );
  assert.deepEqual([...c.subarray(0, 2)], [30, 0]);
  assert.deepEqual(
    b.dot("float32", 2, new Float32Array([1, 2]), 0, 1, new Float32Array([3, 4]), 0, 1, false),
    [11, 0],
  );
  assert.deepEqual(calls, []);
  // LAPACK routines are delegated, after validation.
  assert.equal(b.getrf("float64", 2, 2, new Float64Array(4), 2, new Int32Array(2)), 0);
  assert.deepEqual(
    b.gelsd(
      "complex64",
      1,
      1,
      1,
      new Float32Array(2),
      1,
      new Float32Array(2),
      1,
      new Float32Array(1),
      -1,
    ),
    { info: 0, rank: 0 },
  );
  b.syevd("float32", "V", "L", 1, new Float32Array(1), 1, new Float32Array(1));
  assert.deepEqual(calls, ["getrf(float64)", "gelsd(complex64)", "syevd(float32)"]);
  assert.throws(
    () => b.getrf("float64", 2, 2, new Float64Array(3), 2, new Int32Array(2)),
    RangeError,
  );
  assert.equal(calls.length, 3);
});
