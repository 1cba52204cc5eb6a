// deno-lint-ignore-file require-await -- async functions without await are what makes stages async
// nd.data.Dataset against tf.data's documented behaviour: sources, batch/unbatch, shuffle
// (buffer semantics, seeds, reshuffling), repeat/take/skip, cache, prefetch, map concurrency,
// zip/concatenate, cardinality, element specs, display.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as data from "../../src/data/mod.ts";

const { Dataset } = data;

/** The int64 scalars of a dataset of 0-d arrays, as numbers. */
function nums(ds: Iterable<nd.NDArray>): number[] {
  return [...ds].map((a) => Number(a.item()));
}

/** tf.data's shuffle buffer algorithm with the draws nd documents (defaultRng([seed, epoch])). */
function refShuffle(n: number, buffer: number, seed: number, epoch: number): number[] {
  const rng = nd.random.defaultRng([seed, epoch]);
  const buf: number[] = [], out: number[] = [];
  let next = 0;
  while (buf.length < buffer && next < n) buf.push(next++);
  while (buf.length > 0) {
    const j = Math.floor((rng.random() as number) * buf.length);
    out.push(buf[j]);
    if (next < n) buf[j] = next++;
    else {
      const last = buf.pop()!;
      if (j < buf.length) buf[j] = last;
    }
  }
  return out;
}

