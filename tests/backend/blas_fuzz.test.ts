import assert from "node:assert/strict";
import { loadBlas } from "../../src/backend/blas_ffi.ts";
import type { Backend, FloatBuffer, LinalgDType } from "../../src/backend/types.ts";

// Fuzzes the BLAS backend's argument validation: valid calls are built with buffers of the
// exact size the routine needs (so an off-by-one in the bounds checks either rejects a valid
// call or lets a bad one through), then one to three arguments are made invalid. Every bad call
// must throw a TypeError or RangeError naming the routine, and never reach native code.

const OPENBLAS = Deno.build.os === "darwin" ? "libopenblas.dylib" : "libopenblas.so.0";
const CI = Deno.env.get("CI") === "true";
const DTYPES: LinalgDType[] = ["float32", "float64", "complex64", "complex128"];
const BAD_CALLS = 10_000;
const VALID_CALLS = 3_000;
const GARBAGE_CALLS = 2_000;

type Routine =
  | "gemm"
  | "gemv"
  | "dot"
  | "getrf"
  | "getrs"
  | "geqrf"
  | "orgqr"
  | "gesdd"
  | "syevd"
  | "geev"
  | "potrf"
  | "gelsd";
const ROUTINES: Routine[] = [
  "gemm",
  "gemv",
  "dot",
  "getrf",
  "getrs",
  "geqrf",
  "orgqr",
  "gesdd",
  "syevd",
  "geev",
  "potrf",
  "gelsd",
];

type Kind =
  | "dt"
  | "trans"
  | "jobzSvd"
  | "jobzEig"
  | "uplo"
  | "size"
  | "ld"
  | "off"
  | "inc"
  | "buf"
  | "ipiv"
  | "pivots"
  | "bool"
  | "scalar";

/** What an argument is, for the mutations; `touched` = the routine accesses ≥ 1 element. */
interface Slot {
  kind: Kind;
  touched: boolean;
  min?: number;
}

interface Call {
  routine: Routine;
  dt: LinalgDType;
  args: unknown[];
  /** The valid arguments before any mutation. */
  orig: readonly unknown[];
  slots: (Slot | null)[];
}

/** A seeded PRNG (mulberry32). */
function prng(seed: number): { next: () => number; int: (lo: number, hi: number) => number } {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) };
}

type Rand = ReturnType<typeof prng>;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[r.int(0, xs.length - 1)];

const cx = (dt: LinalgDType): boolean => dt === "complex64" || dt === "complex128";
const singleP = (dt: LinalgDType): boolean => dt === "float32" || dt === "complex64";

/** A buffer of exactly `elements` elements of `dt`, random values. */
function exact(r: Rand, dt: LinalgDType, elements: number): FloatBuffer {
  const n = elements * (cx(dt) ? 2 : 1);
  const b = singleP(dt) ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = r.next() * 2 - 1;
  return b;
}

/** Elements a row-major rows×cols matrix at `off` with row stride `ld` spans. */
const rowSpan = (off: number, rows: number, cols: number, ld: number) =>
  rows === 0 || cols === 0 ? 0 : off + (rows - 1) * ld + cols;
/** Elements a column-major rows×cols matrix with leading dimension `ld` spans from 0. */
const colSpan = (rows: number, cols: number, ld: number) =>
  rows === 0 || cols === 0 ? 0 : (cols - 1) * ld + rows;
const vecSpan = (off: number, n: number, inc: number) => (n === 0 ? 0 : off + (n - 1) * inc + 1);

