// nd.kernel: core views, signatures with one or several outputs, broadcasting of the outer
// dimensions over many layouts (fast-check, against plain JS and nd expressions), dtypes,
// `out`, and every error.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { DTYPE_NAMES } from "../../src/core/dtype.ts";
import { kernel, type KernelView } from "../../src/ufunc/kernel.ts";

type V = KernelView;

const dot = kernel((x: V, y: V, out: V) => {
  let s = 0;
  for (let i = 0; i < x.n; i++) s += x.data[x.off + i * x.st] * y.data[y.off + i * y.st];
  out.data[out.off] = s;
}, { signature: "(n),(n)->()", name: "dot" });

const matvec = kernel((m: V, v: V, out: V) => {
  for (let i = 0; i < m.n0; i++) {
    let s = 0;
    for (let j = 0; j < m.n1; j++) {
      s += m.data[m.off + i * m.st0 + j * m.st1] * v.data[v.off + j * v.st];
    }
    out.data[out.off + i * out.st] = s;
  }
}, { signature: "(m,n),(n)->(m)" });

/** Plain JS reference: dot products along the last axis of broadcast operands. */
function jsDot(a: nd.NDArray, b: nd.NDArray): number[] {
  const n = a.shape[a.ndim - 1];
  const outer = nd.broadcastShapes(a.shape.slice(0, -1), b.shape.slice(0, -1));
  const A = nd.broadcastTo(a, [...outer, n]).flatten().toArray() as number[];
  const B = nd.broadcastTo(b, [...outer, n]).flatten().toArray() as number[];
  const total = outer.reduce((s, d) => s * d, 1);
  const out: number[] = [];
  for (let p = 0; p < total; p++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += A[p * n + i] * B[p * n + i];
    out.push(s);
  }
  return out;
}

/** Operand variants with the same values and other strides. */
function variants(x: nd.NDArray): nd.NDArray[] {
  const vs = [x];
  if (x.ndim >= 2) vs.push(nd.copy(x.T).T);
  if (x.ndim >= 1) {
    vs.push(nd.copy(x.slice("::-1")).slice("::-1"));
    vs.push(nd.stack([x, x], { axis: -1 }).slice("...", 0));
  }
  return vs;
}

Deno.test("kernel: views", async (t) => {
  await t.step("the fields a kernel receives", () => {
    const seen: Record<string, unknown>[] = [];
    const spy = kernel((a: V, b: V, c: V) => {
      for (const v of [a, b, c]) {
        seen.push({
          n: v.n,
          st: v.st,
          n0: v.n0,
          st0: v.st0,
          n1: v.n1,
          st1: v.st1,
          n2: v.n2,
          st2: v.st2,
          ndim: v.ndim,
          shape: v.shape,
          strides: v.strides,
          off: v.off,
          typed: v.data.constructor.name,
        });
      }
    }, { signature: "(m,n),()->(n)" });
    const a = nd.zeros([2, 3, 4]);
    const r = spy(a.slice(null, null, "::-2"), 5);
    assert.deepEqual(r.shape, [2, 2]);
    assert.equal(seen.length, 6);
    assert.deepEqual(seen[0], {
      n: 3,
      st: 4,
      n0: 3,
      st0: 4,
      n1: 2,
      st1: -2,
      n2: 1,
      st2: 0,
      ndim: 2,
      shape: [3, 2],
      strides: [4, -2],
      off: 3,
      typed: "Float64Array",
    });
    assert.equal(seen[3].off, 15); // the second outer position: 12 elements further
    assert.deepEqual(seen[1], {
      n: 1,
      st: 0,
      n0: 1,
      st0: 0,
      n1: 1,
      st1: 0,
      n2: 1,
      st2: 0,
      ndim: 0,
      shape: [],
      strides: [],
      off: 0,
      typed: "Float64Array",
    });
    assert.equal(seen[4].off, 0); // the broadcast scalar stays put
    assert.deepEqual([seen[2].n, seen[2].st, seen[2].off, seen[5].off], [2, 1, 0, 2]);
  });
  await t.step("three core dimensions and more", () => {
    const sum3 = kernel((a: V, out: V) => {
      let s = 0;
      for (let i = 0; i < a.n0; i++) {
        for (let j = 0; j < a.n1; j++) {
          for (let k = 0; k < a.n2; k++) s += a.data[a.off + i * a.st0 + j * a.st1 + k * a.st2];
        }
      }
      out.data[out.off] = s;
    }, { signature: "(i,j,k)->()" });
    const x = nd.arange(48).reshape([2, 2, 3, 4]).astype("float64");
    nd.testing.assertArrayEqual(sum3(x), nd.sum(x, { axis: [1, 2, 3] }));
    const sum4 = kernel((a: V, out: V) => {
      let s = 0;
      const [n0, n1, n2, n3] = a.shape, [s0, s1, s2, s3] = a.strides;
      for (let i = 0; i < n0; i++) {
        for (let j = 0; j < n1; j++) {
          for (let k = 0; k < n2; k++) {
            for (let l = 0; l < n3; l++) s += a.data[a.off + i * s0 + j * s1 + k * s2 + l * s3];
          }
        }
      }
      out.data[out.off] = s;
    }, { signature: "(a,b,c,d)->()" });
    assert.equal(sum4(x).item(), 47 * 48 / 2);
  });
});