Deno.test("data: sources", async (t) => {
  await t.step("fromTensorSlices: read-only views along axis 0, tuples, objects, JS data", () => {
    const x = nd.array([[1, 2], [3, 4], [5, 6]], { dtype: "float32" });
    const rows = [...Dataset.fromTensorSlices(x)];
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[2].toArray(), [5, 6]);
    assert.equal(rows[1].base, x);
    assert.equal(rows[1].data, x.data); // no copy
    assert.equal(rows[1].flags.writeable, false);
    assert.throws(() => rows[1].set([0], 0), {
      message: "set: assignment destination is read-only",
    });
    const pairs = [...Dataset.fromTensorSlices([x, nd.arange(3)])];
    assert.deepEqual(pairs[1][0].toArray(), [3, 4]);
    assert.equal(pairs[1][1].item(), 1n);
    const objs = [...Dataset.fromTensorSlices({ a: x, b: { c: [true, false, true] } })];
    assert.equal(objs[1].b.c.item(), false);
    assert.equal(objs[2].a.dtype, "float32");
    const js = [...Dataset.fromTensorSlices([[1, 2], [3, 4]])]; // a matrix, not a tuple
    assert.deepEqual(js.map((r) => r.toArray()), [[1n, 2n], [3n, 4n]]);
    const typed = [...Dataset.fromTensorSlices(new Float32Array([1, 2]))];
    assert.equal(typed[1].item(), 2);
    // Strided sources: views of a transposed array.
    const tr = [...Dataset.fromTensorSlices(nd.arange(6).reshape([2, 3]).T)];
    assert.deepEqual(tr.map((r) => r.toArray()), [[0n, 3n], [1n, 4n], [2n, 5n]]);
    assert.equal(Dataset.fromTensorSlices(nd.zeros([0, 4])).cardinality(), 0);
    assert.deepEqual([...Dataset.fromTensorSlices(nd.zeros([0, 4]))], []);
  });

  await t.step("range: tf.data's forms, negative steps, dtypes", () => {
    assert.deepEqual(nums(Dataset.range(5)), [0, 1, 2, 3, 4]);
    assert.deepEqual(nums(Dataset.range(2, 5)), [2, 3, 4]);
    assert.deepEqual(nums(Dataset.range(1, 5, 2)), [1, 3]);
    assert.deepEqual(nums(Dataset.range(5, 1, -2)), [5, 3]);
    assert.deepEqual(nums(Dataset.range(5, 1)), []);
    assert.equal(Dataset.range(5, 1).cardinality(), 0);
    assert.equal(Dataset.range(0, 10, 3).cardinality(), 4);
    const f = [...Dataset.range(3, { dtype: "float64" })];
    assert.equal(f[2].dtype, "float64");
    assert.equal(f[2].item(), 2);
    assert.deepEqual(f[0].shape, []);
    const u = [...Dataset.range(1, 4, 1, { dtype: "uint8" }).batch(3)][0];
    assert.equal(u.dtype, "uint8");
    assert.deepEqual(u.toArray(), [1, 2, 3]);
  });

  await t.step("fromGenerator: called anew per iteration, sync or async", async () => {
    let calls = 0;
    const ds = Dataset.fromGenerator(function* () {
      calls++;
      yield* [1, 2, 3];
    });
    assert.deepEqual([...ds], [1, 2, 3]);
    assert.deepEqual([...ds], [1, 2, 3]);
    assert.equal(calls, 2);
    assert.equal(ds.cardinality(), data.UNKNOWN_CARDINALITY);
    assert.equal(ds.elementSpec, null);
    const a = Dataset.fromGenerator(async function* () {
      yield nd.ones([2]);
      await new Promise((r) => setTimeout(r, 1));
      yield nd.zeros([2]);
    });
    assert.equal(a.isSync, false);
    const b = await a.batch(2).toArray();
    assert.deepEqual(b[0].toArray(), [[1, 1], [0, 0]]);
    // A plain function returning an async iterable works in for await.
    const p = Dataset.fromGenerator(() =>
      a[Symbol.asyncIterator]() && (async function* () {
        yield 5;
      })()
    );
    assert.deepEqual(await p.toArray(), [5]);
    // A sync generator iterated with for await.
    assert.deepEqual(await ds.toArray(), [1, 2, 3]);
    // Iterators ({ next }) and promises of iterables, as tf.data.generator takes them.
    const counter = () => {
      let i = 0;
      return {
        next: () => (i < 3 ? { done: false, value: i++ } : { done: true, value: undefined }),
      };
    };
    assert.deepEqual([...Dataset.fromGenerator(counter)], [0, 1, 2]);
    assert.deepEqual(await Dataset.fromGenerator(counter).toArray(), [0, 1, 2]);
    const later = Dataset.fromGenerator(async () => [nd.ones([1]), nd.zeros([1])]);
    assert.equal(later.isSync, false);
    assert.deepEqual((await later.batch(2).toArray())[0].toArray(), [[1], [0]]);
    const promisedIterator = Dataset.fromGenerator(() => Promise.resolve(counter()));
    assert.deepEqual(await promisedIterator.toArray(), [0, 1, 2]);
    // Leaving early closes the source.
    let closed = false;
    const endless = Dataset.fromGenerator(async function* () {
      try {
        for (let i = 0;; i++) yield i;
      } finally {
        closed = true;
      }
    });
    assert.deepEqual(await endless.take(2).toArray(), [0, 1]);
    assert.equal(closed, true);
  });
});

