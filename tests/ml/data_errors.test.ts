// deno-lint-ignore-file require-await -- async functions without await are what makes stages async
// Every error of nd.data: class and message.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as data from "../../src/data/mod.ts";

const { Dataset } = data;
// deno-lint-ignore no-explicit-any
const anyDs = Dataset as any;
// deno-lint-ignore no-explicit-any
const r = Dataset.range(4) as any;

function throwsT(f: () => unknown, message: string): void {
  assert.throws(f, { name: "TypeError", message });
}
function throwsR(f: () => unknown, message: string): void {
  assert.throws(f, { name: "RangeError", message });
}

Deno.test("data errors: sources", () => {
  throwsT(
    () => Dataset.fromTensorSlices({}),
    "fromTensorSlices: an empty object at the top level holds no arrays",
  );
  throwsT(
    () => anyDs.fromTensorSlices([nd.zeros([2]), "a"]),
    "fromTensorSlices: expected NDArrays, nested arrays of numbers, or tuples or objects of " +
      "them, got a string at [1]",
  );
  throwsT(
    () => anyDs.fromTensorSlices({ a: { b: new Map() } }),
    "fromTensorSlices: expected NDArrays, nested arrays of numbers, or tuples or objects of " +
      "them, got a Map at .a.b",
  );
  throwsT(
    () => Dataset.fromTensorSlices([[1, 2], [3]]),
    "fromTensorSlices: inhomogeneous nested arrays: element [1] has length 1 where 2 was expected",
  );
  throwsT(
    () => anyDs.fromTensorSlices(null),
    "fromTensorSlices: expected NDArrays, nested arrays of numbers, or tuples or objects of " +
      "them, got null at the top level",
  );
  throwsT(
    () => Dataset.fromTensorSlices(nd.array(3)),
    "fromTensorSlices: cannot slice a 0-dimensional array (at the top level): elements are " +
      "taken along axis 0",
  );
  throwsT(
    () => Dataset.fromTensorSlices({ x: nd.zeros([3, 2]), y: { z: nd.zeros([4]) } }),
    "fromTensorSlices: arrays must have the same leading dimension: [3,2] at .x and [4] at .y.z",
  );
  throwsT(() => anyDs.fromGenerator(5), "fromGenerator: expected a function, got number");
  throwsT(
    () => [...Dataset.fromGenerator((() => 5) as never)],
    "fromGenerator: the function must return an iterable, an async iterable or an iterator, " +
      "got a number",
  );
  throwsT(
    () => [...Dataset.fromGenerator((() => ({ [Symbol.asyncIterator]: () => ({}) })) as never)],
    "fromGenerator: the function returned an async iterable during synchronous iteration: " +
      "iterate with for await, or declare the function async",
  );
  throwsT(
    () => [...Dataset.fromGenerator((() => Promise.resolve([1])) as never)],
    "fromGenerator: the function returned a promise during synchronous iteration: " +
      "iterate with for await, or declare the function async",
  );
  throwsT(
    () => anyDs.range(),
    "range: expected 1 to 3 numbers (stop, or start, stop, step), got 0",
  );
  throwsT(
    () => anyDs.range(1, 2, 3, 4),
    "range: expected 1 to 3 numbers (stop, or start, stop, step), got 4",
  );
  throwsT(() => Dataset.range(1.5), "range: start, stop and step must be safe integers, got 1.5");
  throwsT(() => anyDs.range("3"), "range: start, stop and step must be safe integers, got 3");
  throwsR(() => Dataset.range(0, 5, 0), "range: step must not be zero");
  throwsT(
    () => anyDs.range(3, { dtype: "bool" }),
    "range: dtype must be a real numeric dtype, got bool",
  );
  throwsT(
    () => anyDs.range(3, { dtype: "float128" }),
    "range: dtype must be a real numeric dtype, got float128",
  );
  throwsT(() => anyDs.zip(), "zip: expected at least one dataset");
  throwsT(() => anyDs.zip([]), "zip: expected at least one dataset");
  throwsT(() => anyDs.zip(Dataset.range(2), 3), "zip: expected datasets, got number at position 1");
  throwsT(
    () => anyDs.zip({ a: Dataset.range(2), b: null }),
    "zip: expected datasets, got null at b",
  );
  throwsT(
    () => anyDs.zip([Dataset.range(2), "x"]),
    "zip: expected datasets, got string at position 1",
  );
});

