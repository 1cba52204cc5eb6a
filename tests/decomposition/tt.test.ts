// tensorTrain (TT-SVD) and tensorRing (TR-SVD) with TRTensor, against TensorLy's test
// criteria: core shapes and ranks, exact recovery of tensors of the given TT/TR ranks,
// orthonormal cores, both SVD methods, both backends, float32, memmap, the estimator classes
// and every error path.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { TensorTrain, tensorTrain } from "../../src/decomposition/tensor_train.ts";
import {
  TensorRing,
  tensorRing,
  TRTensor,
  trToTensor,
} from "../../src/decomposition/tensor_ring.ts";

const D = nd.decomposition;
const norm = (a: nd.NDArray): number => nd.linalg.norm(a).item() as number;
const relErr = (a: nd.NDArray, b: nd.NDArray): number => norm(a.sub(b)) / norm(b);
const rand = (shape: number[], seed: number): nd.NDArray =>
  nd.random.defaultRng(seed).random(shape) as nd.NDArray;
const randomTr = (shape: number[], rank: number[], seed: number): nd.NDArray[] => {
  const rng = nd.random.defaultRng(seed);
  return shape.map((n, k) => rng.random([rank[k], n, rank[k + 1]]) as nd.NDArray);
};
function onTs<T>(f: () => T): T {
  const before = nd.backend.info();
  nd.backend.use("ts");
  try {
    return f();
  } finally {
    if (before.name === "blas") nd.backend.use("blas", { path: before.library! });
  }
}
const throws = (f: () => unknown, cls: ErrorConstructor, msg: string) =>
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${e}`);
    assert.equal((e as Error).message, msg);
    return true;
  });

Deno.test("tensorTrain: TensorLy's test_tensor_train", async (t) => {
  const rng = nd.random.defaultRng(1234);
  await t.step("ranks [1, 3, 3, 4, 2, 2, 1]: six cores with chained ranks", () => {
    const x = rng.random([3, 4, 5, 6, 2, 10]) as nd.NDArray;
    const tt = tensorTrain(x, [1, 3, 3, 4, 2, 2, 1]);
    assert.equal(tt.factors.length, 6);
    let prev = 1;
    tt.factors.forEach((f, k) => {
      assert.equal(f.shape[1], x.shape[k]);
      assert.equal(f.shape[0], prev);
      prev = f.shape[2];
    });
    assert.deepEqual(tt.rank, [1, 3, 3, 4, 2, 2, 1]);
  });
  await t.step("ranks larger than the unfoldings allow are capped", () => {
    const x = rng.random([3, 4, 5, 6, 2, 10]) as nd.NDArray;
    const want = [1, 5, 4, 3, 8, 10, 1];
    const tt = tensorTrain(x, want);
    tt.factors.forEach((f, k) => {
      assert.ok(f.shape[0] <= want[k] && f.shape[2] <= want[k + 1]);
    });
    assert.deepEqual(tt.rank, [1, 3, 4, 3, 8, 10, 1]);
  });
  await t.step("full ranks reconstruct a 3×3×3 tensor", () => {
    const x = rng.random([3, 3, 3]) as nd.NDArray;
    const tt = tensorTrain(x, [1, 3, 3, 1]);
    assert.ok(relErr(D.ttToTensor(tt), x) < 1e-4);
    assert.ok(relErr(tt.toTensor(), x) < 1e-13);
  });
});

Deno.test("tensorTrain: exact TT ranks are recovered to 1e-9", async (t) => {
  for (const svd of ["symeig_svd", "truncated_svd"] as const) {
    for (const backend of ["default", "ts"] as const) {
      await t.step(`${svd}, ${backend} backend`, () => {
        const run = () => {
          for (
            const [shape, rank, seed] of [
              [[5, 6, 7, 4], [1, 3, 4, 2, 1], 0],
              [[30, 30, 30], [1, 10, 10, 1], 1],
              [[8, 3, 9], [1, 2, 3, 1], 2],
            ] as const
          ) {
            const x = D.randomTt([...shape], [...rank], { full: true, rng: seed }) as nd.NDArray;
            const tt = tensorTrain(x, [...rank], { svd });
            assert.ok(relErr(tt.toTensor(), x) < 1e-9, `${shape}: ${relErr(tt.toTensor(), x)}`);
            tt.factors.forEach((f, k) =>
              assert.deepEqual(f.shape, [rank[k], shape[k], rank[k + 1]])
            );
            // The first cores have orthonormal (r_{k−1}·n_k) × r_k unfoldings.
            for (const f of tt.factors.slice(0, -1)) {
              const u = f.reshape([-1, f.shape[2]]);
              nd.testing.assertAllClose(nd.matmul(u.T, u), nd.eye(f.shape[2]), { atol: 1e-10 });
            }
          }
        };
        if (backend === "ts") onTs(run);
        else run();
      });
    }
  }
  await t.step("float32 stays float32", () => {
    const x = (D.randomTt([6, 7, 8], [1, 2, 3, 1], { full: true, rng: 3 }) as nd.NDArray)
      .astype("float32");
    for (const svd of ["symeig_svd", "truncated_svd"] as const) {
      const tt = tensorTrain(x, [1, 2, 3, 1], { svd });
      assert.ok(tt.factors.every((f) => f.dtype === "float32"));
      assert.ok(relErr(tt.toTensor(), x) < 1e-5, `${svd} ${relErr(tt.toTensor(), x)}`);
    }
  });
  await t.step("one rank for every bond; 1-D and 2-D tensors; integer input", () => {
    const x = rand([4, 5, 6], 4);
    assert.deepEqual(tensorTrain(x, 2).rank, [1, 2, 2, 1]);
    const v = tensorTrain(nd.arange(5), 3);
    assert.deepEqual(v.factors[0].shape, [1, 5, 1]);
    nd.testing.assertAllClose(v.toTensor(), nd.arange(5).astype("float64"));
    const m = rand([6, 4], 5);
    nd.testing.assertAllClose(tensorTrain(m, 4).toTensor(), m, { atol: 1e-12 });
  });
  await t.step("memmapped and non-contiguous tensors", () => {
    const x = D.randomTt([5, 6, 7], [1, 2, 2, 1], { full: true, rng: 6 }) as nd.NDArray;
    const path = Deno.makeTempFileSync({ suffix: ".npy" }) as `${string}.npy`;
    try {
      nd.save(path, x);
      const mm = nd.load(path, { mmapMode: "r" });
      const a = tensorTrain(mm, 2), b = tensorTrain(x, 2);
      a.factors.forEach((f, k) => nd.testing.assertArrayEqual(f, b.factors[k]));
      (mm as nd.Memmap).close();
    } finally {
      Deno.removeSync(path);
    }
    const view = x.transpose([2, 1, 0]);
    nd.testing.assertAllClose(tensorTrain(view, 7).toTensor(), view, { atol: 1e-12 });
  });
});

Deno.test("tensorTrain: the TensorTrain class and the reported error", () => {
  const x = rand([6, 7, 8], 7);
  const model = new TensorTrain([1, 3, 3, 1]);
  assert.equal(model.decomposition, null);
  assert.deepEqual(model.errors, []);
  const tt = model.fitTransform(x);
  assert.equal(model.decomposition, tt);
  assert.equal(model.errors.length, 1);
  assert.ok(Math.abs(model.errors[0] - relErr(tt.toTensor(), x)) < 1e-10);
  assert.equal(model.toString(), "Rank-[1,3,3,1] tensor-train decomposition via TT-SVD.");
  const again = new TensorTrain(3, { svd: "truncated_svd" }).fitTransform(x);
  nd.testing.assertAllClose(again.toTensor(), tt.toTensor(), { atol: 1e-10 });
});

Deno.test("tensorTrain: more rank never hurts and full rank is exact (fast-check)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 1000 }),
      (shape, r, seed) => {
        const x = rand(shape, seed);
        const small = tensorTrain(x, r), big = tensorTrain(x, r + 1);
        assert.ok(relErr(big.toTensor(), x) <= relErr(small.toTensor(), x) + 1e-10);
        nd.testing.assertAllClose(tensorTrain(x, 25).toTensor(), x, { atol: 1e-10 });
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("tensorTrain: every error path", () => {
  const x = rand([3, 4, 5], 0);
  throws(
    () => tensorTrain(x, [1, 2, 1]),
    TypeError,
    "tensorTrain: rank must be a number or 4 ranks for a tensor with 3 modes, got 3 ranks",
  );
  throws(
    () => tensorTrain(x, [2, 2, 2, 1]),
    RangeError,
    "tensorTrain: the first and last TT ranks must be 1, got [2,2,2,1]",
  );
  throws(
    () => tensorTrain(x, [1, 0, 2, 1]),
    RangeError,
    "tensorTrain: rank 1 must be a positive integer, got 0",
  );
  throws(
    () => tensorTrain(x, 2.5),
    RangeError,
    "tensorTrain: rank 1 must be a positive integer, got 2.5",
  );
  throws(
    () => tensorTrain(x, 2, { svd: "qr" as "symeig_svd" }),
    RangeError,
    'tensorTrain: svd must be "truncated_svd" or "symeig_svd", got "qr"',
  );
  throws(
    () => tensorTrain(nd.zeros([2, 0, 3]), 1),
    TypeError,
    "tensorTrain: cannot decompose an empty tensor of shape [2,0,3]",
  );
  throws(
    () => new TensorTrain("2" as unknown as number),
    RangeError,
    "TensorTrain: rank must be a positive integer or an array of them, got 2",
  );
  throws(
    () => new TensorRing([2, 0]),
    RangeError,
    "TensorRing: rank must be a positive integer or an array of them, got [2,0]",
  );
});

Deno.test("tensorRing: TensorLy's test_tensor_ring and test_tensor_ring_mode", async (t) => {
  const shape = [6, 2, 3, 2, 6];
  for (const [rank, mode] of [[[3, 2, 4, 12, 18, 3], 0], [[12, 2, 1, 3, 6, 12], 1]] as const) {
    await t.step(`rank ${rank}, mode ${mode}`, () => {
      const x = trToTensor(randomTr(shape, [...rank], 1234));
      const tr = tensorRing(x, [...rank], { mode });
      assert.equal(tr.factors.length, 5);
      let prev = -1;
      tr.factors.forEach((f, k) => {
        const [rPrev, n, r] = f.shape;
        assert.equal(n, shape[k]);
        assert.equal(rPrev, rank[k]);
        if (k) assert.equal(rPrev, prev);
        prev = r;
      });
      assert.deepEqual(tr.rank, [...rank]);
      assert.ok(relErr(tr.toTensor(), x) < 1e-10, `${relErr(tr.toTensor(), x)}`);
    });
  }
  await t.step("a first split larger than the first unfolding is refused", () => {
    const x = trToTensor(randomTr(shape, [12, 2, 1, 3, 6, 12], 1234));
    throws(
      () => tensorRing(x, [12, 2, 10, 3, 6, 12], { mode: 1 }),
      RangeError,
      "tensorRing: rank[1] · rank[2] = 20 is larger than the first unfolding (2×216) allows: " +
        "reduce these ranks or start at another mode",
    );
  });
  await t.step("both SVD methods, the TypeScript backend, float32", () => {
    const x = trToTensor(randomTr([6, 5, 2], [2, 3, 4, 2], 3));
    for (const svd of ["symeig_svd", "truncated_svd"] as const) {
      assert.ok(relErr(tensorRing(x, [2, 3, 4], { svd }).toTensor(), x) < 1e-10);
      assert.ok(relErr(onTs(() => tensorRing(x, [2, 3, 4], { svd })).toTensor(), x) < 1e-10);
      const tr32 = tensorRing(x.astype("float32"), [2, 3, 4], { svd });
      assert.ok(tr32.factors.every((f) => f.dtype === "float32"));
      assert.ok(relErr(tr32.toTensor(), x) < 1e-5);
    }
  });
  await t.step("rank forms: one number, N ranks, N + 1 ranks; a 1-mode tensor", () => {
    const x = rand([4, 9, 5], 8);
    assert.deepEqual(tensorRing(x, 2).rank, [2, 2, 2, 2]);
    assert.deepEqual(tensorRing(x, [1, 3, 2]).rank, [1, 3, 2, 1]);
    assert.deepEqual(tensorRing(x, [2, 2, 3, 2]).rank, [2, 2, 3, 2]);
    const v = tensorRing(nd.arange(4), 1);
    nd.testing.assertAllClose(v.toTensor(), nd.arange(4).astype("float64"));
  });
});

Deno.test("TRTensor and trToTensor", async (t) => {
  await t.step("the trace of the core products", () => {
    const cores = randomTr([3, 4, 5], [2, 3, 4, 2], 0);
    const want = nd.einsum("aib,bjc,cka->ijk", ...cores);
    const tr = new TRTensor(cores);
    nd.testing.assertAllClose(tr.toTensor(), want, { rtol: 1e-13 });
    nd.testing.assertAllClose(trToTensor(cores), want, { rtol: 1e-13 });
    assert.deepEqual(tr.shape, [3, 4, 5]);
    assert.deepEqual(tr.rank, [2, 3, 4, 2]);
    assert.equal(tr.toString(), "TRTensor(shape=[3,4,5], rank=[2,3,4,2])");
    const show = (tr as unknown as Record<symbol, () => Record<string, string>>)[
      Symbol.for("Jupyter.display")
    ].call(tr);
    assert.match(show["text/html"], /TRTensor/);
  });
  await t.step("a TT is a ring of rank 1; float32 cores", () => {
    const tt = D.randomTt([3, 4, 2], [1, 2, 3, 1], { rng: 1 }) as nd.decomposition.TTTensor;
    nd.testing.assertAllClose(trToTensor([...tt.factors]), tt.toTensor(), { rtol: 1e-13 });
    const c32 = randomTr([2, 3], [2, 2, 2], 2).map((c) => c.astype("float32"));
    assert.equal(trToTensor(c32).dtype, "float32");
  });
  await t.step("construction errors", () => {
    throws(
      () => new TRTensor([]),
      TypeError,
      "TRTensor: factors must be a non-empty array of 3-D cores",
    );
    throws(
      () => new nd.decomposition.TTTensor([]),
      TypeError,
      "TTTensor: factors must be a non-empty array of 3-D cores",
    );
    throws(
      () => new nd.decomposition.TTTensor("cores" as never),
      TypeError,
      "TTTensor: factors must be a non-empty array of 3-D cores",
    );
    throws(
      () => new TRTensor([nd.ones([2, 3])]),
      TypeError,
      "TRTensor: core 0 has shape [2,3]: cores are 3-D",
    );
    throws(
      () => new TRTensor([nd.ones([2, 3, 4]), nd.ones([3, 3, 2])]),
      TypeError,
      "TRTensor: core 0 has shape [2,3,4] and core 1 has shape [3,3,2]: ranks 4 and 3 differ",
    );
    throws(
      () => trToTensor([nd.ones([2, 3, 1])]),
      TypeError,
      "TRTensor: core 0 has shape [2,3,1] and core 0 has shape [2,3,1]: ranks 1 and 2 differ",
    );
  });
});

Deno.test("tensorRing: the TensorRing class and every error path", () => {
  const x = rand([4, 5, 6], 9);
  const model = new TensorRing([1, 2, 3]);
  assert.equal(model.decomposition, null);
  const tr = model.fitTransform(x);
  assert.equal(model.decomposition, tr);
  assert.ok(Math.abs(model.errors[0] - relErr(tr.toTensor(), x)) < 1e-10);
  assert.equal(model.toString(), "Rank-[1,2,3] tensor-ring decomposition via TR-SVD.");
  throws(
    () => tensorRing(x, [1, 2]),
    TypeError,
    "tensorRing: rank must be a number, 3 or 4 ranks for a tensor with 3 modes, got 2 ranks",
  );
  throws(
    () => tensorRing(x, [1, 2, 3, 2]),
    RangeError,
    "tensorRing: the first and last TR ranks must be equal, got 1 and 2",
  );
  throws(
    () => tensorRing(x, [1, -2, 3]),
    RangeError,
    "tensorRing: rank 1 must be a positive integer, got -2",
  );
  throws(
    () => tensorRing(x, 1, { mode: 3 }),
    RangeError,
    "tensorRing: mode 3 is out of range for a tensor with 3 modes",
  );
  throws(
    () => tensorRing(nd.arange(4), 2),
    RangeError,
    "tensorRing: a tensor with 1 mode has TR rank 1, got rank 2",
  );
  throws(
    () => new TensorRing(3).fitTransform(x),
    RangeError,
    "TensorRing.fitTransform: rank[0] · rank[1] = 9 is larger than the first unfolding (4×30) " +
      "allows: reduce these ranks or start at another mode",
  );
});
