// { parallel: true }: results equal the serial ones bit for bit over layouts, broadcasting,
// masks, dtypes and outputs; what stays serial (closures, small or unshared inputs); errors;
// the pool's lifecycle (terminated here for the sanitizers; a script exits on its own).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { ufunc } from "../../src/ufunc/compiled_ufunc.ts";
import { kernel, type KernelView } from "../../src/ufunc/kernel.ts";
import {
  getNumThreads,
  isShared,
  PARALLEL_MIN_SIZE,
  setNumThreads,
  startWorkers,
  terminateWorkers,
  toShared,
  workerInfo,
} from "../../src/ufunc/shared.ts";

type V = KernelView;

/** Equal shapes and the same bytes in C order (NaN payloads and signed zeros included). */
function assertSameBits(a: nd.NDArray, b: nd.NDArray): void {
  assert.deepEqual(a.shape, b.shape);
  assert.equal(a.dtype, b.dtype);
  const x = nd.copy(a), y = nd.copy(b);
  const bx = new Uint8Array(x.data.buffer, x.data.byteOffset, x.data.byteLength);
  const by = new Uint8Array(y.data.buffer, y.data.byteOffset, y.data.byteLength);
  assert.equal(bx.length, by.length);
  for (let i = 0; i < bx.length; i++) {
    if (bx[i] !== by[i]) assert.fail(`byte ${i} differs: ${bx[i]} and ${by[i]}`);
  }
}

/**
 * Runs `f` and tells whether it went parallel (a job was posted to the workers). Whether the
 * workers then computed any chunk depends on timing: the calling thread may finish a short
 * job alone before they wake up.
 */
function onWorkers<T>(f: () => T): [T, boolean] {
  const before = workerInfo().jobs;
  const r = f();
  return [r, workerInfo().jobs === before + 1];
}

const N = 1 << 19;
const rng = nd.random.defaultRng(7);
/** Values with every special case sprinkled in. */
function data(n: number): nd.NDArray {
  const x = rng.uniform(-6, 6, { size: n });
  const sp = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 1e-310, -1e308, 710, -745];
  for (let i = 0; i < n; i += 997) x.data[i] = sp[(i / 997) % sp.length];
  return x;
}

const swishFn = (x: number) => x / (1 + Math.exp(-x));
const clipFn = (x: number) => (x < -1 ? -1 : x > 1 ? 1 : x);