/** Builds a valid call with every dimension ≥ `lo` and exact-size buffers. */
function build(r: Rand, routine: Routine, dt: LinalgDType, lo: number): Call {
  const args: unknown[] = [];
  const slots: (Slot | null)[] = [];
  const push = (v: unknown, kind: Kind | null, touched = true, min?: number) => {
    args.push(v);
    slots.push(kind === null ? null : { kind, touched, min });
  };
  const dim = (hi = 4) => r.int(lo, Math.max(lo, hi));
  const pad = () => r.int(0, 2);
  /** A row-major matrix argument: buffer, offset, ld. */
  const rowMat = (rows: number, cols: number) => {
    const ld = Math.max(1, cols) + pad(), off = r.int(0, 3);
    const touched = rows > 0 && cols > 0;
    push(exact(r, dt, rowSpan(off, rows, cols, ld)), "buf", touched);
    push(off, "off", touched);
    push(ld, "ld", touched, Math.max(1, cols));
  };
  /** A column-major matrix from index 0: buffer, ld. */
  const colMat = (rows: number, cols: number, live = true) => {
    const ld = Math.max(1, rows) + pad();
    push(exact(r, dt, colSpan(rows, cols, ld)), live ? "buf" : null, rows > 0 && cols > 0);
    return ld;
  };
  const real = (count: number, slots = 1): FloatBuffer => {
    const b = exact(r, singleP(dt) ? "float32" : "float64", count * slots);
    push(b, "buf", count > 0);
    return b;
  };
  const vec = (n: number) => {
    const inc = r.int(1, 3), off = r.int(0, 3);
    push(exact(r, dt, vecSpan(off, n, inc)), "buf", n > 0);
    push(off, "off", n > 0);
    push(inc, "inc", n > 0);
  };

  push(dt, "dt");
  switch (routine) {
    case "gemm": {
      const tA = pick(r, ["N", "T", "C"]), tB = pick(r, ["N", "T", "C"]);
      const m = dim(), n = dim(), k = dim();
      push(tA, "trans");
      push(tB, "trans");
      push(m, "size");
      push(n, "size");
      push(k, "size");
      push(r.next(), "scalar");
      if (tA === "N") rowMat(m, k);
      else rowMat(k, m);
      if (tB === "N") rowMat(k, n);
      else rowMat(n, k);
      push(r.next(), "scalar");
      rowMat(m, n);
      break;
    }
    case "gemv": {
      const tr = pick(r, ["N", "T", "C"]), m = dim(), n = dim();
      push(tr, "trans");
      push(m, "size");
      push(n, "size");
      push(r.next(), "scalar");
      rowMat(m, n);
      vec(tr === "N" ? n : m);
      push(r.next(), "scalar");
      vec(tr === "N" ? m : n);
      break;
    }
    case "dot": {
      const n = dim(6);
      push(n, "size");
      vec(n);
      vec(n);
      push(r.next() < 0.5, "bool");
      break;
    }
    case "getrf": {
      const m = dim(), n = dim();
      push(m, "size");
      push(n, "size");
      const ld = colMat(m, n);
      push(ld, "ld", m > 0 && n > 0, Math.max(1, m));
      push(new Int32Array(Math.min(m, n)), "ipiv", Math.min(m, n) > 0);
      break;
    }
    case "getrs": {
      const n = dim(), nrhs = dim();
      push(pick(r, ["N", "T", "C"]), "trans");
      push(n, "size");
      push(nrhs, "size");
      const lda = colMat(n, n);
      push(lda, "ld", n > 0, Math.max(1, n));
      push(Int32Array.from({ length: n }, () => r.int(1, n)), "pivots", n > 0);
      const ldb = colMat(n, nrhs);
      push(ldb, "ld", n > 0 && nrhs > 0, Math.max(1, n));
      break;
    }
    case "geqrf": {
      const m = dim(), n = dim();
      push(m, "size");
      push(n, "size");
      const ld = colMat(m, n);
      push(ld, "ld", m > 0 && n > 0, Math.max(1, m));
      push(exact(r, dt, Math.min(m, n)), "buf", Math.min(m, n) > 0);
      break;
    }
    case "orgqr": {
      const m = dim(5), n = r.int(lo, m), k = r.int(lo, n);
      push(m, "size");
      push(n, "size");
      push(k, "size");
      const ld = colMat(m, n);
      push(ld, "ld", m > 0 && n > 0, Math.max(1, m));
      push(exact(r, dt, k), "buf", k > 0);
      break;
    }
    case "gesdd": {
      const jobz = pick(r, ["A", "S", "N"]), m = dim(), n = dim(), k = Math.min(m, n);
      push(jobz, "jobzSvd");
      push(m, "size");
      push(n, "size");
      const ld = colMat(m, n);
      push(ld, "ld", m > 0 && n > 0, Math.max(1, m));
      real(k);
      const live = jobz !== "N";
      const ucols = jobz === "A" ? m : k, vrows = jobz === "A" ? n : k;
      const ldu = colMat(m, ucols, live);
      push(ldu, live ? "ld" : null, m > 0 && ucols > 0, Math.max(1, m));
      const ldvt = colMat(vrows, n, live);
      push(ldvt, live ? "ld" : null, vrows > 0 && n > 0, Math.max(1, vrows));
      break;
    }
    case "syevd": {
      const n = dim();
      push(pick(r, ["V", "N"]), "jobzEig");
      push(pick(r, ["U", "L"]), "uplo");
      push(n, "size");
      const ld = colMat(n, n);
      push(ld, "ld", n > 0, Math.max(1, n));
      real(n);
      break;
    }
    case "geev": {
      const jobvr = pick(r, ["V", "N"]), n = dim();
      push(jobvr, "jobzEig");
      push(n, "size");
      const ld = colMat(n, n);
      push(ld, "ld", n > 0, Math.max(1, n));
      real(n, 2);
      const live = jobvr === "V";
      const ldvr = colMat(n, n, live);
      push(ldvr, live ? "ld" : null, n > 0, Math.max(1, n));
      break;
    }
    case "potrf": {
      const n = dim();
      push(pick(r, ["U", "L"]), "uplo");
      push(n, "size");
      const ld = colMat(n, n);
      push(ld, "ld", n > 0, Math.max(1, n));
      break;
    }
    case "gelsd": {
      const m = dim(), n = dim(), nrhs = dim();
      push(m, "size");
      push(n, "size");
      push(nrhs, "size");
      const lda = colMat(m, n);
      push(lda, "ld", m > 0 && n > 0, Math.max(1, m));
      const ldb = colMat(Math.max(m, n), nrhs);
      push(ldb, "ld", Math.max(m, n) > 0 && nrhs > 0, Math.max(1, m, n));
      real(Math.min(m, n));
      push(r.next() < 0.2 ? -1 : r.next() * 1e-3, "scalar");
      break;
    }
  }
  return { routine, dt, args, orig: args.slice(), slots };
}

