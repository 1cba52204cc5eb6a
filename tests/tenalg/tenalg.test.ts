// nd.tenalg against TensorLy's definitions (written out in NumPy: tests/fixtures/fixtures_tenalg.py),
// properties, and every error path.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";

const DIR = new URL("../fixtures/tenalg/", import.meta.url).pathname;
const fx = (name: string): nd.NDArray => nd.load(`${DIR}${name}.npy`) as nd.NDArray;
const T = nd.tenalg;

Deno.test("tenalg matches TensorLy's definitions", async (t) => {
  const x = fx("t");
  const factors = [0, 1, 2, 3].map((k) => fx(`factor_${k}`));
  const weights = fx("weights");
  await t.step("unfold and fold", () => {
    for (let m = 0; m < 4; m++) {
      nd.testing.assertArrayEqual(T.unfold(x, m), fx(`unfold_${m}`));
      nd.testing.assertArrayEqual(T.fold(fx(`unfold_${m}`), m, x.shape), x);
    }
    nd.testing.assertArrayEqual(T.unfold(x, -1), fx("unfold_3"));
  });
  await t.step("mode products with a matrix and a vector", () => {
    nd.testing.assertAllClose(T.modeDot(x, fx("m"), 2), fx("mode_dot_2"), {
      rtol: 1e-13,
      atol: 1e-14,
    });
    nd.testing.assertAllClose(T.modeDot(x, fx("m").T, 2, { transpose: true }), fx("mode_dot_2"), {
      rtol: 1e-13,
      atol: 1e-14,
    });
    nd.testing.assertAllClose(T.modeDot(x, fx("v"), 1), fx("mode_dot_vec_1"), {
      rtol: 1e-13,
      atol: 1e-14,
    });
    // multiModeDot with a vector first: later modes shift down.
    const r = T.multiModeDot(x, [fx("v"), fx("m")], { modes: [1, 2] });
    nd.testing.assertAllClose(r, T.modeDot(fx("mode_dot_vec_1"), fx("m"), 1), {
      rtol: 1e-13,
      atol: 1e-14,
    });
    const skip = T.multiModeDot(x, [fx("v"), fx("m")], { modes: [1, 2], skip: 0 });
    nd.testing.assertAllClose(skip, fx("mode_dot_2"), { rtol: 1e-13, atol: 1e-14 });
  });
  await t.step("khatriRao, with weights and skip", () => {
    nd.testing.assertAllClose(T.khatriRao(factors), fx("khatri_rao"), { rtol: 1e-14 });
    nd.testing.assertAllClose(
      T.khatriRao(factors, { weights, skip: 1 }),
      fx("khatri_rao_w_skip1"),
      { rtol: 1e-14 },
    );
  });
  await t.step("mttkrp on every mode equals unfold · khatriRao", () => {
    for (let m = 0; m < 4; m++) {
      nd.testing.assertAllClose(T.mttkrp(x, { factors, weights }, m), fx(`mttkrp_${m}`), {
        rtol: 1e-12,
        atol: 1e-12,
      });
    }
    // A non-contiguous tensor gives the same.
    const xt = nd.transpose(nd.transpose(x).copy());
    nd.testing.assertAllClose(T.mttkrp(xt, { factors, weights }, 2), fx("mttkrp_2"), {
      rtol: 1e-12,
      atol: 1e-12,
    });
  });
});

Deno.test("tenalg properties", async (t) => {
  const shapes = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 });
  await t.step(
    "fold(unfold(t, m), m) = t and mode products agree with einsum-style contraction",
    () => {
      fc.assert(
        fc.property(shapes, fc.nat(), fc.integer({ min: 1, max: 3 }), (shape, mm, j) => {
          const x = nd.sin(nd.arange(shape.reduce((a, b) => a * b, 1)).astype("float64"))
            .reshape(shape);
          const m = mm % shape.length;
          nd.testing.assertArrayEqual(T.fold(T.unfold(x, m), m, shape), x);
          const mat = nd.cos(nd.arange(j * shape[m]).astype("float64")).reshape([j, shape[m]]);
          const want = nd.moveaxis(nd.tensordot(mat, x, { axes: [[1], [m]] }), 0, m);
          nd.testing.assertAllClose(T.modeDot(x, mat, m), want, { rtol: 1e-12, atol: 1e-14 });
        }),
        { numRuns: 60 },
      );
    },
  );
  await t.step("outer and inner", () => {
    const o = T.outer([nd.arange(2), nd.arange(3), [2]]);
    assert.deepEqual(o.shape, [2, 3, 1]);
    assert.equal(o.get(1, 2, 0), 4n);
    const a = nd.arange(6).astype("float64").reshape([2, 3]);
    assert.equal(T.inner(a, a).item(), 55);
    nd.testing.assertAllClose(T.inner(nd.ones([4, 2, 3]), a, { nModes: 2 }), nd.full([4], 15));
    nd.testing.assertAllClose(T.kronecker([nd.eye(2), a]), nd.kron(nd.eye(2), a));
  });
});