Deno.test("parallel ufuncs and kernels", async (t) => {
  const threads = getNumThreads();
  setNumThreads(3); // two workers, whatever the machine
  try {
    assert.equal(await startWorkers(), 2);
    assert.equal(workerInfo().ready, 2);
    const swishP = ufunc(swishFn, { parallel: true });
    const swishS = ufunc(swishFn);
    const x = toShared(data(N));

    await t.step("swish and clip: the same bits as serial, computed partly by workers", () => {
      assert(swishP.parallel && swishP.inlined && swishP.parallelReason === null);
      const big = toShared(data(N * 4)); // 16 ms of work: the workers take part
      const chunks = workerInfo().workerChunks;
      assertSameBits(swishP(big), swishS(big));
      assert(workerInfo().workerChunks > chunks, "workers computed chunks");
      const [r, used] = onWorkers(() => swishP(x));
      assert(used, "a parallel job");
      assert(isShared(r));
      assertSameBits(r, swishS(x));
      const fastP = ufunc(swishFn, { parallel: true, fastmath: true });
      const [rf, usedF] = onWorkers(() => fastP(x));
      assert(usedF);
      assertSameBits(rf, ufunc(swishFn, { fastmath: true })(x));
      const clipP = ufunc(clipFn, { parallel: true }), clipS = ufunc(clipFn);
      const [c, usedC] = onWorkers(() => clipP(x));
      assert(usedC);
      assertSameBits(c, clipS(x));
    });

    await t.step("layouts: transposed, strided, reversed, broadcast", () => {
      const m = toShared(data(700 * 800)).reshape([700, 800]);
      const row = toShared(data(800));
      const f = (a: number, b: number) => a * Math.sin(b) - b;
      const fP = ufunc(f, { parallel: true }), fS = ufunc(f);
      const views = [m.T, m.slice(null, "::2"), m.slice("::-1", "::-2"), m.reshape([7, 100, 800])];
      for (const v of views) {
        const [r, used] = onWorkers(() => fP(v, row.slice(`0:${v.shape[v.ndim - 1]}`)));
        assert(used, `workers on ${v.shape}`);
        assertSameBits(r, fS(v, row.slice(`0:${v.shape[v.ndim - 1]}`)));
      }
      const col = toShared(data(700)).reshape([700, 1]);
      const [r, used] = onWorkers(() => fP(col, row));
      assert(used);
      assertSameBits(r, fS(col, row));
      const [s, usedS] = onWorkers(() => fP(m, 2.5)); // a JS scalar
      assert(usedS);
      assertSameBits(s, fS(m, 2.5));
    });

    await t.step("where, out, in place, dtypes", () => {
      const mask = toShared(nd.greater(x, 0.5));
      const outP = toShared(nd.full([N], 7, { dtype: "float64" }));
      const outS = nd.full([N], 7, { dtype: "float64" });
      const [r, used] = onWorkers(() => swishP(x, { out: outP, where: mask }));
      assert(used && r === outP);
      swishS(x, { out: outS, where: mask });
      assertSameBits(outP, outS);
      const y = toShared(x);
      const [z, usedZ] = onWorkers(() => swishP(y, { out: y })); // in place
      assert(usedZ && z === y);
      assertSameBits(y, swishS(x));
      const x32 = toShared(x.astype("float32"));
      const [r32, used32] = onWorkers(() => swishP(x32));
      assert(used32 && r32.dtype === "float32");
      assertSameBits(r32, swishS(x32));
      const xi = toShared(x.astype("int32"));
      assertSameBits(onWorkers(() => swishP(xi))[0], swishS(xi));
      const [rd, usedD] = onWorkers(() => swishP(x, { dtype: "float32" }));
      assert(usedD && rd.dtype === "float32");
      assertSameBits(rd, swishS(x, { dtype: "float32" }));
    });

    await t.step("three inputs, and a self-contained function that is not inlined", () => {
      const f3 = (a: number, b: number, c: number) => a * b + c;
      const [r, used] = onWorkers(() => ufunc(f3, { parallel: true })(x, x, 1));
      assert(used);
      assertSameBits(r, ufunc(f3)(x, x, 1));
      function swishF(v: number) {
        if (v < -700) return -0;
        return v / (1 + Math.exp(-v));
      }
      const p = ufunc(swishF, { parallel: true });
      assert(!p.inlined && p.parallel);
      const [q, usedQ] = onWorkers(() => p(x));
      assert(usedQ);
      assertSameBits(q, ufunc(swishF)(x));
    });

    await t.step("what stays serial", () => {
      const k = 2;
      const closure = ufunc((v) => v * k, { parallel: true });
      assert.equal(closure.parallel, false);
      assert.equal(
        closure.parallelReason,
        "it refers to k, a variable outside the function (a closure): workers rebuild the function from its source",
      );
      const jobs = workerInfo().jobs;
      assert.deepEqual(closure(x).get(1), x.get(1) as number * 2);
      const plain = nd.copy(x); // not in shared memory
      const r = swishP(plain);
      assert(!isShared(r));
      assertSameBits(r, swishS(plain));
      const small = toShared(data(PARALLEL_MIN_SIZE - 1));
      assertSameBits(swishP(small), swishS(small));
      swishP(x, { out: nd.zeros([N]) }); // an out in ordinary memory
      swishP(x, { out: toShared(nd.zeros([N])) }); // a shared out: parallel
      assert.equal(workerInfo().jobs, jobs + 1); // only the last call went to the workers
      const shifted = toShared(x);
      swishP(shifted.slice("0:-1"), { out: shifted.slice("1:") }); // overlapping: serial
      const ref = nd.copy(x);
      swishS(ref.slice("0:-1"), { out: ref.slice("1:") });
      assertSameBits(shifted, ref);
      assert.equal(workerInfo().jobs, jobs + 1);
    });

    await t.step("errors are the serial call's", () => {
      const bad = ufunc((v) => (v as unknown as { a: { b: number } }).a.b, { parallel: true });
      assert(bad.parallel);
      assert.throws(() => bad(x), TypeError);
      assert.throws(() => swishP(x, 1), {
        name: "TypeError",
        message: "ufunc swishFn: expected 1 array argument(s), got 2",
      });
    });

    await t.step("kernels: the same bits as serial", () => {
      const dotFn = (a: V, b: V, out: V) => {
        let s = 0;
        for (let i = 0; i < a.n; i++) s += a.data[a.off + i * a.st] * b.data[b.off + i * b.st];
        out.data[out.off] = s;
      };
      const dotP = kernel(dotFn, { signature: "(n),(n)->()", parallel: true });
      const dotS = kernel(dotFn, { signature: "(n),(n)->()" });
      assert(dotP.parallel && dotP.parallelReason === null);
      const m = toShared(data(1 << 18)).reshape([1 << 14, 16]);
      const v = toShared(data(16));
      const [r, used] = onWorkers(() => dotP(m, v));
      assert(used && isShared(r));
      assertSameBits(r, dotS(m, v));
      const [rt, usedT] = onWorkers(() => dotP(m.reshape([16, 1024, 16]).slice(null, "::-1"), v));
      assert(usedT);
      assertSameBits(rt, dotS(m.reshape([16, 1024, 16]).slice(null, "::-1"), v));
      const mi = toShared(nd.arange(1 << 18).astype("int32")).reshape([1 << 14, 16]);
      const [ri, usedI] = onWorkers(() => dotP(mi, v)); // cast into shared memory
      assert(usedI);
      assertSameBits(ri, dotS(mi, v));
      const out = toShared(nd.zeros([1 << 14]));
      const [ro, usedO] = onWorkers(() => dotP(m, v, { out }));
      assert(usedO && ro === out);
      assertSameBits(out, dotS(m, v));
      const jobs = workerInfo().jobs;
      dotP(nd.copy(m), v); // ordinary memory: serial
      dotP(m, v, { out: nd.zeros([1 << 14]) });
      assert.equal(workerInfo().jobs, jobs);
    });

    await t.step("kernels: closures stay serial; a worker's error is raised", () => {
      const scale = 2;
      const closure = kernel((a: V, o: V) => {
        o.data[o.off] = a.data[a.off] * scale;
      }, { signature: "()->()", parallel: true });
      assert.equal(closure.parallel, false);
      assert.match(closure.parallelReason!, /refers to scale.*workers rebuild/);
      const bad = kernel((a: V, o: V) => {
        if (a.data[a.off] > 5.99) throw new RangeError("too big");
        o.data[o.off] = a.data[a.off];
      }, { signature: "()->()", parallel: true, name: "bad" });
      assert(bad.parallel);
      const y = toShared(nd.linspace(0, 6, { num: N }));
      assert.throws(() => bad(y), { name: "RangeError", message: /too big/ });
    });

    await t.step("an error raised only in a worker names the kernel and the worker", () => {
      // The calling thread (marked on its own Array global; workers have theirs) waits at its
      // first element until a worker has raised at the last one, so only a worker can raise.
      type Marks = { ndTestCaller?: boolean; ndTestAtomics?: typeof Atomics };
      const late = kernel((a: V, flag: V, o: V) => {
        const v = a.data[a.off];
        if (flag.data[flag.off] === 0) {
          const g = Array as unknown as Marks;
          const at = g.ndTestAtomics ??= Array.constructor("return Atomics")() as typeof Atomics;
          const f = new Int32Array(flag.data.buffer, flag.data.byteOffset + flag.off * 8, 1);
          if (g.ndTestCaller) {
            if (at.wait(f, 0, 0, 10000) === "timed-out") at.store(f, 0, 1);
          } else if (v === 524287) { // N - 1 (a kernel for workers has no closures)
            at.store(f, 0, 1);
            at.notify(f, 0);
            throw new RangeError("the last element");
          }
        }
        o.data[o.off] = v;
      }, { signature: "(),()->()", parallel: true, name: "late" });
      assert(late.parallel, late.parallelReason ?? "");
      assert.equal(N - 1, 524287);
      const marks = Array as unknown as Marks;
      marks.ndTestCaller = true;
      try {
        const y = toShared(nd.arange(N, { dtype: "float64" }));
        assert.throws(() => late(y, toShared(nd.zeros([1]))), {
          name: "RangeError",
          message: "kernel late: the last element (in a worker)",
        });
      } finally {
        delete marks.ndTestCaller;
        delete marks.ndTestAtomics;
      }
    });
  } finally {
    await terminateWorkers();
    setNumThreads(threads);
  }
  await t.step("after terminateWorkers a parallel call starts a new pool", async () => {
    assert.equal(workerInfo().workers, 0);
    setNumThreads(2);
    const p = ufunc(swishFn, { parallel: true });
    const x = toShared(data(N));
    assertSameBits(p(x), ufunc(swishFn)(x));
    assert.equal(workerInfo().workers, 1);
    await terminateWorkers();
    setNumThreads(threads);
  });
  await t.step("one thread: serial, no pool", () => {
    setNumThreads(1);
    const jobs = workerInfo().jobs;
    const x = toShared(data(N));
    assertSameBits(ufunc(swishFn, { parallel: true })(x), ufunc(swishFn)(x));
    assert.equal(workerInfo().jobs, jobs);
    assert.equal(workerInfo().workers, 0);
    assert.equal(workerInfo().reason, "one thread: parallel calls run serially");
    setNumThreads(threads);
  });
  await t.step("setNumThreads rejects bad counts", () => {
    for (const n of [0, -1, 1.5, NaN]) {
      assert.throws(() => setNumThreads(n), {
        name: "RangeError",
        message: `setNumThreads: n must be a positive integer, got ${n}`,
      });
    }
  });
});

Deno.test("a script that used the pool exits on its own", async () => {
  const url = (p: string) => new URL(p, import.meta.url).href;
  const script = await Deno.makeTempFile({ suffix: ".ts" });
  await Deno.writeTextFile(
    script,
    `import { ufunc } from "${url("../../src/ufunc/compiled_ufunc.ts")}";
import { setNumThreads, toShared, workerInfo } from "${url("../../src/ufunc/shared.ts")}";
import { linspace } from "${url("../../src/ops/creation.ts")}";
setNumThreads(2);
const f = ufunc((x: number) => x * 2, { parallel: true });
const x = toShared(linspace(0, 1, { num: 1 << 20 }));
f(x);
await new Promise((r) => setTimeout(r, 300)); // let the worker start
f(x);
console.log(workerInfo().workers, f(x).get(1 << 19));
`,
  );
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--no-check", script],
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(60_000),
    }).output();
    const text = new TextDecoder().decode(out.stdout).trim();
    assert(out.success, new TextDecoder().decode(out.stderr));
    assert.equal(text, `1 ${2 * (1 << 19) / ((1 << 20) - 1)}`);
  } finally {
    await Deno.remove(script);
  }
});