/** An invalid replacement for argument `i` of `call` (every kind has several). */
function mutate(r: Rand, call: Call, i: number): unknown {
  const slot = call.slots[i]!, v = call.args[i];
  const options: (() => unknown)[] = [];
  const add = (...vals: unknown[]) => vals.forEach((x) => options.push(() => x));
  switch (slot.kind) {
    case "dt":
      add("float16", "int32", "complex", "", null, 5, "Float64", undefined);
      // Real data passed as complex needs twice the slots: every buffer is too short.
      if (call.dt === "float32") add("complex64");
      if (call.dt === "float64") add("complex128");
      break;
    case "trans":
      add("X", "n", "t", "c", "", null, 1, "NN", undefined);
      break;
    case "jobzSvd":
      add("V", "a", "s", "", null, "AA", 0);
      break;
    case "jobzEig":
      add("A", "S", "v", "n", null, "");
      break;
    case "uplo":
      add("u", "l", "N", "", null, "UL", 85);
      break;
    case "size":
      // v + 1 makes some exact-size buffer one element too short (or breaks m ≥ n ≥ k).
      add(
        -1,
        1.5,
        NaN,
        Infinity,
        -Infinity,
        "2",
        null,
        undefined,
        2 ** 31,
        2 ** 53,
        1n,
        (v as number) + 1,
      );
      if (call.routine === "orgqr" && (i === 2 || i === 3)) {
        // Break m ≥ n ≥ k with buffers large enough that only the order check can catch it.
        const [m, n] = call.orig.slice(1, 3) as number[], lda = call.orig[5] as number;
        options.push(() => {
          call.args[4] = exact(r, call.dt, colSpan(m, m + 2, lda));
          call.args[6] = exact(r, call.dt, m + 2);
          return i === 2 ? m + 1 : n + 1;
        });
      }
      break;
    case "ld":
      add(0, -1, 2.5, NaN, "4", null, 2 ** 31, Infinity);
      if (slot.min !== undefined) add(slot.min - 1);
      break;
    case "off":
      add(-1, 0.5, NaN, "0", null, undefined, -Infinity);
      if (slot.touched) add((v as number) + 1);
      break;
    case "inc":
      add(0, -1, 1.5, NaN, "1", null, 2 ** 31, -Infinity);
      break;
    case "buf": {
      const b = v as FloatBuffer;
      options.push(
        () => (b instanceof Float32Array ? new Float64Array(b.length) : new Float32Array(b.length)),
      );
      options.push(() => new Int32Array(b.length));
      options.push(() => Array.from(b));
      options.push(() => new Uint8Array(b.buffer));
      add(null, undefined, {}, 3);
      if (slot.touched) options.push(() => b.subarray(0, b.length - 1));
      break;
    }
    case "ipiv":
    case "pivots": {
      const p = v as Int32Array;
      options.push(() => new Float64Array(p));
      options.push(() => new Uint32Array(p));
      options.push(() => Array.from(p));
      add(null, undefined);
      if (slot.touched) options.push(() => p.subarray(0, p.length - 1));
      if (slot.kind === "pivots" && p.length > 0) {
        options.push(() => {
          const q = p.slice();
          q[r.int(0, q.length - 1)] = pick(r, [0, -1, q.length + 1, 2 ** 31 - 1, -(2 ** 31)]);
          return q;
        });
      }
      break;
    }
    case "bool":
      add(0, 1, "true", null, undefined);
      break;
    case "scalar":
      add("1", null, undefined, 1n, {}, [1]);
      break;
  }
  return pick(r, options)();
}

