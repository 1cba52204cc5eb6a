// frompyfunc and vectorize: NumPy's broadcasting and results (fixtures from
// tests/fixtures/fixtures_ufunc_custom.py), the result-type rule, signatures, and every error.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";

const DIR = new URL("../fixtures/ufunc_custom/", import.meta.url).pathname;
const fx = (name: string): nd.NDArray => nd.load(`${DIR}${name}.npy`) as nd.NDArray;
const num = (x: unknown) => x as number;
const arr = (x: unknown) => x as nd.NDArray;

Deno.test("frompyfunc", async (t) => {
  await t.step("matches NumPy: broadcasting and element order, two outputs", () => {
    const f = nd.frompyfunc((x, y) => num(x) * 10 + num(y), { nin: 2 });
    nd.testing.assertArrayEqual(arr(f(fx("a"), fx("b"))), fx("frompy_affine"));
    const g = nd.frompyfunc((x) => [num(x) * 2, num(x) > 0], { nin: 1, nout: 2 });
    const [q, r] = g(fx("b")) as nd.NDArray[];
    nd.testing.assertArrayEqual(q, fx("frompy_two_0"));
    nd.testing.assertArrayEqual(r, fx("frompy_two_1"));
    assert.equal(g.nout, 2);
  });
  await t.step("numeric results: the compiled loop equals the element-by-element path", () => {
    const swish = nd.frompyfunc((x) => num(x) / (1 + Math.exp(-num(x))), { nin: 1 });
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -50, max: 50 }), { minLength: 1, maxLength: 40 }),
        (xs) => {
          const x = nd.array(xs, { dtype: "float64" });
          const want = xs.map((v) => v / (1 + Math.exp(-v)));
          assert.deepEqual(arr(swish(x)).toArray(), want); // contiguous: the compiled loop
          const strided = nd.stack([x, x], { axis: 1 }).slice(null, 0); // a strided view
          assert.deepEqual(arr(swish(strided)).toArray(), want);
          assert.deepEqual(arr(swish(xs)).toArray(), want); // plain JS numbers
        },
      ),
      { numRuns: 100 },
    );
  });
  await t.step("the result-type rule", () => {
    const id = nd.frompyfunc((x) => x, { nin: 1 });
    assert.equal(arr(id([1.5, 2])).dtype, "float64");
    assert.equal(arr(id([true, false])).dtype, "bool");
    assert.equal(arr(id(nd.arange(3))).dtype, "int64"); // int64 elements arrive as bigints
    assert.deepEqual(arr(id(nd.arange(3))).toArray(), [0n, 1n, 2n]);
    assert.equal(arr(id([{ re: 1, im: 2 }])).dtype, "complex128");
    assert.deepEqual(id(["a", "b"]), ["a", "b"]);
    assert.equal(id("x"), "x"); // a 0-d object result is the value itself
    const objs = [{ k: 1 }, { k: 2 }];
    assert.deepEqual(id([objs]), [objs]);
  });
  await t.step("mixed results fall back to JS arrays, calling fn once per element", () => {
    let calls = 0;
    const f = nd.frompyfunc((x) => {
      calls++;
      return num(x) < 2 ? num(x) * 2 : `big ${x}`;
    }, { nin: 1 });
    assert.deepEqual(f(nd.arange(4).astype("float64")), [0, 2, "big 2", "big 3"]);
    assert.equal(calls, 4);
    calls = 0;
    assert.deepEqual(f([[0, 3]]), [[0, "big 3"]]);
    assert.equal(calls, 2);
  });
  await t.step("reduce, accumulate and outer on any values, as on NumPy's object arrays", () => {
    // Expected values: np.frompyfunc(lambda a, b: str(a) + str(b), 2, 1) on object arrays.
    const cat = nd.frompyfunc((a, b) => String(a) + String(b), { nin: 2 });
    const m = [["a", "b"], ["c", "d"]] as unknown as number[][];
    const abc = ["a", "b", "c"] as unknown as number[];
    assert.equal(cat.reduce(abc), "abc");
    assert.equal(cat.reduce([1, 2, 3]), "123"); // numbers in, strings out
    assert.deepEqual(cat.accumulate(abc), ["a", "ab", "abc"]);
    assert.deepEqual(cat.outer(["a", "b"] as unknown as number[], [1, 2]), [["a1", "a2"], [
      "b1",
      "b2",
    ]]);
    assert.deepEqual(cat.reduce(m), ["ac", "bd"]);
    assert.deepEqual(cat.reduce(m, { axis: 1 }), ["ab", "cd"]);
    assert.deepEqual(cat.reduce(m, { axis: 1, keepdims: true }), [["ab"], ["cd"]]);
    assert.deepEqual(cat.accumulate(m, { axis: 1 }), [["a", "ab"], ["c", "cd"]]);
    assert.equal(cat.reduce(["a", "b"] as unknown as number[], { initial: ">" }), ">ab");
    assert.throws(() => cat.reduce([] as number[]), {
      name: "RangeError",
      message: "frompyfunc.reduce: zero-size array to reduction operation which has no identity",
    });
    assert.throws(() => cat.reduce(m, { axis: 2 }), {
      name: "RangeError",
      message: "frompyfunc.reduce: axis 2 is out of bounds for array of dimension 2",
    });
    assert.throws(() => cat.reduce(m, { axis: "x" as unknown as number }), {
      name: "TypeError",
      message: "frompyfunc.reduce: axis must be an integer, got x",
    });
    assert.throws(() => cat.reduce(m, { axis: 1.5 }), {
      name: "TypeError",
      message: "frompyfunc.reduce: axis must be an integer, got 1.5",
    });
    assert.throws(() => cat.reduce(m, { axis: [0, -2] }), {
      name: "RangeError",
      message: "frompyfunc.reduce: duplicate value in axis [0,-2]",
    });
    assert.throws(() => cat.accumulate("a" as unknown as number[]), {
      name: "TypeError",
      message: "frompyfunc.accumulate: cannot accumulate on a scalar",
    });
    // The identity serves empty reductions only (NumPy's object arrays fold from the first).
    const join = nd.frompyfunc((a, b) => `${a}|${b}`, { nin: 2, identity: 0 });
    assert.equal(join.reduce(["x", "y"] as unknown as number[]), "x|y");
    const empty = join.reduce([[], []] as unknown as number[][], { axis: 1 }) as nd.NDArray;
    assert.deepEqual(empty.toArray(), [0, 0]);
  });
  await t.step("metadata", () => {
    function hyp(a: unknown, b: unknown) {
      return Math.hypot(num(a), num(b));
    }
    const f = nd.frompyfunc(hyp, { nin: 2, identity: 0 });
    assert.equal(f.nin, 2);
    assert.equal(f.nout, 1);
    assert.equal(f.identity, 0);
    assert.equal(f.name, "hyp (vectorized)");
    assert.deepEqual(f.types, ["OO->O"]);
  });
  await t.step("errors", () => {
    const f = nd.frompyfunc((x) => x, { nin: 1 });
    const cases: [() => unknown, string, string][] = [
      [
        () => nd.frompyfunc(3 as unknown as () => 0, { nin: 1 }),
        "TypeError",
        "frompyfunc: fn must be a function, got number",
      ],
      [
        () => nd.frompyfunc((x) => x, undefined as unknown as nd.FrompyfuncOpts),
        "TypeError",
        "frompyfunc: options with nin are required, e.g. { nin: 1 }",
      ],
      [
        () => nd.frompyfunc((x) => x, { nin: -1 }),
        "RangeError",
        "frompyfunc: nin must be an integer from 0 to 32, got -1",
      ],
      [
        () => nd.frompyfunc((x) => x, { nin: 1, nout: 0 }),
        "RangeError",
        "frompyfunc: nout must be an integer from 1 to 32, got 0",
      ],
      [() => f(1, 2), "TypeError", "frompyfunc: expected 1 input(s), got 2"],
      [
        () => f(1, { out: nd.zeros([1]) }),
        "TypeError",
        "frompyfunc: out, where and dtype are not supported by frompyfunc ufuncs",
      ],
      [
        () => nd.frompyfunc((x) => x, { nin: 1, nout: 2 })([1]),
        "TypeError",
        "frompyfunc: with nout 2 the function must return an array of 2 values, got number",
      ],
      [
        () => f([[1, 2], [3]]),
        "TypeError",
        "frompyfunc: inputs must not be ragged: expected 2 items",
      ],
      [
        () => f([1, [2]] as unknown as number[]),
        "TypeError",
        "frompyfunc: inputs must not be ragged",
      ],
      [
        () => nd.frompyfunc((x, y) => [x, y], { nin: 2 })([1, 2, 3], [1, 2]),
        "TypeError",
        "broadcast: shapes [3] and [2] are not compatible: dimension 0 has sizes 3 and 2",
      ],
    ];
    for (const [fn, name, message] of cases) assert.throws(fn, { name, message });
  });
});

