// Differential test of the elementwise loop driver (src/core/_kernel.ts): every way `runLoop`
// can walk an array (plain loop, per-row subarrays, fills of broadcast values, native copies,
// transposed tiles, the odometer over outer dimensions) must store exactly what running the
// same spec on each element alone stores. Kept beside the benchmarks that motivated those
// paths; it runs with `deno test`.
import assert from "node:assert/strict";
import fc from "fast-check";
import { type LoopSpec, type Operand, runLoop } from "../src/core/_kernel.ts";
import { allocate, type DType, DTYPES, type TypedArray } from "../src/core/dtype.ts";

const ALL_DTYPES = Object.keys(DTYPES) as DType[];

function copySpec(d: DType): LoopSpec {
  return {
    key: `test copy:${d}`,
    loopIn: [d],
    loopOut: [d],
    body: DTYPES[d].kind === "c"
      ? (x, r) => `${r[0]}r = ${x[0]}r; ${r[0]}i = ${x[0]}i;`
      : (x, r) => `${r[0]} = ${x[0]};`,
  };
}
const COPY = new Map(ALL_DTYPES.map((d) => [d, copySpec(d)]));
const F64 = ["float64", "float64"] as const;
const ARITH: { spec: LoopSpec; dtypes: DType[] }[] = [
  {
    spec: {
      key: "test exp",
      loopIn: ["float64"],
      loopOut: ["float64"],
      body: (x, r) => `${r[0]} = Math.exp(${x[0]});`,
    },
    dtypes: ["float64", "float32"],
  },
  {
    spec: {
      key: "test add",
      loopIn: F64,
      loopOut: ["float64"],
      body: (x, r) => `${r[0]} = ${x[0]} + ${x[1]};`,
    },
    dtypes: ["float32", "float64", "float64"],
  },
  {
    spec: {
      key: "test greater",
      loopIn: F64,
      loopOut: ["bool"],
      body: (x, r) => `${r[0]} = ${x[0]} > ${x[1]} ? 1 : 0;`,
    },
    dtypes: ["float64", "float64", "bool"],
  },
  {
    spec: {
      key: "test cadd",
      loopIn: ["complex128", "complex128"],
      loopOut: ["complex128"],
      body: (x, r) => `${r[0]}r = ${x[0]}r + ${x[1]}r; ${r[0]}i = ${x[0]}i + ${x[1]}i;`,
    },
    dtypes: ["complex128", "complex64", "complex128"],
  },
];

const SPECIAL = [NaN, Infinity, -Infinity, -0, 0.5, -3.7, 255.5, 65536.25, 2 ** 31 + 0.5, 1e300];
function fill(buf: TypedArray, d: DType, seed: number): void {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < buf.length; i++) {
    const r = next();
    if (DTYPES[d].bigint) buf[i] = BigInt(Math.floor((r - 0.5) * 2 ** 40)) as never;
    else if (d === "bool") buf[i] = r < 0.5 ? 1 : 0;
    else if (r < 0.1) buf[i] = SPECIAL[Math.floor(next() * SPECIAL.length)];
    else buf[i] = (next() - 0.5) * 10 ** Math.floor(next() * 12);
  }
}

interface Layout {
  perm: number[];
  steps: number[];
  bcast: boolean[];
  pad: number;
}
/** An operand of `shape` laid out in its own buffer: permuted axes, steps, broadcasts. */
function operand(d: DType, shape: number[], lay: Layout, seed: number): Operand {
  const nd = shape.length;
  const ext = shape.map((n, i) => (lay.bcast[i] ? 1 : n * Math.abs(lay.steps[i])));
  const dense = new Array<number>(nd).fill(0);
  let size = 1;
  for (let p = nd - 1; p >= 0; p--) {
    const i = lay.perm[p];
    dense[i] = size;
    size *= ext[i];
  }
  let offset = lay.pad;
  const strides = dense.map((s, i) => {
    if (lay.bcast[i]) return 0;
    const t = s * lay.steps[i];
    if (t < 0) offset += s * (ext[i] - 1);
    return t;
  });
  const data = allocate(d, size + lay.pad);
  fill(data, d, seed);
  return { data, dtype: d, offset, strides };
}

/** `runLoop` once per element, on 0-d operands (the simplest path through the driver). */
function reference(spec: LoopSpec, shape: number[], ops: Operand[]): void {
  const total = shape.reduce((a, b) => a * b, 1);
  const idx = new Array<number>(shape.length).fill(0);
  for (let e = 0; e < total; e++) {
    runLoop(
      spec,
      [],
      ops.map((o) => ({
        ...o,
        offset: o.offset + idx.reduce((q, i, d) => q + i * o.strides[d], 0),
        strides: [],
      })),
    );
    for (let d = shape.length - 1; d >= 0 && ++idx[d] === shape[d]; d--) idx[d] = 0;
  }
}

const layout = (nd: number, input: boolean) =>
  fc.record({
    perm: fc.shuffledSubarray([...Array(nd).keys()], { minLength: nd, maxLength: nd }),
    steps: fc.array(fc.constantFrom(1, 1, 1, 2, -1), { minLength: nd, maxLength: nd }),
    bcast: fc.array(input ? fc.boolean() : fc.constant(false), { minLength: nd, maxLength: nd }),
    pad: fc.nat(3),
  });

const shapes = fc.oneof(
  fc.array(fc.constantFrom(1, 2, 3, 5, 70, 600, 1100), { minLength: 1, maxLength: 3 }),
  fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
  fc.constantFrom<number[]>([70, 70], [130, 66], [3, 65, 67], [66, 1, 129]), // tiled when transposed
).filter((s) => s.reduce((a, b) => a * b, 1) <= 20_000);

const cases = shapes.chain((shape) =>
  fc.record({
    shape: fc.constant(shape),
    kind: fc.oneof(
      fc.record({ from: fc.constantFrom(...ALL_DTYPES), to: fc.constantFrom(...ALL_DTYPES) }).map(
        ({ from, to }) => {
          const loop = DTYPES[from].kind === "c" || DTYPES[to].kind !== "c" ? from : to;
          return { spec: COPY.get(loop)!, dtypes: [from, to] };
        },
      ),
      fc.constantFrom(...ARITH),
    ),
    ins: fc.array(layout(shape.length, true), { minLength: 2, maxLength: 2 }),
    allBroadcast: fc.boolean(),
    out: layout(shape.length, false),
    where: fc.option(layout(shape.length, true), { freq: 4 }),
    seed: fc.nat(),
  })
);

Deno.test("runLoop stores what per-element runs store, for every loop variant", () => {
  fc.assert(
    fc.property(cases, ({ shape, kind, ins, allBroadcast, out, where, seed }) => {
      const { spec, dtypes } = kind;
      const nin = spec.loopIn.length;
      const inputs = dtypes.slice(0, nin).map((d, k) => {
        const o = operand(d, shape, ins[k], seed + k);
        return allBroadcast ? { ...o, strides: o.strides.map(() => 0) } : o;
      });
      const dst = operand(dtypes[nin], shape, out, seed + 7);
      const mask = where ? [operand("bool", shape, where, seed + 9)] : [];
      const a = { ...dst, data: dst.data.slice() }, b = { ...dst, data: dst.data.slice() };
      runLoop(spec, shape, [...inputs, a, ...mask]);
      reference(spec, shape, [...inputs, b, ...mask]);
      assert.deepEqual(a.data, b.data);
    }),
    { numRuns: 400, seed: 20261125 },
  );
});