function naiveGemm(call: Call): number[] {
  const [dt, tA, tB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc] = call
    .args as [
      LinalgDType,
      string,
      string,
      number,
      number,
      number,
      number,
      FloatBuffer,
      number,
      number,
      FloatBuffer,
      number,
      number,
      number,
      FloatBuffer,
      number,
      number,
    ];
  const s = cx(dt) ? 2 : 1, out = Array.from(c);
  const get = (x: FloatBuffer, off: number, ld: number, t: string, i: number, l: number) => {
    const idx = (t === "N" ? off + i * ld + l : off + l * ld + i) * s;
    return [x[idx], s === 2 ? (t === "C" ? -x[idx + 1] : x[idx + 1]) : 0];
  };
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let re = 0, im = 0;
      for (let l = 0; l < k; l++) {
        const [ar, ai] = get(a, offA, lda, tA, i, l), [br, bi] = get(b, offB, ldb, tB, l, j);
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      const p = (offC + i * ldc + j) * s;
      out[p] = alpha * re + (beta === 0 ? 0 : beta * c[p]);
      if (s === 2) out[p + 1] = alpha * im + (beta === 0 ? 0 : beta * c[p + 1]);
    }
  }
  return out;
}

const loaded = loadBlas({
  path: OPENBLAS,
  fallback: new Proxy({}, {
    get: (_t, p) => () => {
      throw new Error(`fallback called for ${String(p)}`);
    },
  }) as Backend,
});
const ignore = "reason" in loaded && !CI;