Deno.test("data errors: fromGenerator in async iteration", async () => {
  await assert.rejects(() => Dataset.fromGenerator((async () => 5) as never).toArray(), {
    name: "TypeError",
    message: "fromGenerator: the function must return an iterable, an async iterable or an " +
      "iterator, got a number",
  });
  await assert.rejects(() => Dataset.fromGenerator((() => null) as never).toArray(), {
    name: "TypeError",
    message: "fromGenerator: the function must return an iterable, an async iterable or an " +
      "iterator, got null",
  });
});

Deno.test("data errors: transformations and options", () => {
  throwsT(() => r.map(3), "map: expected a function, got number");
  throwsT(() => r.map((x: unknown) => x, 3), "map: options must be an object, got number");
  throwsR(
    () => r.map((x: unknown) => x, { concurrency: 0 }),
    "map: concurrency must be a positive integer, got 0",
  );
  throwsR(
    () => r.map((x: unknown) => x, { concurrency: 1.5 }),
    "map: concurrency must be a positive integer, got 1.5",
  );
  throwsT(
    () => r.map((x: unknown) => x, { async: "yes" }),
    "map: async must be a boolean, got string",
  );
  throwsT(() => r.filter(null), "filter: expected a function, got null");
  throwsT(() => r.filter(() => true, { async: 1 }), "filter: async must be a boolean, got number");
  throwsR(() => r.batch(0), "batch: batchSize must be a positive integer, got 0");
  throwsR(() => r.batch(), "batch: batchSize must be a positive integer, got undefined");
  throwsT(() => r.batch(2, null), "batch: options must be an object, got null");
  throwsT(
    () => r.batch(2, { dropRemainder: 1 }),
    "batch: dropRemainder must be a boolean, got number",
  );
  throwsR(() => r.shuffle(0), "shuffle: bufferSize must be a positive integer, got 0");
  throwsR(() => r.shuffle(2, { seed: -1 }), "shuffle: seed must be a non-negative integer, got -1");
  throwsR(
    () => r.shuffle(2, { seed: 0.5 }),
    "shuffle: seed must be a non-negative integer, got 0.5",
  );
  throwsR(
    () => r.shuffle(2, { seed: -1n }),
    "shuffle: seed must be a non-negative integer, got -1",
  );
  throwsT(
    () => r.shuffle(2, { reshuffleEachIteration: "no" }),
    "shuffle: reshuffleEachIteration must be a boolean, got string",
  );
  throwsR(() => r.repeat(-2), "repeat: count must be an integer >= -1 (-1 for all), got -2");
  throwsR(() => r.take(1.5), "take: count must be an integer >= -1 (-1 for all), got 1.5");
  throwsR(() => r.skip("1"), "skip: count must be an integer >= -1 (-1 for all), got 1");
  throwsR(() => r.prefetch(-1), "prefetch: bufferSize must be a non-negative integer, got -1");
  throwsT(() => r.concatenate([1]), "concatenate: expected a Dataset, got object");
  throwsT(
    () => r.concatenate(Dataset.range(3, { dtype: "float64" })),
    "concatenate: the datasets' elements differ in structure or dtype",
  );
  throwsT(
    () => r.concatenate(Dataset.zip(Dataset.range(2), Dataset.range(2))),
    "concatenate: the datasets' elements differ in structure or dtype",
  );
});