Deno.test("data: batch and unbatch", async (t) => {
  await t.step("remainder, dropRemainder, cardinality and spec", () => {
    const ds = Dataset.range(10);
    assert.deepEqual([...ds.batch(4)].map((b) => b.shape[0]), [4, 4, 2]);
    assert.deepEqual([...ds.batch(4, { dropRemainder: true })].map((b) => b.shape[0]), [4, 4]);
    assert.equal(ds.batch(4).cardinality(), 3);
    assert.equal(ds.batch(4, { dropRemainder: true }).cardinality(), 2);
    assert.equal(ds.batch(20).cardinality(), 1);
    assert.equal(ds.batch(20, { dropRemainder: true }).cardinality(), 0);
    assert.equal(data.formatSpec(ds.batch(4).elementSpec), "TensorSpec(shape=[null], dtype=int64)");
    assert.equal(
      data.formatSpec(ds.batch(4, { dropRemainder: true }).batch(2).elementSpec),
      "TensorSpec(shape=[null, 4], dtype=int64)",
    );
  });

  await t.step("tuples and objects are batched per entry; batches are fresh arrays", () => {
    const x = nd.arange(12, { dtype: "float64" }).reshape([6, 2]);
    const y = nd.array([0, 1, 0, 1, 1, 0], { dtype: "int32" });
    const [xb, yb] = [...Dataset.fromTensorSlices([x, y]).batch(4)][0];
    assert.deepEqual(xb.toArray(), [[0, 1], [2, 3], [4, 5], [6, 7]]);
    assert.deepEqual(yb.toArray(), [0, 1, 0, 1]);
    assert.equal(xb.base, null);
    assert.notEqual(xb.data.buffer, x.data.buffer);
    assert.equal(xb.flags.writeable, true);
    const o = [...Dataset.fromTensorSlices({ x, meta: { y } }).batch(6)][0];
    assert.deepEqual(o.meta.y.shape, [6]);
    assert.deepEqual(o.x.shape, [6, 2]);
  });

  await t.step("JS values from generators and maps: number → float64, bigint → int64, bool", () => {
    const g = Dataset.fromGenerator(function* () {
      for (let i = 0; i < 3; i++) yield { n: i, big: BigInt(i), ok: i % 2 === 0, v: [i, 10 - i] };
    });
    const b = [...g.batch(3)][0];
    assert.equal(b.n.dtype, "float64");
    assert.equal(b.big.dtype, "int64");
    assert.equal(b.ok.dtype, "bool");
    assert.deepEqual(b.ok.toArray(), [true, false, true]);
    assert.deepEqual(b.v[1].toArray(), [10, 9, 8]);
    const strided = Dataset.fromGenerator(function* () {
      yield nd.arange(4).reshape([2, 2]).T;
      yield nd.arange(4, 8).reshape([2, 2]).T;
    });
    assert.deepEqual([...strided.batch(2)][0].toArray(), [[[0n, 2n], [1n, 3n]], [[4n, 6n], [
      5n,
      7n,
    ]]]);
  });

  await t.step("unbatch inverts batch, with tf.data's cardinality", () => {
    const x = nd.arange(20).reshape([10, 2]);
    const ds = Dataset.fromTensorSlices(x).batch(3).unbatch();
    assert.deepEqual([...ds].map((r) => r.toArray()), x.toArray());
    assert.equal(ds.cardinality(), data.UNKNOWN_CARDINALITY); // leading dim unknown (null)
    const fixed = Dataset.fromTensorSlices(x).batch(5, { dropRemainder: true }).unbatch();
    assert.equal(fixed.cardinality(), 10);
    assert.equal(data.formatSpec(fixed.elementSpec), "TensorSpec(shape=[2], dtype=int64)");
    const rows = [...Dataset.fromTensorSlices([x, nd.arange(10)]).batch(4).unbatch()];
    assert.equal(rows[9][1].item(), 9n);
    // Batches from a generator (stacked path) unbatch too, then batch again (gather path).
    const g = Dataset.fromGenerator(function* () {
      yield nd.arange(6).reshape([3, 2]);
      yield nd.arange(6, 10).reshape([2, 2]);
    });
    assert.deepEqual(
      [...g.unbatch().batch(5)][0].toArray(),
      nd.arange(10).reshape([5, 2]).toArray(),
    );
  });
});