Deno.test({ name: "blas fuzz: bad arguments never reach native code", ignore }, async (t) => {
  if ("reason" in loaded) assert.fail(`the system OpenBLAS did not load: ${loaded.reason}`);
  const backend = loaded.backend as unknown as Record<Routine, (...args: unknown[]) => unknown>;
  const r = prng(20240601);

  await t.step(`${BAD_CALLS} invalid calls throw TypeError or RangeError`, () => {
    const perRoutine = new Map<string, number>();
    const perKind = new Map<string, number>();
    for (let iter = 0; iter < BAD_CALLS; iter++) {
      const routine = ROUTINES[iter % ROUTINES.length];
      const call = build(r, routine, pick(r, DTYPES), 1);
      const live = call.slots.map((s, i) => (s === null ? -1 : i)).filter((i) => i >= 0);
      const count = r.int(1, 3);
      const done: string[] = [];
      for (let j = 0; j < count && live.length > 0; j++) {
        const i = live.splice(r.int(0, live.length - 1), 1)[0];
        call.args[i] = mutate(r, call, i);
        done.push(`${i}:${call.slots[i]!.kind}`);
        perKind.set(call.slots[i]!.kind, (perKind.get(call.slots[i]!.kind) ?? 0) + 1);
      }
      assert.ok(done.length > 0);
      let error: unknown = null;
      try {
        backend[routine](...call.args);
      } catch (e) {
        error = e;
      }
      const what = `${routine}(${call.dt}) with ${done.join(", ")}`;
      assert.ok(error !== null, `${what} did not throw`);
      assert.ok(
        error instanceof TypeError || error instanceof RangeError,
        `${what} threw ${error}`,
      );
      assert.ok(
        (error as Error).message.startsWith(`${routine}: `),
        `${what}: ${(error as Error).message}`,
      );
      perRoutine.set(routine, (perRoutine.get(routine) ?? 0) + 1);
    }
    assert.equal(perRoutine.size, ROUTINES.length);
    for (
      const kind of [
        "dt",
        "trans",
        "size",
        "ld",
        "off",
        "inc",
        "buf",
        "ipiv",
        "pivots",
        "bool",
        "scalar",
      ]
    ) {
      assert.ok((perKind.get(kind) ?? 0) >= 50, `kind ${kind} mutated ${perKind.get(kind)} times`);
    }
  });

  await t.step(`${VALID_CALLS} valid calls (exact-size buffers, empty dims) succeed`, () => {
    for (let iter = 0; iter < VALID_CALLS; iter++) {
      const routine = ROUTINES[iter % ROUTINES.length];
      const call = build(r, routine, pick(r, DTYPES), 0);
      const expected = routine === "gemm" ? naiveGemm(call) : null;
      const result = backend[routine](...call.args);
      if (expected !== null) {
        const c = call.args[14] as FloatBuffer;
        const tol = singleP(call.dt) ? 1e-4 : 1e-12;
        for (let p = 0; p < c.length; p++) {
          assert.ok(Math.abs(c[p] - expected[p]) <= tol * 8, `gemm ${call.dt} slot ${p}`);
        }
      } else if (routine === "dot") {
        assert.ok(Array.isArray(result) && result.length === 2 && result.every(Number.isFinite));
      } else if (routine === "gelsd") {
        const g = result as { info: number; rank: number };
        assert.ok(g.info >= 0 && g.rank >= 0);
      } else if (routine !== "gemv") {
        assert.ok(typeof result === "number" && result >= 0, `${routine} info ${result}`);
      }
    }
  });

  await t.step(
    `${GARBAGE_CALLS} calls with random argument values throw only validation errors`,
    () => {
      const pool: unknown[] = [
        0,
        1,
        2,
        -1,
        0.5,
        NaN,
        2 ** 31,
        "N",
        "T",
        "U",
        "V",
        "A",
        "float64",
        "complex64",
        null,
        undefined,
        true,
        new Float64Array(4),
        new Float32Array(8),
        new Int32Array([1, 2]),
        new Float64Array(0),
      ];
      for (let iter = 0; iter < GARBAGE_CALLS; iter++) {
        const routine = ROUTINES[iter % ROUTINES.length];
        const args = Array.from({ length: 17 }, () => pick(r, pool));
        try {
          backend[routine](...args);
        } catch (e) {
          assert.ok(e instanceof TypeError || e instanceof RangeError, `${routine} threw ${e}`);
        }
      }
    },
  );
});