Deno.test("data errors: while iterating", async (t) => {
  await t.step("synchronous iteration of async stages", () => {
    throwsT(
      () => [...Dataset.range(3).map(async (x) => x).batch(2)],
      "Dataset: cannot iterate synchronously: map runs an async function: iterate with for await",
    );
    throwsT(
      () => [...Dataset.range(3).map((x) => x, { concurrency: 2 })],
      "Dataset: cannot iterate synchronously: map runs with concurrency 2: iterate with for await",
    );
    throwsT(
      () => [...Dataset.range(3).filter(async () => true)],
      "Dataset: cannot iterate synchronously: filter runs an async predicate: iterate with for await",
    );
    throwsT(
      () => [...Dataset.range(3).filter(() => true, { async: true })],
      "Dataset: cannot iterate synchronously: filter was given { async: true }: iterate with for await",
    );
    throwsT(
      () => [...Dataset.zip(Dataset.range(3), Dataset.fromGenerator(async function* () {}))],
      "Dataset: cannot iterate synchronously: fromGenerator was given an async function: " +
        "iterate with for await",
    );
    throwsT(
      () => [...Dataset.range(3).map((x) => Promise.resolve(x))],
      "map: the function returned a promise during synchronous iteration: declare it async " +
        "(or pass { async: true }) and iterate with for await",
    );
    throwsT(
      () => [...Dataset.range(3).filter((() => Promise.resolve(true)) as unknown as () => boolean)],
      "filter: the function returned a promise during synchronous iteration: declare it async " +
        "(or pass { async: true }) and iterate with for await",
    );
  });

  await t.step("filter results", async () => {
    throwsT(
      () => [...Dataset.range(3).filter((() => 1) as unknown as () => boolean)],
      "filter: the predicate must return a boolean or a size-1 bool NDArray, got a number",
    );
    throwsT(
      () => [...Dataset.range(3).filter((x) => x)],
      "filter: the predicate must return a boolean or a size-1 bool NDArray, got an NDArray of " +
        "dtype int64 and size 1",
    );
    await assert.rejects(
      () => Dataset.range(3).filter(async () => nd.ones([2], { dtype: "bool" })).toArray(),
      {
        name: "TypeError",
        message:
          "filter: the predicate must return a boolean or a size-1 bool NDArray, got an NDArray of " +
          "dtype bool and size 2",
      },
    );
  });

  await t.step("batch: elements that do not stack", () => {
    const gen = <T>(...xs: T[]) => Dataset.fromGenerator(() => xs);
    throwsT(
      () => [...gen(nd.zeros([2]), nd.zeros([3])).batch(2)],
      "batch: element 1 has shape [3] at the top level where element 0 has [2]",
    );
    throwsT(
      () => [...gen([nd.zeros([2])], [nd.zeros([2], { dtype: "int32" })]).batch(2)],
      "batch: element 1 has dtype int32 at [0] where element 0 has float64",
    );
    throwsT(
      () => [...gen<unknown>(nd.zeros([2]), 1).batch(2)],
      "batch: element 1 is a number at the top level where element 0 is an NDArray",
    );
    throwsT(
      () => [...gen<unknown>({ a: 1 }, { a: 2n }).batch(2)],
      "batch: element 1 is a bigint at .a where element 0 is a number",
    );
    throwsT(
      () => [...gen<unknown>([1, 2], [1]).batch(2)],
      "batch: element 1 is a tuple of 1 at the top level where element 0 is a tuple of 2",
    );
    throwsT(
      () => [...gen<unknown>([1, 2], 3).batch(2)],
      "batch: element 1 is a number at the top level where element 0 is a tuple of 2",
    );
    throwsT(
      () => [...gen<unknown>({ a: 1 }, { b: 1 }).batch(2)],
      "batch: element 1 has keys [b] at the top level where element 0 has keys [a]",
    );
    throwsT(
      () => [...gen<unknown>({ a: 1 }, [1]).batch(2)],
      "batch: element 1 is an array at the top level where element 0 is an object with keys [a]",
    );
    throwsT(() => [...gen("s", "t").batch(2)], "batch: cannot batch a string (at the top level)");
    throwsT(() => [...gen(null, null).batch(2)], "batch: cannot batch null (at the top level)");
  });

  await t.step("unbatch: elements without a common leading axis", () => {
    throwsT(
      () => [...Dataset.range(3).unbatch()],
      "unbatch: cannot slice a 0-dimensional array (at the top level): elements are taken along axis 0",
    );
    throwsT(
      () => [...Dataset.fromGenerator(() => [[nd.zeros([2]), nd.zeros([3])]]).unbatch()],
      "unbatch: arrays must have the same leading dimension: [2] at [0] and [3] at [1]",
    );
    throwsT(
      () => [...Dataset.fromGenerator(() => ["x"]).unbatch()],
      "unbatch: expected NDArrays, nested arrays of numbers, or tuples or objects of them, got " +
        "a string at the top level",
    );
  });
});