Deno.test("data: shuffle", async (t) => {
  await t.step("the buffer algorithm, exactly, with defaultRng([seed, epoch]) draws", () => {
    for (const [n, buffer] of [[10, 1], [10, 3], [10, 10], [10, 50], [100, 7]]) {
      const ds = Dataset.range(n).shuffle(buffer, { seed: 5 });
      assert.deepEqual(nums(ds), refShuffle(n, buffer, 5, 0), `n=${n} buffer=${buffer}`);
      assert.deepEqual(nums(ds), refShuffle(n, buffer, 5, 1));
    }
    assert.deepEqual(nums(Dataset.range(6).shuffle(1, { seed: 0 })), [0, 1, 2, 3, 4, 5]);
    // Rows of two sources, and rows mixed with other values, go through the same algorithm.
    const two = Dataset.range(0, 12).concatenate(Dataset.range(12, 30));
    assert.deepEqual(nums(two.shuffle(16, { seed: 5 })), refShuffle(30, 16, 5, 0));
    const mixed = Dataset.range(0, 12).concatenate(
      Dataset.fromGenerator(function* () {
        for (let i = 12; i < 30; i++) yield nd.array(BigInt(i)) as nd.NDArray<"int64">;
      }),
    );
    assert.deepEqual(nums(mixed.shuffle(16, { seed: 5 })), refShuffle(30, 16, 5, 0));
    assert.deepEqual(nums(mixed.shuffle(100, { seed: 5 })), refShuffle(30, 100, 5, 0));
  });

  await t.step("seeds: reproducible orders, reshuffled each iteration unless told", async () => {
    const a = Dataset.range(20).shuffle(20, { seed: 3 });
    const e0 = nums(a), e1 = nums(a);
    assert.notDeepEqual(e0, e1);
    assert.deepEqual([...e0].sort((p, q) => p - q), [...Array(20).keys()]);
    const b = Dataset.range(20).shuffle(20, { seed: 3 });
    assert.deepEqual(nums(b), e0);
    assert.deepEqual(nums(b), e1);
    const fixed = Dataset.range(20).shuffle(20, { seed: 3, reshuffleEachIteration: false });
    assert.deepEqual(nums(fixed), e0);
    assert.deepEqual(nums(fixed), e0);
    const unseeded = Dataset.range(20).shuffle(20, { reshuffleEachIteration: false });
    assert.deepEqual(nums(unseeded), nums(unseeded));
    const fresh = Dataset.range(50).shuffle(50);
    assert.deepEqual(nums(fresh).sort((p, q) => p - q), [...Array(50).keys()]);
    // repeat() after shuffle iterates it anew: each epoch a new order.
    const rep = nums(Dataset.range(8).shuffle(8, { seed: 1 }).repeat(2));
    assert.deepEqual(rep.slice(0, 8), refShuffle(8, 8, 1, 0));
    assert.deepEqual(rep.slice(8), refShuffle(8, 8, 1, 1));
    // The async path draws the same numbers.
    const asyncOrder = (await Dataset.range(30).shuffle(7, { seed: 9 }).map(async (x) =>
      x
    ).toArray())
      .map((x) => Number(x.item()));
    assert.deepEqual(asyncOrder, refShuffle(30, 7, 9, 0));
    const viaAsyncSource = await Dataset.fromGenerator(async function* () {
      for (let i = 0; i < 30; i++) yield i;
    }).shuffle(7, { seed: 9 }).toArray();
    assert.deepEqual(viaAsyncSource, refShuffle(30, 7, 9, 0));
  });

  await t.step("shuffled batches keep tuple entries paired", () => {
    const x = nd.arange(200).reshape([100, 2]), y = nd.arange(100);
    let seen = 0;
    for (const [xb, yb] of Dataset.fromTensorSlices([x, y]).shuffle(30, { seed: 2 }).batch(16)) {
      nd.testing.assertArrayEqual(xb.slice(null, 0), yb.mul(2));
      seen += yb.shape[0];
    }
    assert.equal(seen, 100);
  });
});