Deno.test("vectorize", async (t) => {
  await t.step("elementwise: broadcasting, excluded arguments, otypes", () => {
    const lerp = nd.vectorize((a, b, w) => num(a) + (num(b) - num(a)) * num(w), {
      excluded: [2],
    });
    nd.testing.assertAllClose(arr(lerp([0, 10], [[1], [20]], 0.5)), [[0.5, 5.5], [10, 15]]);
    const sign = nd.vectorize((x) => (num(x) > 0 ? 1 : -1), { otypes: ["int8"] });
    const s = arr(sign([-2.5, 3]));
    assert.equal(s.dtype, "int8");
    assert.deepEqual(s.toArray(), [-1, 1]);
    // Without otypes the first result decides, and later ones are cast to it (as NumPy).
    const firstBool = nd.vectorize((x) => (num(x) === 0 ? true : num(x)));
    assert.deepEqual(arr(firstBool([0, 2, 0])).toArray(), [true, true, true]);
    assert.deepEqual(nd.vectorize((x) => `<${x}>`)([1, 2]), ["<1>", "<2>"]);
    const pair = nd.vectorize((x) => [num(x), -num(x)]);
    const [p, m] = pair([1, 2]) as nd.NDArray[];
    assert.deepEqual(m.toArray(), [-1, -2]);
    assert.deepEqual(p.toArray(), [1, 2]);
    const empty = nd.vectorize((x) => x, { otypes: ["float32"] })(nd.zeros([0, 2]));
    assert.deepEqual([arr(empty).shape, arr(empty).dtype], [[0, 2], "float32"]);
  });
  await t.step("signatures match NumPy", () => {
    const m = fx("m"), v = fx("v");
    const dot = nd.vectorize((x, y) => nd.sum(arr(x).mul(arr(y))), {
      signature: "(n),(n)->()",
    });
    nd.testing.assertAllClose(arr(dot(m, v)), fx("vec_dot"), { rtol: 1e-14 });
    const matvec = nd.vectorize((x, y) => nd.matmul(arr(x), arr(y)), {
      signature: "(m,n),(n)->(m)",
    });
    nd.testing.assertAllClose(arr(matvec(m, v)), fx("vec_matvec"), { rtol: 1e-14 });
    const stats = nd.vectorize(
      (x) => [arr(x).sub(nd.mean(arr(x))), nd.std(arr(x))],
      { signature: "(n)->(n),()" },
    );
    const [c, s] = stats(m) as nd.NDArray[];
    nd.testing.assertAllClose(c, fx("vec_stats_0"), { rtol: 1e-13, atol: 1e-15 });
    nd.testing.assertAllClose(s, fx("vec_stats_1"), { rtol: 1e-14 });
    const rep = nd.vectorize((x) => nd.full([3], num(arr(x).item())), {
      signature: "()->(k)",
    });
    nd.testing.assertArrayEqual(arr(rep(fx("b"))), fx("vec_rep")); // a new output dimension
  });
  await t.step("core views are views", () => {
    const seen: nd.NDArray[] = [];
    const f = nd.vectorize((x) => {
      seen.push(arr(x));
      return 0;
    }, { signature: "(n)->()" });
    const a = nd.arange(6).reshape([2, 3]);
    f(a);
    assert.equal(seen.length, 2);
    assert.ok(seen.every((s) => s.base === (a.base ?? a) && s.shape[0] === 3));
  });
  await t.step("errors", () => {
    const dot = nd.vectorize((x) => x, { signature: "(n),(n)->()" });
    const cases: [() => unknown, string, string | RegExp][] = [
      [
        () => nd.vectorize(1 as unknown as () => 0),
        "TypeError",
        "vectorize: fn must be a function, got number",
      ],
      [
        () => nd.vectorize((x) => x, { signature: "(n)->" }),
        "SyntaxError",
        'vectorize: invalid signature "(n)->": no outputs',
      ],
      [
        () => nd.vectorize((x) => x, { signature: "(n,)->()" }),
        "SyntaxError",
        'vectorize: invalid signature "(n,)->()": bad dimension ""',
      ],
      [
        () => nd.vectorize((x) => x, { signature: "(n)" }),
        "SyntaxError",
        'vectorize: invalid signature "(n)": it needs exactly one "->"',
      ],
      [
        () => dot([1, 2], [1, 2, 3]),
        "TypeError",
        "vectorize: inconsistent size for core dimension n: 2 and 3 (input 1, signature (n),(n)->())",
      ],
      [
        () => dot(1, [1]),
        "TypeError",
        "vectorize: input 0 has 0 dimension(s) but the signature (n),(n)->() needs at least 1 " +
        "(core dimensions (n))",
      ],
      [
        () => dot([1]),
        "TypeError",
        "vectorize: signature (n),(n)->() takes 2 input(s), got 1",
      ],
      [
        () => nd.vectorize(() => 0, { signature: "(n)->(n)" })([[1, 2]]),
        "TypeError",
        "vectorize: output 0 has 0 dimension(s), the signature (n)->(n) gives it 1",
      ],
      [
        () => {
          let k = 0;
          return nd.vectorize(() => nd.zeros([++k]), { signature: "(n)->(m)" })([[1], [2]]);
        },
        "TypeError",
        "vectorize: output 0 has shape [2], the signature (n)->(m) needs [1]",
      ],
      [
        () => nd.vectorize((x) => x)([]),
        "TypeError",
        "vectorize: cannot call vectorize on size 0 inputs unless otypes is set",
      ],
      [
        () => nd.vectorize((x) => x, { signature: "()->(k)", otypes: ["float64"] })([]),
        "TypeError",
        /cannot call vectorize with signature \(\)->\(k\) on size 0 inputs/,
      ],
      [
        () => nd.vectorize((x) => x, { otypes: ["float64"], signature: "()->(),()" }),
        "TypeError",
        "vectorize: otypes has 1 entries, the signature ()->(),() has 2 output(s)",
      ],
      [
        () => nd.vectorize((x) => x, { otypes: ["float99" as nd.DType] }),
        "TypeError",
        /vectorize: unknown dtype "float99"/,
      ],
      [
        () => nd.vectorize((x) => x, { excluded: [-1] }),
        "RangeError",
        "vectorize: excluded positions must be non-negative integers, got -1",
      ],
      [
        () => nd.vectorize((x) => (num(x) > 0 ? [x, x] : x))([1, -1]),
        "TypeError",
        "vectorize: expected 2 outputs from the function, got -1",
      ],
      [
        () => nd.vectorize(() => 5, { signature: "()->(),()" })([1]),
        "TypeError",
        "vectorize: expected 2 outputs from the function, got 5",
      ],
      [
        () => nd.vectorize((x) => (num(x) > 0 ? 1 : "s"), { otypes: ["float64"] })([1, -1]),
        "TypeError",
        "vectorize: cannot store the result s in a float64 array",
      ],
    ];
    for (const [f, name, message] of cases) assert.throws(f, { name, message });
  });
});
