// deno-lint-ignore-file require-await -- async functions without await are what makes stages async
// Properties of nd.data pipelines (fast-check): random chains of stages against a plain-array
// model of tf.data's semantics; cardinality equal to the count whenever it is known; the
// gather fast path equal to element-by-element stacking; shuffle buffer bounds.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import * as data from "../../src/data/mod.ts";

const { Dataset } = data;
type DS = data.Dataset<unknown>;

/** A stage applied to a dataset of 0-d int64 arrays and to its model (lists of numbers). */
type Op =
  | { kind: "take" | "skip"; n: number }
  | { kind: "repeat"; n: number }
  | { kind: "batchUnbatch"; n: number; drop: boolean }
  | { kind: "filterEven" }
  | { kind: "mapAdd"; n: number; async: boolean }
  | { kind: "cache" }
  | { kind: "prefetch"; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("take" as const, "skip" as const),
    n: fc.integer({ min: -1, max: 12 }),
  }),
  fc.record({ kind: fc.constant("repeat" as const), n: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    kind: fc.constant("batchUnbatch" as const),
    n: fc.integer({ min: 1, max: 5 }),
    drop: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("filterEven" as const) }),
  fc.record({
    kind: fc.constant("mapAdd" as const),
    n: fc.integer({ min: 0, max: 9 }),
    async: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("cache" as const) }),
  fc.record({ kind: fc.constant("prefetch" as const), n: fc.integer({ min: 0, max: 3 }) }),
);

function applyOp(ds: data.Dataset<nd.NDArray>, op: Op): data.Dataset<nd.NDArray> {
  switch (op.kind) {
    case "take":
      return ds.take(op.n);
    case "skip":
      return ds.skip(op.n);
    case "repeat":
      return ds.repeat(op.n);
    case "batchUnbatch":
      return ds.batch(op.n, { dropRemainder: op.drop }).unbatch() as data.Dataset<nd.NDArray>;
    case "filterEven":
      return ds.filter((x) => x.mod(2).equal(0));
    case "mapAdd":
      return op.async
        ? ds.map(async (x) => x.add(op.n) as nd.NDArray)
        : ds.map((x) => x.add(op.n) as nd.NDArray);
    case "cache":
      return ds.cache();
    case "prefetch":
      return ds.prefetch(op.n);
  }
}

function model(xs: number[], op: Op): number[] {
  switch (op.kind) {
    case "take":
      return op.n === -1 ? xs : xs.slice(0, op.n);
    case "skip":
      return op.n === -1 ? [] : xs.slice(op.n);
    case "repeat":
      return Array.from({ length: op.n }, () => xs).flat();
    case "batchUnbatch":
      return op.drop ? xs.slice(0, xs.length - (xs.length % op.n)) : xs;
    case "filterEven":
      return xs.filter((x) => x % 2 === 0);
    case "mapAdd":
      return xs.map((x) => x + op.n);
    case "cache":
    case "prefetch":
      return xs;
  }
}

const values = (xs: nd.NDArray[]): number[] => xs.map((x) => Number(x.item()));

Deno.test("data properties: random pipelines match the list model, sync and async", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 15 }),
      fc.array(opArb, { maxLength: 5 }),
      async (n, ops) => {
        let ds = Dataset.range(n) as data.Dataset<nd.NDArray>;
        let expected = [...Array(n).keys()];
        for (const op of ops) {
          ds = applyOp(ds, op);
          expected = model(expected, op);
        }
        assert.deepEqual(values(await ds.toArray()), expected);
        assert.deepEqual(values(await ds.toArray()), expected); // a second iteration (caches)
        if (ds.isSync) assert.deepEqual(values([...ds]), expected);
        const c = ds.cardinality();
        if (c >= 0) assert.equal(c, expected.length, String(ds));
        else assert.equal(c, data.UNKNOWN_CARDINALITY);
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("data properties: batches equal NumPy-style stacking of the elements", () => {
  const dtypes: nd.DType[] = [
    "float64",
    "float32",
    "int32",
    "uint64",
    "int64",
    "uint8",
    "bool",
    "complex128",
  ];
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }),
      fc.constantFrom(...dtypes),
      fc.integer({ min: 1, max: 8 }),
      fc.boolean(),
      fc.option(fc.integer({ min: 1, max: 40 })),
      fc.boolean(),
      (n, rowShape, dtype, k, drop, buffer, transposed) => {
        const size = n * rowShape.reduce((p, d) => p * d, 1);
        let x = nd.arange(size).reshape([n, ...rowShape]).astype(dtype);
        if (transposed && rowShape.length > 0) {
          // A strided source: rows are not contiguous in memory.
          x = nd.moveaxis(nd.arange(size).reshape([...rowShape, n]).astype(dtype), -1, 0);
        }
        const y = nd.arange(n);
        let ds = Dataset.fromTensorSlices([x, y]) as data.Dataset<[nd.NDArray, nd.NDArray]>;
        if (buffer !== null) ds = ds.shuffle(buffer, { seed: 11, reshuffleEachIteration: false });
        const fast = [...ds.batch(k, { dropRemainder: drop })];
        // The same elements through map: batched by stacking views, not by gathering rows.
        const slow = [...ds.map((e) => e).batch(k, { dropRemainder: drop })];
        assert.equal(fast.length, slow.length);
        assert.equal(fast.length, drop ? Math.floor(n / k) : Math.ceil(n / k));
        const order = fast.flatMap(([, yb]) => values([...Dataset.fromTensorSlices(yb)]));
        fast.forEach(([xb, yb], i) => {
          nd.testing.assertArrayEqual(xb, slow[i][0]);
          nd.testing.assertArrayEqual(yb, slow[i][1]);
          nd.testing.assertArrayEqual(xb, nd.take(x, yb, { axis: 0 }));
        });
        if (buffer === null) assert.deepEqual(order, [...Array(order.length).keys()]);
        else if (!drop) assert.deepEqual([...order].sort((a, b) => a - b), [...Array(n).keys()]);
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("data properties: shuffle outputs stay within the buffer's reach", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 1, max: 70 }),
      fc.nat(1000),
      (n, buffer, seed) => {
        const ds: DS = Dataset.range(n).shuffle(buffer, { seed });
        const out = values([...ds] as nd.NDArray[]);
        assert.deepEqual([...out].sort((a, b) => a - b), [...Array(n).keys()]);
        // Output k is chosen among the first buffer + k inputs.
        out.forEach((v, k) => assert.ok(v < buffer + k, `output ${k} is ${v}, buffer ${buffer}`));
        if (buffer === 1) assert.deepEqual(out, [...Array(n).keys()]);
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("data properties: unbatch inverts batch over tuples and objects", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 3 }),
      (n, k, cols) => {
        const x = nd.arange(n * cols, { dtype: "float64" }).reshape([n, cols]);
        const ds = Dataset.fromTensorSlices({ x, pair: [nd.arange(n), nd.arange(n).mul(2)] });
        const round = [...ds.batch(k).unbatch()];
        const direct = [...ds];
        assert.equal(round.length, n);
        round.forEach((e, i) => {
          nd.testing.assertArrayEqual(e.x, direct[i].x);
          nd.testing.assertArrayEqual(e.pair[1], direct[i].pair[1]);
        });
      },
    ),
  );
});