Deno.test("data: repeat, take, skip, concatenate, zip", async (t) => {
  await t.step("counts and -1 as tf.data", () => {
    const ds = Dataset.range(3);
    assert.deepEqual(nums(ds.repeat(2)), [0, 1, 2, 0, 1, 2]);
    assert.deepEqual(nums(ds.repeat(0)), []);
    assert.deepEqual(nums(ds.repeat().take(7)), [0, 1, 2, 0, 1, 2, 0]);
    assert.deepEqual(nums(ds.repeat(-1).skip(4).take(2)), [1, 2]);
    assert.deepEqual(nums(Dataset.range(0).repeat()), []); // an empty pass ends the repeat
    assert.deepEqual(nums(ds.take(-1)), [0, 1, 2]);
    assert.deepEqual(nums(ds.take(10)), [0, 1, 2]);
    assert.deepEqual(nums(ds.take(0)), []);
    assert.deepEqual(nums(ds.skip(-1)), []);
    assert.deepEqual(nums(ds.skip(10)), []);
    assert.deepEqual(nums(ds.skip(0)), [0, 1, 2]);
    assert.deepEqual(nums(ds.concatenate(Dataset.range(7, 9))), [0, 1, 2, 7, 8]);
  });

  await t.step("take stops the source early (generators are closed)", () => {
    let closed = false, pulled = 0;
    const g = Dataset.fromGenerator(function* () {
      try {
        for (let i = 0;; i++) {
          pulled++;
          yield i;
        }
      } finally {
        closed = true;
      }
    });
    assert.deepEqual([...g.take(3)], [0, 1, 2]);
    assert.equal(closed, true);
    assert.equal(pulled, 3);
  });

  await t.step("zip: tuples, lists, objects, until the shortest ends", () => {
    const a = Dataset.range(3), b = Dataset.fromTensorSlices(nd.eye(4));
    const z = [...Dataset.zip(a, b)];
    assert.equal(z.length, 3);
    assert.deepEqual(z[2][1].toArray(), [0, 0, 1, 0]);
    assert.equal([...Dataset.zip([a, b.skip(2)])].length, 2);
    const o = [...Dataset.zip({ a, b })];
    assert.equal(o[1].a.item(), 1n);
    assert.equal(Dataset.zip(a, b).cardinality(), 3);
    assert.equal(Dataset.zip(a.repeat(), b).cardinality(), 4);
    assert.equal(Dataset.zip(a.repeat(), b.repeat()).cardinality(), data.INFINITE_CARDINALITY);
    assert.equal(Dataset.zip(a, b.filter(() => true)).cardinality(), data.UNKNOWN_CARDINALITY);
    assert.equal(
      data.formatSpec(Dataset.zip({ a, b }).elementSpec),
      "{a: TensorSpec(shape=[], dtype=int64), b: TensorSpec(shape=[4], dtype=float64)}",
    );
    const batched = [...Dataset.zip(a, b).batch(3)][0];
    assert.deepEqual(batched[1].shape, [3, 4]);
  });

  await t.step("async zip and concatenate", async () => {
    const slow = Dataset.range(3).map(async (x) => x.mul(10));
    const z = await Dataset.zip(slow, Dataset.range(5)).toArray();
    assert.deepEqual(z.map(([p, q]) => [p.item(), q.item()]), [[0n, 0n], [10n, 1n], [20n, 2n]]);
    const c = await slow.concatenate(Dataset.range(2)).toArray();
    assert.deepEqual(c.map((x) => x.item()), [0n, 10n, 20n, 0n, 1n]);
  });
});

