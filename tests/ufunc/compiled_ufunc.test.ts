// nd.ufunc: which functions are inlined and which are called, equality with a plain JS loop
// over every real dtype, stride pattern and broadcast (fast-check), with the equivalent nd
// expressions, the loop-dtype rule, the ufunc protocol, and every error.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { DTYPE_NAMES, DTYPES } from "../../src/core/dtype.ts";
import { ufunc } from "../../src/ufunc/compiled_ufunc.ts";

type Fn = (...xs: number[]) => number | boolean;
const REAL = DTYPE_NAMES.filter((d) => DTYPES[d].kind !== "c");

/** The loop dtype of the default rule for inputs promoting to `common`. */
const loopOf = (common: nd.DType): nd.DType =>
  common === "float32" || common === "float16" ? "float32" : "float64";

/** Flat C-order numbers of an array (bool and bigint elements as numbers). */
const flat = (a: nd.NDArray): number[] =>
  (a.ndim === 0 ? [a.item()] : a.flatten().toArray() as unknown[]).map((v) => Number(v));

/** The oracle: `fn` in a plain JS loop over the broadcast inputs, stored as `loop`. */
function jsLoop(fn: Fn, ins: nd.NDArray[], loop: nd.DType): number[] {
  const bs = nd.broadcastArrays(...ins);
  const cols = bs.map(flat);
  const store = loop === "float32" ? Math.fround : loop === "float16" ? Math.f16round : Number;
  const n = cols[0].length;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const args = cols.map((c) => (loop === "float32" ? Math.fround(c[i]) : c[i]));
    out.push(store(fn(...args) as number));
  }
  return out;
}

