import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { DTYPE_NAMES } from "../../src/core/dtype.ts";
import { assertSameArray } from "./_util.ts";

const DTYPES: readonly nd.DType[] = DTYPE_NAMES;

const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 });

/** An array of `dtype` and `shape` with arbitrary elements (NaN, ±0, ±inf, extremes). */
function arrayArb(dtype: nd.DType, shape: number[]): fc.Arbitrary<nd.NDArray> {
  const n = shape.reduce((p, q) => p * q, 1);
  const len = { minLength: n, maxLength: n };
  let vals: fc.Arbitrary<nd.Scalar[]>;
  if (dtype === "int64") {
    vals = fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), len);
  } else if (dtype === "uint64") {
    vals = fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), len);
  } else if (dtype === "bool") {
    vals = fc.array(fc.boolean(), len);
  } else if (dtype.startsWith("complex")) {
    vals = fc.array(fc.record({ re: fc.double(), im: fc.double() }), len);
  } else if (dtype.startsWith("float")) {
    vals = fc.array(fc.double(), len);
  } else {
    vals = fc.array(fc.integer(), len); // wraps into the narrower integer types
  }
  // floats and narrow integers go through float64 and astype (which wraps integers)
  const direct = dtype === "int64" || dtype === "uint64" || dtype === "bool" ||
    dtype.startsWith("complex");
  return vals.map((v) =>
    nd.array(v, { dtype: direct ? dtype : "float64" }).astype(dtype).reshape(shape)
  );
}

const STEPS = [":", "::2", "::-1", "1::2", "::-2", "1:"];

/** A view of `a`: axes permuted, each axis sliced with a step, maybe broadcast. */
function viewArb(a: nd.NDArray): fc.Arbitrary<nd.NDArray> {
  const axes = a.shape.map((_, i) => i);
  return fc.tuple(
    fc.shuffledSubarray(axes, { minLength: axes.length, maxLength: axes.length }),
    fc.array(fc.constantFrom(...STEPS), { minLength: a.ndim, maxLength: a.ndim }),
    fc.integer({ min: 0, max: 2 }),
  ).map(([perm, steps, extra]) => {
    let v = nd.slice(nd.transpose(a, perm), ...steps);
    if (extra > 0) v = nd.broadcastTo(v, [extra, ...v.shape]);
    return v;
  });
}

const caseArb = fc.tuple(fc.constantFrom(...DTYPES), shapeArb)
  .chain(([d, s]) => arrayArb(d, s))
  .chain((a) => fc.oneof(fc.constant(a), viewArb(a)));

Deno.test("fromNpy(toNpy(a)) equals a for any dtype, shape and view", () => {
  fc.assert(
    fc.property(caseArb, (a) => {
      const bytes = nd.toNpy(a);
      const headerLen = bytes.length - a.nbytes;
      assert.equal(headerLen % 64, 0);
      const b = nd.fromNpy(bytes);
      assertSameArray(b, a);
      const fortran = a.size > 0 && !a.flags.cContiguous && a.flags.fContiguous;
      assert.equal(b.flags.fContiguous || !fortran, true);
      assert.equal(b.flags.cContiguous, !fortran);
      // and the bytes are stable: writing the result again gives the same file
      assert.deepEqual(nd.toNpy(b), bytes);
    }),
    { numRuns: 400 },
  );
});

Deno.test("fromNpz(toNpz(arrays)) equals arrays", () => {
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !k.includes("/")),
        caseArb,
        {
          maxKeys: 4,
        },
      ),
      fc.boolean(),
      (rec, compressed) => {
        const back = nd.fromNpz(nd.toNpz(rec, { compressed }));
        assert.deepEqual(Object.keys(back).sort(), Object.keys(rec).sort());
        for (const k of Object.keys(rec)) assertSameArray(back[k], rec[k] as nd.NDArray, k);
      },
    ),
    { numRuns: 100 },
  );
});