Deno.test("kernel: results", async (t) => {
  await t.step("dot products equal plain JS over shapes, broadcasts and strides", () => {
    const dims = fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 2 });
    fc.assert(
      fc.property(dims, dims, fc.integer({ min: 0, max: 5 }), fc.integer(), (da, db, n, seed) => {
        const rng = nd.random.defaultRng(Math.abs(seed));
        let outer: number[];
        try {
          outer = nd.broadcastShapes(da, db);
        } catch {
          return;
        }
        const a = rng.uniform(-1, 1, { size: [...da, n] });
        const b = rng.uniform(-1, 1, { size: [...db, n] });
        for (const va of variants(a)) {
          for (const vb of variants(b)) {
            const r = dot(va, vb);
            assert.deepEqual(r.shape, outer);
            assert.deepEqual(r.ndim === 0 ? [r.item()] : r.flatten().toArray(), jsDot(a, b));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
  await t.step("matvec is matmul; outer products allocate (n,m) outputs", () => {
    const m = nd.random.defaultRng(3).uniform(-1, 1, { size: [5, 4, 3] });
    const v = nd.random.defaultRng(4).uniform(-1, 1, { size: [3] });
    nd.testing.assertAllClose(matvec(m, v), nd.matmul(m, v), { rtol: 1e-14 });
    nd.testing.assertAllClose(
      matvec(m.slice(null, "::-1"), v),
      nd.matmul(m.slice(null, "::-1"), v),
      {
        rtol: 1e-14,
      },
    );
    const outer = kernel((a: V, b: V, out: V) => {
      for (let i = 0; i < a.n; i++) {
        for (let j = 0; j < b.n; j++) {
          out.data[out.off + i * out.st0 + j * out.st1] = a.data[a.off + i * a.st] *
            b.data[b.off + j * b.st];
        }
      }
    }, { signature: "(n),(m)->(n,m)" });
    nd.testing.assertArrayEqual(
      outer([1, 2], [1, 10, 100]),
      nd.outer([1, 2], [1, 10, 100]).astype("float64"),
    );
  });
  await t.step("several outputs, fixed sizes, scalar cores", () => {
    const minmax = kernel<nd.NDArray[]>((x: V, lo: V, hi: V) => {
      let a = Infinity, b = -Infinity;
      for (let i = 0; i < x.n; i++) {
        const v = x.data[x.off + i * x.st];
        if (v < a) a = v;
        if (v > b) b = v;
      }
      lo.data[lo.off] = a;
      hi.data[hi.off] = b;
    }, { signature: "(n)->(),()" });
    const x = nd.array([[3, 1, 2], [-1, 5, 0]]);
    const [lo, hi] = minmax(x);
    assert.deepEqual(lo.toArray(), [1, -1]);
    assert.deepEqual(hi.toArray(), [3, 5]);
    assert.equal(minmax.nout, 2);
    const cross = kernel((a: V, b: V, c: V) => {
      const A = (i: number) => a.data[a.off + i * a.st],
        B = (i: number) => b.data[b.off + i * b.st];
      c.data[c.off] = A(1) * B(2) - A(2) * B(1);
      c.data[c.off + c.st] = A(2) * B(0) - A(0) * B(2);
      c.data[c.off + 2 * c.st] = A(0) * B(1) - A(1) * B(0);
    }, { signature: "(3),(3)->(3)" });
    assert.deepEqual(cross([[1, 0, 0], [0, 1, 0]], [0, 1, 0]).toArray(), [[0, 0, 1], [0, 0, 0]]);
    const axpy = kernel((a: V, x: V, y: V, out: V) => {
      out.data[out.off] = a.data[a.off] * x.data[x.off] + y.data[y.off];
    }, { signature: "(),(),()->()" });
    assert.deepEqual(axpy(2, [1, 2, 3], [[10], [20]]).toArray(), [[12, 14, 16], [22, 24, 26]]);
  });
  await t.step("empty loops and empty cores", () => {
    assert.deepEqual(dot(nd.zeros([0, 3]), [1, 2, 3]).shape, [0]);
    assert.deepEqual(dot(nd.zeros([2, 0]), nd.zeros([0])).toArray(), [0, 0]);
  });
});

Deno.test("kernel: dtypes and out", async (t) => {
  await t.step("inputs are cast to the kernel dtype; outputs have it", () => {
    const r = dot(nd.arange(6).reshape([2, 3]), nd.array([1, 1, 1], { dtype: "int8" }));
    assert.equal(r.dtype, "float64");
    assert.deepEqual(r.toArray(), [3, 12]);
    assert.equal(dot(nd.ones([2], { dtype: "bool" }), [1, 1]).item(), 2);
    const dot32 = kernel(
      (x: KernelView<"float32">, y: KernelView<"float32">, out: KernelView<"float32">) => {
        let s = 0;
        for (let i = 0; i < x.n; i++) s += x.data[x.off + i * x.st] * y.data[y.off + i * y.st];
        out.data[out.off] = s;
      },
      { signature: "(n),(n)->()", dtype: "float32" },
    );
    const r32 = dot32(nd.array([0.1, 0.2], { dtype: "float32" }), [1, 1]); // float64 → float32: same_kind
    assert.equal(r32.dtype, "float32");
    assert.equal(r32.item(), Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    assert.equal(dot32.dtype, "float32");
    const isum = kernel((x: KernelView<"int32">, out: KernelView<"int32">) => {
      let s = 0;
      for (let i = 0; i < x.n; i++) s = (s + x.data[x.off + i * x.st]) | 0;
      out.data[out.off] = s;
    }, { signature: "(n)->()", dtype: "int32" });
    assert.deepEqual(isum(nd.array([[2147483647, 1]], { dtype: "int32" })).toArray(), [
      -2147483648,
    ]);
    const big = kernel((x: KernelView<"int64">, out: KernelView<"int64">) => {
      out.data[out.off] = x.data[x.off] * 2n;
    }, { signature: "()->()", dtype: "int64" });
    assert.deepEqual(big(nd.array([2n ** 40n], { dtype: "int64" })).toArray(), [2n ** 41n]);
  });
  await t.step(
    "{ out }: written in place, returned; inputs overlapping it are copied first",
    () => {
      const out = nd.full([2], -1, { dtype: "float64" });
      assert.equal(dot([[1, 2], [3, 4]], [1, 1], { out }), out);
      assert.deepEqual(out.toArray(), [3, 7]);
      const shift = kernel((x: V, y: V) => {
        for (let i = 0; i < x.n; i++) {
          y.data[y.off + i * y.st] = x.data[x.off + (x.n - 1 - i) * x.st];
        }
      }, { signature: "(n)->(n)" });
      const a = nd.arange(4).astype("float64");
      shift(a, { out: a }); // reversing in place needs the copy
      assert.deepEqual(a.toArray(), [3, 2, 1, 0]);
      const [p, q] = [nd.zeros([1]), nd.zeros([1])];
      const two = kernel((x: V, lo: V, hi: V) => {
        lo.data[lo.off] = -x.data[x.off];
        hi.data[hi.off] = x.data[x.off];
      }, { signature: "()->(),()" });
      const r = two([4], { out: [p, q] });
      assert(Array.isArray(r) && r[0] === p && r[1] === q);
      assert.deepEqual([p.item(), q.item()], [-4, 4]);
    },
  );
  await t.step("metadata", () => {
    assert.equal(dot.name, "dot");
    assert.equal(dot.signature, "(n),(n)->()");
    assert.equal(dot.nin, 2);
    assert.equal(dot.nout, 1);
    assert.equal(dot.dtype, "float64");
    assert.equal(dot.parallel, false);
    assert.equal(dot.parallelReason, null);
    assert.equal(matvec.name, "anonymous");
  });
});

Deno.test("kernel: errors", async (t) => {
  const one = kernel((x: V, out: V) => {
    out.data[out.off] = x.data[x.off];
  }, { signature: "(3)->()", name: "one" });
  const cases: [() => unknown, string, string][] = [
    [
      () => kernel(3 as unknown as () => void, { signature: "()->()" }),
      "TypeError",
      "kernel: fn must be a function, got number",
    ],
    [
      () => kernel((x: V) => x, undefined as unknown as { signature: string }),
      "TypeError",
      'kernel: a signature is required, e.g. { signature: "(n),(n)->()" }',
    ],
    [
      () => kernel((x: V) => x, { signature: 5 as unknown as string }),
      "TypeError",
      "kernel: signature must be a string, got number",
    ],
    [
      () => kernel((x: V) => x, { signature: "(n)" }),
      "SyntaxError",
      'kernel: invalid signature "(n)": it needs exactly one "->"',
    ],
    [
      () => kernel((x: V, y: V) => [x, y], { signature: "(n)->(p)", name: "k" }),
      "TypeError",
      "kernel k: output core dimension p of signature (n)->(p) does not appear in the inputs: nd sizes the outputs from the inputs",
    ],
    [
      () => kernel((x: V) => x, { signature: "(n),(n)->()", name: "k" }),
      "TypeError",
      "kernel k: fn takes 1 parameter(s) but the signature (n),(n)->() has 3 arguments (2 input(s), then 1 output(s))",
    ],
    [
      () => kernel((x: V) => x, { signature: "()->()", dtype: "complex128" as "float64" }),
      "RangeError",
      "kernel: unsupported dtype complex128: kernels take real dtypes",
    ],
    [
      () => kernel((x: V) => x, { signature: "()->()", dtype: "float128" as "float64" }),
      "TypeError",
      `kernel: unknown dtype "float128": expected one of ${DTYPE_NAMES.join(", ")}`,
    ],
    [
      () => kernel((x: V) => x, { signature: "()->()", name: "" }),
      "TypeError",
      'kernel: name must be a non-empty string on one line, got ""',
    ],
    [
      () => dot([1]),
      "TypeError",
      "kernel dot: expected 2 input(s) for signature (n),(n)->(), got 1",
    ],
    [
      () => dot([1, 2], [1, 2, 3]),
      "TypeError",
      "kernel dot: inconsistent size for core dimension n: 2 and 3 (input 1, signature (n),(n)->())",
    ],
    [
      () => dot(1, [1]),
      "TypeError",
      "kernel dot: input 0 has 0 dimension(s) but the signature (n),(n)->() needs at least 1 (core dimensions (n))",
    ],
    [
      () => one([1, 2]),
      "TypeError",
      "kernel one: input 0 has size 2 where the signature (3)->() fixes 3",
    ],
    [
      () => dot(nd.zeros([2, 3]), nd.zeros([4, 3])),
      "TypeError",
      "kernel dot: cannot broadcast the loop dimensions [2], [4] of the inputs (signature (n),(n)->())",
    ],
    [
      () => dot(nd.zeros([2], { dtype: "complex128" }), [1, 2]),
      "TypeError",
      'kernel dot: cannot cast input 0 from complex128 to float64 with casting rule "same_kind"',
    ],
    [
      () =>
        kernel((x: KernelView<"int32">, o: KernelView<"int32">) => [x, o], {
          signature: "()->()",
          dtype: "int32",
          name: "i",
        })([1.5]),
      "TypeError",
      'kernel i: cannot cast input 0 from float64 to int32 with casting rule "same_kind"',
    ],
    [
      () => dot([1], [1], { out: [nd.zeros([]), nd.zeros([])] }),
      "TypeError",
      "kernel dot: out must be 1 NDArray(s) for signature (n),(n)->()",
    ],
    [
      () => dot([1], [1], { out: [[0]] as unknown as nd.NDArray[] }),
      "TypeError",
      "kernel dot: out[0] must be an NDArray",
    ],
    [
      () => dot([[1]], [1], { out: nd.zeros([2]) }),
      "TypeError",
      "kernel dot: out[0] must have shape [1] and dtype float64, got shape [2] and dtype float64",
    ],
    [
      () => dot([1], [1], { out: nd.zeros([], { dtype: "float32" }) }),
      "TypeError",
      "kernel dot: out[0] must have shape [] and dtype float64, got shape [] and dtype float32",
    ],
    [
      () =>
        dot([1], [1], {
          out: nd.asStrided(nd.zeros([1]), { shape: [], strides: [], writeable: false }),
        }),
      "TypeError",
      "kernel dot: out[0] is read-only",
    ],
  ];
  for (const [f, name, message] of cases) {
    await t.step(message, () => assert.throws(f, { name, message }));
  }
  await t.step("a kernel's own error reaches the caller", () => {
    const bad = kernel((x: V, o: V) => {
      if (x.data[x.off] > 1) throw new RangeError("too big");
      o.data[o.off] = 1;
    }, { signature: "()->()" });
    assert.throws(() => bad([0, 2]), { name: "RangeError", message: "too big" });
  });
});