Deno.test("data: cardinality follows tf.data's rules", () => {
  const r = Dataset.range(10);
  const INF = data.INFINITE_CARDINALITY, UNK = data.UNKNOWN_CARDINALITY;
  const cases: [data.Dataset<unknown>, number][] = [
    [r, 10],
    [r.map((x) => x), 10],
    [r.filter(() => true), UNK],
    [r.repeat(), INF],
    [r.repeat(3), 30],
    [r.repeat(0), 0],
    [Dataset.range(0).repeat(), 0],
    [r.filter(() => true).repeat(), INF],
    [r.filter(() => true).repeat(2), UNK],
    [r.take(3), 3],
    [r.take(30), 10],
    [r.repeat().take(4), 4],
    [r.filter(() => true).take(4), UNK],
    [r.skip(3), 7],
    [r.skip(30), 0],
    [r.skip(-1), 0],
    [r.repeat().skip(3), INF],
    [r.shuffle(4), 10],
    [r.cache(), 10],
    [r.prefetch(2), 10],
    [r.concatenate(r), 20],
    [r.concatenate(r.repeat()), INF],
    [r.concatenate(r.filter(() => true)), UNK],
    [r.batch(3).unbatch(), UNK],
    [Dataset.fromGenerator(function* () {}), UNK],
  ];
  cases.forEach(([ds, c], i) => assert.equal(ds.cardinality(), c, `case ${i}: ${ds}`));
});