/** Exact equality of two number lists (NaN equals NaN, -0 differs from 0). */
function assertSame(actual: number[], expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      assert.fail(`${what}: element ${i} is ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

// ---- arrays in many layouts ----

const dtypeArb = fc.constantFrom(...REAL);
const shapeArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 3 });
const layoutArb = fc.constantFrom("c", "T", "flip", "strided", "bcast");
const valuesArb = (n: number) =>
  fc.array(
    fc.oneof(
      fc.double(),
      fc.constantFrom(0, -0, 1, -1, 1.5, -2.5, NaN, Infinity, -Infinity, 127, 128, 255, 256),
    ),
    { minLength: n, maxLength: n },
  );

/** An array of `shape` and `dtype` with the given layout: its strides differ, not its values. */
function layout(vals: number[], shape: number[], dtype: nd.DType, how: string): nd.NDArray {
  const x = nd.array(vals, { dtype: "float64" }).reshape(shape).astype(dtype);
  if (shape.length === 0) return x;
  switch (how) {
    case "T": // a transposed copy viewed back: strides reversed
      return nd.copy(x.T).T;
    case "flip": // negative stride on axis 0
      return nd.copy(x.slice("::-1")).slice("::-1");
    case "strided": // every other element of a twice larger array
      return nd.stack([x, x], { axis: -1 }).slice("...", 0);
    case "bcast": // stride 0 on axis 0
      return shape[0] === 1 ? nd.broadcastTo(x.slice("0:1"), shape) : x;
    default:
      return x;
  }
}

const arrayArb = fc.tuple(shapeArb, dtypeArb, layoutArb).chain(([shape, dtype, how]) =>
  valuesArb(shape.reduce((a, b) => a * b, 1)).map((vals) => layout(vals, shape, dtype, how))
);

// ---- functions ----

const k = 3;
const FNS: { name: string; fn: Fn; nin: number; inlined: boolean }[] = [
  { name: "swish", fn: (x) => x / (1 + Math.exp(-x)), nin: 1, inlined: true },
  { name: "clip", fn: (x) => (x < -1 ? -1 : x > 1 ? 1 : x), nin: 1, inlined: true },
  { name: "relu", fn: (x) => (x > 0 ? x : 0), nin: 1, inlined: true },
  { name: "sign3", fn: (x) => (x < 0 ? -1 : x > 0 ? 1 : x === 0 ? 0 : NaN), nin: 1, inlined: true },
  {
    name: "block",
    fn: (x, y) => {
      const d = x - y;
      // deno-lint-ignore prefer-const
      let e = d * d; // a `let` local
      return e + Math.sqrt(Math.abs(y)) - Math.PI;
    },
    nin: 2,
    inlined: true,
  },
  { name: "bits", fn: (x, y) => (x | 0) ^ ((y >>> 1) & 255), nin: 2, inlined: true },
  { name: "logic", fn: (x, y) => x > y && y > 0, nin: 2, inlined: true },
  { name: "pow", fn: (x, y) => (-x) ** 2 + 2 ** -y, nin: 2, inlined: true },
  { name: "closure", fn: (x, y) => k * x + y, nin: 2, inlined: false },
  {
    name: "function",
    fn: function (x: number, y: number) {
      if (x > y) return x;
      return Number.isNaN(y) ? -0 : y;
    },
    nin: 2,
    inlined: false,
  },
];

Deno.test("ufunc: inlined or called", async (t) => {
  await t.step("the functions above", () => {
    for (const f of FNS) {
      const u = ufunc(f.fn, { name: f.name });
      assert.equal(u.inlined, f.inlined, f.name);
      assert.equal(u.inlineReason === null, f.inlined, f.name);
      assert.equal(u.nin, f.nin);
      assert.equal(u.name, f.name);
      assert.equal(u.ufuncName, f.name);
    }
  });
  await t.step("the reasons it gives", () => {
    const m = 2;
    const cases: [Fn, RegExp][] = [
      [(x) => x * m, /refers to m, a variable outside the function \(a closure\)/],
      [function (x: number) {
        return x;
      }, /function expression, not an arrow/],
      [(x, y = 2) => x + y, /default parameter values/],
      [(...xs) => xs[0], /rest or destructured parameters/],
      [(x) => {
        if (x > 0) return x;
        return 0;
      }, /statement other than const\/let declarations and a final return/],
      [(x) => Number(String(x)), /refers to String/],
      [(x) => ((x as unknown as string) + "a") as unknown as number, /string literal/],
      [(x) => [x][0], /"\["/],
      [(x) => (x as unknown as { a?: number })?.a ?? 0, /optional chaining/],
      [(x) => ((y: number) => y)(x), /nested function/],
      [(x) => {
        let y = x;
        y += 1;
        return y;
      }, /statement other than/],
      [(x) => typeof x === "number" ? 1 : 0, /uses "typeof"/],
      [(x) => `${x}`.length, /template literal/],
      [(x) => (/a/.test(String(x)) ? 1 : 0), /regular expression literal/],
      [(x) => new Number(x).valueOf(), /uses "new"/],
      [Math.exp, /function expression|native|not an arrow/],
      [((x: number) => x).bind(null), /not an arrow|function expression/],
      [
        {
          f(x: number) {
            return x;
          },
        }.f,
        /it is a method, not an arrow/,
      ],
      [async function (x: number) {
        return await x;
      } as unknown as Fn, /async/],
    ];
    for (const [fn, re] of cases) {
      const u = ufunc(fn, { nin: 1 });
      assert.equal(u.inlined, false, String(fn));
      assert.match(u.inlineReason!, re, String(fn));
    }
  });
  await t.step("the parser's exact reasons (sources built with new Function, sloppy mode)", () => {
    // The parser's refusals are caught and become inlineReason: the message is what users see.
    const cases: [string, string][] = [
      ["(arguments) => arguments", '"arguments" is not a plain identifier'],
      ["(yield) => yield", '"yield" is not a plain identifier'],
      ["(x) => (x = 2)", 'it assigns with "="'],
      ["(x) => x += 1", 'it assigns with "+="'],
      ["(x) => ++x", 'it assigns with "++"'],
      ["(x) => x--", 'it assigns with "--"'],
      ["(x) => (x in Math ? 1 : 0)", 'it uses the "in" operator'],
      ["(x) => x instanceof Number ? 1 : 0", 'it uses the "instanceof" operator'],
      ["(x) => Math.max(...[x])", "it spreads arguments"],
      ["(x) => x[0]", "it indexes with []"],
      ["(x) => { const [a] = [x]; return a }", "it destructures"],
      ["(x) => { const { a } = x; return a }", "it destructures"],
      ["(x) => { let y; return x }", "the local y has no initializer"],
      ["(x) => { return; }", "it returns nothing"],
      ["(x) => { return x; const y = 1 }", 'expected "}" at "const"'],
    ];
    for (const [src, reason] of cases) {
      const u = ufunc(new Function(`return ${src}`)() as Fn, { nin: 1 });
      assert.equal(u.inlined, false, src);
      assert.equal(u.inlineReason, reason, src);
    }
    const getter = Object.getOwnPropertyDescriptor({
      get a() {
        return 1;
      },
    }, "a")!.get!;
    for (const fn of [class {}, getter]) {
      const u = ufunc(fn as unknown as Fn, { nin: 1 });
      assert.equal(u.inlineReason, "it is not an arrow function", String(fn));
    }
  });
  await t.step("comments, odd spacing, shadowed names and generated-name clashes", () => {
    const cases: [Fn, number[], number][] = [
      [
        (x) =>
          /* a comment */ x + // and another
            1,
        [1],
        2,
      ],
      [(x0, r0) => x0 - r0, [5, 3], 2], // parameters named like the loop's variables
      [(Math) => Math * 2, [4], 8], // a parameter shadowing a global
      [
        (x) => {
          // deno-lint-ignore no-shadow-restricted-names
          const NaN = 1;
          return x + NaN;
        },
        [1],
        2,
      ], // a local shadowing a global (also in a select's leaves)
      [
        (x) => {
          // deno-lint-ignore no-shadow-restricted-names
          const Infinity = 5;
          return x < 0 ? Infinity : x;
        },
        [-1],
        5,
      ],
      [(x) => (1).toFixed.length + x, [0], 1],
      [(x) => x ? 2 : 3, [0], 3],
      [new Function("return (x, y) => (x, y)")() as Fn, [1, 2], 2], // a comma expression
      [(a, b) => a ?? b, [1, 2], 1],
    ];
    for (const [fn, args, want] of cases) {
      const u = ufunc(fn, { nin: args.length });
      assert(u.inlined, `${fn}: ${u.inlineReason}`);
      assert.equal(u(...args).item(), want, String(fn));
    }
  });
  await t.step("extra parameters are undefined, extra inputs unused (both paths)", () => {
    const a = ufunc((x, y) => (y === undefined ? x * 10 : -1), { nin: 1 });
    assert(a.inlined);
    assert.equal(a(2).item(), 20);
    const b = ufunc((x) => x, { nin: 2 });
    assert.equal(b(2, 3).item(), 2);
  });
});

Deno.test("ufunc: values equal a plain JS loop", async (t) => {
  for (const f of FNS) {
    await t.step(`${f.name} (${f.inlined ? "inlined" : "called"})`, () => {
      const u = ufunc(f.fn, { name: f.name });
      const arb = f.nin === 1 ? fc.tuple(arrayArb) : fc.tuple(arrayArb, arrayArb).filter(
        ([a, b]) => {
          try {
            nd.broadcastShapes(a.shape, b.shape);
            return true;
          } catch {
            return false;
          }
        },
      );
      fc.assert(
        fc.property(arb, (ins) => {
          const r = u(...ins);
          const loop = loopOf(nd.resultType(...ins.map((a) => a.dtype)));
          assert.equal(r.dtype, loop);
          assertSame(flat(r), jsLoop(f.fn, ins, loop), `${f.name} on ${ins.map(String)}`);
        }),
        { numRuns: 150 },
      );
    });
  }
  await t.step("inlined and called loops agree bit for bit", () => {
    const inl = ufunc((x) => (x < -1 ? -1 : x > 1 ? 1 : x));
    const off = -0; // x + -0 is x, signed zeros included
    const call = ufunc((x) => (x < -1 ? -1 : x > 1 ? 1 : x + off));
    assert(inl.inlined && !call.inlined);
    fc.assert(
      fc.property(arrayArb, (a) => assertSame(flat(inl(a)), flat(call(a)), String(a))),
      { numRuns: 100 },
    );
  });
  await t.step("long rows, transposed tiles and 4-d odometers", () => {
    const swish = ufunc((x) => x / (1 + Math.exp(-x)));
    const base = nd.random.defaultRng(5).uniform(-5, 5, { size: [70, 90] });
    for (const x of [base, base.T, base.slice("::-1", "::3"), base.reshape([2, 5, 7, 90])]) {
      assertSame(flat(swish(x)), jsLoop((v) => v / (1 + Math.exp(-v)), [x], "float64"), "rows");
    }
    const long = nd.random.defaultRng(6).uniform(-5, 5, { size: [3, 5000] });
    assertSame(flat(swish(long)), jsLoop((v) => v / (1 + Math.exp(-v)), [long], "float64"), "long");
  });
});

Deno.test("ufunc: the equivalent nd expressions", async (t) => {
  const x = nd.random.defaultRng(1).uniform(-4, 4, { size: [50, 40] });
  const y = nd.random.defaultRng(2).uniform(-4, 4, { size: [40] });
  await t.step("swish", () => {
    const swish = ufunc((v) => v / (1 + Math.exp(-v)));
    nd.testing.assertAllClose(swish(x), nd.divide(x, nd.add(1, nd.exp(nd.negative(x)))), {
      rtol: 1e-14,
    });
  });
  await t.step("clip is nd.clip, relu is maximum(x, 0)", () => {
    const clip = ufunc((v) => (v < -1 ? -1 : v > 1 ? 1 : v));
    nd.testing.assertArrayEqual(clip(x), nd.clip(x, -1, 1));
    const relu = ufunc((v) => (v > 0 ? v : 0));
    nd.testing.assertArrayEqual(relu(x), nd.maximum(x, 0));
  });
  await t.step("a two-input body with broadcasting", () => {
    const f = ufunc((a, b) => {
      const d = a - b;
      return d * d;
    });
    nd.testing.assertAllClose(f(x, y), nd.square(nd.subtract(x, y)), { rtol: 0 });
  });
  await t.step("three inputs (the generic path)", () => {
    const fma = ufunc((a, b, c) => a * b + c);
    assert(fma.inlined);
    assert.deepEqual(fma.types, ["fff->f", "ddd->d"]);
    nd.testing.assertAllClose(fma(x, y, 2), nd.add(nd.multiply(x, y), 2), { rtol: 0 });
    const s = ufunc((a, b, c, d) => a + b + c + d);
    assert.deepEqual(s([1, 2], 10, [[100], [200]], 1000).toArray(), [
      [1111, 1112],
      [1211, 1212],
    ]);
  });
});

Deno.test("ufunc: fastmath", () => {
  const x = nd.random.defaultRng(3).uniform(-700, 700, { size: 2000 });
  const e = ufunc((v) => Math.exp(v), { fastmath: true });
  assert(e.inlined);
  nd.testing.assertArrayEqual(e(x), nd.exp(x)); // nd's own exp
  const exact = ufunc((v) => v / (1 + Math.exp(-v)));
  const fast = ufunc((v) => v / (1 + Math.exp(-v)), { fastmath: true });
  const a = exact(x), b = fast(x);
  nd.testing.assertAllClose(b, a, { rtol: 4.5e-16, atol: 0 });
  assert(flat(a).some((v, i) => !Object.is(v, flat(b)[i])), "the two do not share loops");
  const m = 1; // a closure is called, so fastmath changes nothing
  const called = ufunc((v) => Math.exp(v) * m, { fastmath: true });
  assertSame(flat(called(x)), flat(x).map((v) => Math.exp(v)), "called");
  const shadow = ufunc(
    new Function("return (Math) => Math.exp(1)")() as Fn,
    { fastmath: true, nin: 1 },
  );
  assert(shadow.inlined); // a parameter named Math is not the global: no substitution
  assert.throws(() => shadow([1]), TypeError);
});

Deno.test("ufunc: loop dtypes", async (t) => {
  const id = ufunc((x) => x);
  const sum = ufunc((a, b) => a + b);
  const sum3 = ufunc((a, b, c) => a + b + c);
  await t.step("the default rule: float32 for float32/float16, float64 otherwise", () => {
    const cases: [nd.DType, nd.DType][] = [
      ["float64", "float64"],
      ["float32", "float32"],
      ["float16", "float32"],
      ["int8", "float64"],
      ["uint8", "float64"],
      ["int32", "float64"],
      ["int64", "float64"],
      ["uint64", "float64"],
      ["bool", "float64"],
    ];
    for (const [d, want] of cases) {
      assert.equal(id(nd.ones([2], { dtype: d })).dtype, want, d);
      assert.equal(sum3(nd.ones([2], { dtype: d }), 1, 2).dtype, want, d);
    }
    assert.equal(
      sum(nd.ones([2], { dtype: "float32" }), nd.ones([2], { dtype: "int8" })).dtype,
      "float32",
    );
    assert.equal(
      sum(nd.ones([2], { dtype: "float32" }), nd.ones([2], { dtype: "int32" })).dtype,
      "float64",
    );
    assert.equal(sum(nd.ones([2], { dtype: "float32" }), 2.5).dtype, "float32"); // weak scalar
    assert.equal(sum(1, 2).dtype, "float64");
    assert.deepEqual(id.types, ["f->f", "d->d"]);
  });
  await t.step("float32 loops store float32 values; int64 inputs are read as numbers", () => {
    const third = ufunc((x) => x / 3);
    assert.equal(third(nd.array([1], { dtype: "float32" })).item(), Math.fround(1 / 3));
    assert.equal(third(nd.array([2n ** 60n], { dtype: "int64" })).item(), 2 ** 60 / 3);
  });
  await t.step("a fixed dtype", () => {
    const half = ufunc((x) => x / 2, { dtype: "int32" });
    assert.deepEqual(half.types, ["i->i"]);
    const r = half(nd.array([5, -5, 7], { dtype: "int8" }));
    assert.equal(r.dtype, "int32");
    assert.deepEqual(r.toArray(), [2, -2, 3]); // stored as int32: truncated
    const wrap = ufunc((x) => x + 1, { dtype: "uint8" });
    assert.deepEqual(wrap(nd.array([255, 1], { dtype: "uint8" })).toArray(), [0, 2]);
    const f32 = ufunc((x) => x / 3, { dtype: "float32" });
    assert.equal(f32([1]).dtype, "float32"); // float64 input: same_kind cast
    const f16 = ufunc((x, y, z) => x + y + z, { dtype: "float16" });
    assert.equal(
      f16(0.1, 0.2, 0.3).item(),
      Math.f16round(Math.f16round(0.1) + Math.f16round(0.2) + Math.f16round(0.3)),
    );
  });
  await t.step("{ dtype } and { out } at call time", () => {
    const sq = ufunc((x) => x * x);
    assert.equal(sq([1.5], { dtype: "float32" }).dtype, "float32");
    const out = nd.zeros([3], { dtype: "float32" });
    assert.equal(sq([1, 2, 3], { out }), out);
    assert.deepEqual(out.toArray(), [1, 4, 9]);
    const o3 = nd.zeros([2], { dtype: "float32" });
    assert.equal(sum3([1, 2], 3, 4, { out: o3 }), o3);
    assert.deepEqual(o3.toArray(), [8, 9]);
    assert.equal(sum3([1.5], 0, 0, { dtype: "float32" }).dtype, "float32");
  });
  await t.step("{ where } keeps out's other elements", () => {
    const neg = ufunc((x) => -x);
    const out = nd.full([4], 9, { dtype: "float64" });
    neg([1, 2, 3, 4], { out, where: [true, false, true, false] });
    assert.deepEqual(out.toArray(), [-1, 9, -3, 9]);
    const o3 = nd.full([3], 7, { dtype: "float64" });
    sum3([1, 2, 3], 10, 100, { out: o3, where: [false, true, false] });
    assert.deepEqual(o3.toArray(), [7, 112, 7]);
    const o32 = nd.full([2], 7, { dtype: "float32" });
    ufunc((a, b, c) => a + b + c, { dtype: "int16" })([1, 2], 3, 4, {
      out: o32,
      where: [true, false],
    });
    assert.deepEqual(o32.toArray(), [8, 7]);
  });
  await t.step("in place: out is an input, or overlaps one", () => {
    const inc = ufunc((x) => x + 1);
    const a = nd.arange(5).astype("float64");
    inc(a, { out: a });
    assert.deepEqual(a.toArray(), [1, 2, 3, 4, 5]);
    const b = nd.arange(5).astype("float64");
    const plus3 = ufunc((x, y, z) => x + y + z);
    plus3(b.slice("0:4"), 0, 0, { out: b.slice("1:5") }); // shifted overlap: read before write
    assert.deepEqual(b.toArray(), [0, 0, 1, 2, 3]);
  });
});

Deno.test("ufunc: the ufunc protocol", async (t) => {
  const x = nd.arange(12).reshape([3, 4]).astype("float64");
  for (const parallel of [false, true]) {
    const add = ufunc((a, b) => a + b, { identity: 0, name: "my_add", parallel });
    await t.step(`metadata${parallel ? " (parallel)" : ""}`, () => {
      assert.equal(add.identity, 0);
      assert.equal(add.nout, 1);
      assert.equal(ufunc((a) => a, { parallel }).identity, null);
    });
    await t.step(`reduce, accumulate, reduceat, outer, at${parallel ? " (parallel)" : ""}`, () => {
      nd.testing.assertArrayEqual(add.reduce(x), nd.add.reduce(x));
      nd.testing.assertArrayEqual(add.reduce(x, { axis: 1 }), nd.add.reduce(x, { axis: 1 }));
      nd.testing.assertArrayEqual(add.accumulate(x), nd.add.accumulate(x));
      nd.testing.assertArrayEqual(
        add.reduceat(x, [0, 2, 1], { axis: 1 }),
        nd.add.reduceat(x, [0, 2, 1], { axis: 1 }),
      );
      nd.testing.assertArrayEqual(
        add.outer([1, 2], [10, 20, 30]),
        nd.add.outer([1, 2], [10, 20, 30]).astype("float64"),
      );
      const y = nd.zeros([4]);
      add.at(y, [0, 0, 2], 1);
      assert.deepEqual(y.toArray(), [2, 0, 1, 0]);
      assert.equal(add.reduce(nd.zeros([0])).item(), 0); // the identity
      const k = 1; // a called (not inlined) body reduces the same way
      const addK = ufunc((a, b) => a + b * k, { identity: 0, parallel });
      nd.testing.assertArrayEqual(
        addK.accumulate(x, { axis: 1 }),
        nd.add.accumulate(x, { axis: 1 }),
      );
    });
  }
});

Deno.test("ufunc: names and the loop cache", () => {
  const s = "(x) => x + 1";
  const f = ufunc(new Function(`return ${s}`)() as Fn, { name: "inc" });
  const g = ufunc(new Function(`return ${s}`)() as Fn, { name: "inc" }); // same source: same loops
  const h = ufunc((x) => x + 2, { name: "inc" }); // same name, other source: numbered
  assert.equal(f([1]).item(), 2);
  assert.equal(g([1]).item(), 2);
  assert.equal(h([1]).item(), 3);
  assert.throws(() => g(1, 2), { name: "TypeError", message: /^ufunc inc: / });
  assert.throws(() => h(1, 2), { name: "TypeError", message: /^ufunc inc#\d+: / });
  // A user ufunc named like a built-in never takes the built-in's loops.
  const add = ufunc((a, b) => a - b, { name: "add" });
  assert.equal(add(5, 3).item(), 2);
  assert.equal(nd.add(5, 3).item(), 8n);
  assert.equal(ufunc((x) => x).name, "anonymous");
  function named(x: number) {
    return x;
  }
  assert.equal(ufunc(named).name, "named");
});

Deno.test("ufunc: errors", async (t) => {
  const f1 = ufunc((x) => x, { name: "f1" });
  const f3 = ufunc((a, b, c) => a + b + c, { name: "f3" });
  const i8 = ufunc((a, b, c) => a + b + c, { name: "i8", dtype: "int8" });
  const cases: [() => unknown, string, string][] = [
    [() => ufunc(3 as unknown as Fn), "TypeError", "ufunc: fn must be a function, got number"],
    [() => ufunc(null as unknown as Fn), "TypeError", "ufunc: fn must be a function, got null"],
    [
      () => ufunc(() => 1),
      "RangeError",
      "ufunc: nin must be an integer from 1 to 32, got 0 (fn declares 0 parameters): pass { nin }",
    ],
    [
      () => ufunc((x) => x, { nin: 1.5 }),
      "RangeError",
      "ufunc: nin must be an integer from 1 to 32, got 1.5",
    ],
    [
      () => ufunc((x) => x, { nin: 33 }),
      "RangeError",
      "ufunc: nin must be an integer from 1 to 32, got 33",
    ],
    [
      () => ufunc((x) => x, { dtype: "complex128" as "float64" }),
      "RangeError",
      "ufunc: unsupported loop dtype complex128: expected one of float64, float32, float16, int32, int16, int8, uint32, uint16, uint8",
    ],
    [
      () => ufunc((x) => x, { dtype: "int64" as "float64" }),
      "RangeError",
      "ufunc: unsupported loop dtype int64: expected one of float64, float32, float16, int32, int16, int8, uint32, uint16, uint8",
    ],
    [
      () => ufunc((x) => x, { dtype: "float128" as "float64" }),
      "TypeError",
      `ufunc: unknown dtype "float128": expected one of ${DTYPE_NAMES.join(", ")}`,
    ],
    [
      () => ufunc((x) => x, { identity: "0" as unknown as number }),
      "TypeError",
      "ufunc: identity must be a number or null, got string",
    ],
    [
      () => ufunc((x) => x, { name: "" }),
      "TypeError",
      'ufunc: name must be a non-empty string on one line, got ""',
    ],
    [
      () => ufunc((x) => x, { name: "a\nb" }),
      "TypeError",
      'ufunc: name must be a non-empty string on one line, got "a\\nb"',
    ],
    [() => f1(1, 2), "TypeError", "ufunc f1: expected 1 array argument(s), got 2"],
    [
      () => f1(nd.zeros([2], { dtype: "complex128" })),
      "TypeError",
      "ufunc f1: complex inputs (complex128) are not supported: the function runs on real numbers",
    ],
    [
      () => f1({ re: 1, im: 2 }),
      "TypeError",
      "ufunc f1: complex inputs (complex128) are not supported: the function runs on real numbers",
    ],
    [
      () => ufunc((x) => x, { name: "int", dtype: "int32" })([1.5]),
      "TypeError",
      'ufunc int: cannot cast an input from float64 to the loop dtype int32 with casting rule "same_kind"',
    ],
    [
      () => f1([1], { dtype: "int8" }),
      "TypeError",
      "ufunc f1: no loop produces dtype int8: loops are float32, float64",
    ],
    [
      () => f1(nd.zeros([2]), { out: nd.zeros([1]) }),
      "TypeError",
      "ufunc f1: non-broadcastable output operand with shape [1] doesn't match the broadcast shape [2]",
    ],
    [() => f3(1, 2), "TypeError", "ufunc f3: expected 3 array argument(s), got 2"],
    [
      () => f3(1, 2, 3, { casting: "bogus" as "safe" }),
      "RangeError",
      'ufunc f3: casting must be one of "no", "equiv", "safe", "same_kind", "unsafe", got "bogus"',
    ],
    [
      () => f3([1], 2, { re: 1, im: 0 }),
      "TypeError",
      "ufunc f3: complex inputs (complex128) are not supported: the function runs on real numbers",
    ],
    [
      () => i8([1.5], 1, 1),
      "TypeError",
      'ufunc i8: cannot cast an input from float64 to the loop dtype int8 with casting rule "same_kind"',
    ],
    [
      () => i8(nd.ones([1], { dtype: "int8" }), 300, 1),
      "RangeError",
      "ufunc i8: JS integer 300 is out of bounds for int8",
    ],
    [
      () => f3([1], 2, 3, { dtype: "int8" }),
      "TypeError",
      "ufunc f3: no loop produces dtype int8: loops are float32, float64",
    ],
    [
      () => f3([1.5], 2, 3, { dtype: "float32", casting: "safe" }),
      "TypeError",
      'ufunc f3: cannot cast input 0 from float64 to float32 with casting rule "safe"',
    ],
    [
      () => f3([1], 2, 3, { out: [0] as unknown as nd.NDArray }),
      "TypeError",
      "ufunc f3: out must be an NDArray",
    ],
    [
      () => f3([1, 2], 2, 3, { out: nd.zeros([1]) }),
      "TypeError",
      "ufunc f3: non-broadcastable output operand with shape [1] doesn't match the broadcast shape [2]",
    ],
    [
      () => f3([1], 2, 3, { out: nd.zeros([1], { dtype: "int32" }) }),
      "TypeError",
      'ufunc f3: cannot cast output from float64 to int32 with casting rule "same_kind"',
    ],
    [
      () =>
        f3([1], 2, 3, {
          out: nd.asStrided(nd.zeros([1]), { shape: [1], strides: [1], writeable: false }),
        }),
      "TypeError",
      "ufunc f3: output array is read-only",
    ],
  ];
  for (const [f, name, message] of cases) {
    await t.step(message, () => assert.throws(f, { name, message }));
  }
  await t.step("a failing function's error reaches the caller", () => {
    const bad = ufunc((x) => (x as unknown as { a: { b: number } }).a.b);
    assert(bad.inlined);
    assert.throws(() => bad([1]), TypeError);
  });
});