Deno.test("tenalg errors", () => {
  const x = nd.ones([2, 3, 4]);
  const cases: [() => unknown, string, string][] = [
    [() => T.unfold(nd.array(1), 0), "TypeError", "unfold: cannot unfold a 0-dimensional tensor"],
    [
      () => T.unfold(x, 3),
      "RangeError",
      "unfold: axis 3 is out of bounds for array of dimension 3",
    ],
    [
      () => T.fold(nd.ones([3, 7]), 1, [2, 3, 4]),
      "TypeError",
      "fold: a matrix of shape [3,7] is not the mode-1 unfolding of a tensor of shape [2,3,4]: expected [3,8]",
    ],
    [
      () => T.modeDot(x, nd.ones([5, 4]), 1),
      "TypeError",
      "modeDot: shapes [2,3,4] and [5,4] are not aligned for mode 1: the matrix has 4 columns, mode 1 has size 3",
    ],
    [
      () => T.modeDot(x, nd.ones([4]), 0),
      "TypeError",
      "modeDot: shapes [2,3,4] and [4] are not aligned for mode 0: the vector has 4 entries, mode 0 has size 2",
    ],
    [
      () => T.modeDot(x, nd.ones([1, 1, 2]), 0),
      "TypeError",
      "modeDot: expected a matrix or a vector, got shape [1,1,2]",
    ],
    [
      () => T.multiModeDot(x, [nd.ones([2, 2])], { modes: [0, 1] }),
      "TypeError",
      "multiModeDot: 1 matrices but 2 modes were given",
    ],
    [
      () => T.khatriRao([nd.ones([2, 2]), nd.ones([3, 3])]),
      "TypeError",
      "khatriRao: all matrices need the same number of columns: got shapes [2,2], [3,3]",
    ],
    [
      () => T.khatriRao([nd.ones([2, 2])], { weights: [1, 2, 3] }),
      "TypeError",
      "khatriRao: weights of shape [3] do not match 2 columns",
    ],
    [() => T.khatriRao([]), "TypeError", "khatriRao: needs at least one matrix"],
    [
      () => T.khatriRao(nd.ones([2, 2]) as never),
      "TypeError",
      "khatriRao: expected an array of matrices",
    ],
    [() => T.kronecker(5 as never), "TypeError", "kronecker: expected an array of matrices"],
    [() => T.kronecker([]), "TypeError", "kronecker: needs at least one matrix"],
    [
      () => T.kronecker([nd.eye(2)], { skip: 0 }),
      "TypeError",
      "kronecker: needs at least one matrix",
    ],
    [
      () => T.multiModeDot(x, nd.ones([2, 2]) as never),
      "TypeError",
      "multiModeDot: ms must be an array of matrices",
    ],
    [
      () => T.fold(nd.ones([2, 2]), 0, []),
      "TypeError",
      "fold: shape must be a non-empty array of sizes, got ",
    ],
    [
      () => T.fold(nd.ones([2, 2]), 0, 4 as never),
      "TypeError",
      "fold: shape must be a non-empty array of sizes, got 4",
    ],
    [
      () => T.mttkrp(x, { factors: [nd.ones([2, 2]), nd.ones([3, 2])] }, 0),
      "TypeError",
      "mttkrp: a tensor of shape [2,3,4] needs 3 factors, got 2",
    ],
    [
      () => T.mttkrp(x, { factors: [nd.ones([2, 2]), nd.ones([3, 2]), nd.ones([5, 2])] }, 0),
      "TypeError",
      "mttkrp: factor 2 has shape [5,2], expected [4,2]",
    ],
    [
      () => T.inner(x, nd.ones([2, 3])),
      "TypeError",
      "inner: tensors of shapes [2,3,4] and [2,3] differ: give nModes to contract only some modes",
    ],
    [
      () => T.inner(x, nd.ones([2, 3]), { nModes: 3 }),
      "RangeError",
      "inner: nModes must be an integer from 0 to 2, got 3",
    ],
    [
      () => T.inner(x, nd.ones([2, 3]), { nModes: 2 }),
      "TypeError",
      "inner: the last 2 modes of [2,3,4] do not match the first of [2,3]",
    ],
    [() => T.outer([]), "TypeError", "outer: expected a non-empty array of tensors"],
  ];
  for (const [f, name, message] of cases) assert.throws(f, { name, message });
});