Deno.test("data: cache, prefetch, map concurrency, filter", async (t) => {
  await t.step("cache replays the first complete iteration; partial ones are not kept", () => {
    let calls = 0;
    const ds = Dataset.range(5).map((x) => (calls++, x)).cache();
    assert.deepEqual(nums(ds.take(2)), [0, 1]);
    assert.equal(calls, 2);
    assert.deepEqual(nums(ds), [0, 1, 2, 3, 4]);
    assert.equal(calls, 7);
    assert.deepEqual(nums(ds), [0, 1, 2, 3, 4]);
    assert.equal(calls, 7);
    // A cache after a shuffle freezes the first order (tf.data warns about this order).
    const frozen = Dataset.range(10).shuffle(10, { seed: 4 }).cache();
    assert.deepEqual(nums(frozen), nums(frozen));
    const reshuffled = Dataset.range(10).cache().shuffle(10, { seed: 4 });
    assert.notDeepEqual(nums(reshuffled), nums(reshuffled));
  });

  await t.step("cache in async iteration", async () => {
    let calls = 0;
    const ds = Dataset.range(3).map(async (x) => (calls++, x)).cache();
    assert.deepEqual((await ds.toArray()).map((x) => x.item()), [0n, 1n, 2n]);
    assert.deepEqual((await ds.toArray()).map((x) => x.item()), [0n, 1n, 2n]);
    assert.equal(calls, 3);
  });

  await t.step("prefetch reads ahead in async iteration and passes through in sync", async () => {
    let pulled = 0;
    const g = Dataset.fromGenerator(function* () {
      for (let i = 0; i < 10; i++) {
        pulled++;
        yield i;
      }
    });
    const it = g.prefetch(3)[Symbol.asyncIterator]();
    assert.deepEqual(await it.next(), { done: false, value: 0 });
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(pulled, 4); // the one handed out and 3 ahead
    await it.return!();
    assert.deepEqual([...g.prefetch(2)], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(await g.prefetch(0).toArray(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  await t.step("map with concurrency: at most n calls at once, results in order", async () => {
    let running = 0, peak = 0;
    const ds = Dataset.range(20).map(async (x) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 20 - Number(x.item())));
      running--;
      return Number(x.item());
    }, { concurrency: 4 });
    const t0 = performance.now();
    assert.deepEqual(await ds.toArray(), [...Array(20).keys()]);
    assert.equal(peak, 4);
    assert.ok(performance.now() - t0 < 20 * 15, "calls overlapped");
    // Errors surface in order and stop the pipeline.
    const bad = Dataset.range(5).map(async (x) => {
      if (x.item() === 2n) throw new Error("boom at 2");
      return x;
    }, { concurrency: 3 });
    const seen: bigint[] = [];
    await assert.rejects(async () => {
      for await (const x of bad) seen.push(x.item() as bigint);
    }, { message: "boom at 2" });
    assert.deepEqual(seen, [0n, 1n]);
    // { async: true } for functions that return promises without being declared async.
    const flagged = Dataset.range(2).map((x) => Promise.resolve(x.add(1)), { async: true });
    assert.equal(flagged.isSync, false);
    assert.deepEqual((await flagged.toArray()).map((x) => x.item()), [1n, 2n]);
  });

  await t.step("filter accepts booleans and size-1 bool arrays, sync or async", async () => {
    assert.deepEqual(nums(Dataset.range(6).filter((x) => (x.item() as bigint) > 3n)), [4, 5]);
    assert.deepEqual(nums(Dataset.range(6).filter((x) => x.less(2))), [0, 1]);
    const af = Dataset.range(6).filter(async (x) => (x.item() as bigint) % 3n === 0n);
    assert.deepEqual((await af.toArray()).map((x) => x.item()), [0n, 3n]);
    // filter keeps batching on the gather path: rows pass through as they are.
    const b = [...Dataset.fromTensorSlices(nd.arange(10)).filter((x) => x.greater(5)).batch(10)];
    assert.deepEqual(b[0].toArray(), [6n, 7n, 8n, 9n]);
  });
});

Deno.test("data: element specs, isSync, display", () => {
  const ds = Dataset.fromTensorSlices({
    x: nd.zeros([8, 3], { dtype: "float32" }),
    y: nd.arange(8),
  });
  assert.equal(
    data.formatSpec(ds.elementSpec),
    "{x: TensorSpec(shape=[3], dtype=float32), y: TensorSpec(shape=[], dtype=int64)}",
  );
  const spec = (ds.batch(4).elementSpec as { x: data.TensorSpec }).x;
  assert.ok(spec instanceof data.TensorSpec);
  assert.deepEqual(spec.shape, [null, 3]);
  assert.equal(ds.map((e) => e.x).elementSpec, null);
  assert.equal(
    data.formatSpec(ds.batch(2).concatenate(ds.batch(3)).elementSpec),
    "{x: TensorSpec(shape=[null, 3], dtype=float32), y: TensorSpec(shape=[null], dtype=int64)}",
  );
  assert.equal(
    data.formatSpec(
      Dataset.range(4).batch(2, { dropRemainder: true })
        .concatenate(Dataset.range(4).batch(3, { dropRemainder: true })).elementSpec,
    ),
    "TensorSpec(shape=[null], dtype=int64)",
  );
  assert.equal(ds.isSync, true);
  assert.equal(ds.map(async (e) => e).batch(2).isSync, false);
  const p = ds.shuffle(8, { seed: 0 }).batch(4).repeat();
  const text = "<Dataset fromTensorSlices → shuffle(8, seed=0) → batch(4) → repeat()>\n" +
    "element_spec: {x: TensorSpec(shape=[null, 3], dtype=float32), " +
    "y: TensorSpec(shape=[null], dtype=int64)}\ncardinality: infinite";
  assert.equal(String(p), text);
  const display = p as unknown as Record<symbol, () => Record<string, string>>;
  const bundle = display[Symbol.for("Jupyter.display")]();
  assert.equal(bundle["text/plain"], text);
  assert.match(bundle["text/html"], /^<div><b>Dataset fromTensorSlices → shuffle\(8, seed=0\)/);
  assert.match(bundle["text/html"], /cardinality: infinite<\/div>$/);
  assert.equal(
    String(
      Dataset.zip(Dataset.range(2), Dataset.range(1, 9, 2, { dtype: "float32" })).filter(() =>
        true
      ),
    ),
    "<Dataset zip(range(0, 2), range(1, 9, 2, dtype=float32)) → filter>\n" +
      "element_spec: (TensorSpec(shape=[], dtype=int64), TensorSpec(shape=[], dtype=float32))\n" +
      "cardinality: unknown",
  );
  assert.equal(
    Dataset.range(3).map(async (x) => x, { concurrency: 2 }).shuffle(2, {
      reshuffleEachIteration: false,
    })
      .toString().split("\n")[0],
    "<Dataset range(0, 3) → map(concurrency=2) → shuffle(2, reshuffleEachIteration=false)>",
  );
});
