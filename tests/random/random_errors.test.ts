// Every error nd.random raises: class and message, and that a failed call draws nothing.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as random from "../../src/random/mod.ts";

function throwsLike(fn: () => unknown, cls: ErrorConstructor, msg: string | RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert(e instanceof cls, `expected ${cls.name}, got ${(e as Error)?.constructor?.name}: ${e}`);
    if (typeof msg === "string") assert.equal((e as Error).message, msg);
    else assert.match((e as Error).message, msg);
    return true;
  });
}

type Any = (...a: unknown[]) => unknown;

Deno.test("seeds", async (t) => {
  await t.step("SeedSequence and PCG64", () => {
    throwsLike(
      () => random.defaultRng(1.5),
      TypeError,
      "SeedSequence: seed must be an integer, got 1.5",
    );
    throwsLike(
      () => random.defaultRng(-1),
      RangeError,
      "SeedSequence: seed must be non-negative, got -1",
    );
    throwsLike(
      () => random.defaultRng(2 ** 60),
      RangeError,
      "SeedSequence: seed 1152921504606847000 is not a safe integer: pass it as a bigint",
    );
    throwsLike(
      () => random.defaultRng("7" as unknown as number),
      TypeError,
      "SeedSequence: seed must be a non-negative integer or an array of them, got string",
    );
    throwsLike(
      () => new random.SeedSequence(1, { poolSize: 2 }),
      RangeError,
      "SeedSequence: poolSize must be an integer >= 4, got 2",
    );
    const ss = new random.SeedSequence(1);
    throwsLike(
      () => ss.generateState(-1),
      RangeError,
      "generateState: nWords must be a non-negative integer, got -1",
    );
    throwsLike(
      () => ss.generateState(2, { dtype: "int8" as "uint32" }),
      TypeError,
      'generateState: dtype must be "uint32" or "uint64", got int8',
    );
    throwsLike(() => ss.spawn(-2), RangeError, "spawn: n must be a non-negative integer, got -2");
    const bg = new random.PCG64(1);
    throwsLike(
      () => (bg.state = {} as random.PCG64State),
      TypeError,
      'PCG64: state must be {bitGenerator: "PCG64", state: {state, inc} (bigints), hasUint32, uinteger}',
    );
    throwsLike(
      () => new random.Generator({} as random.PCG64),
      TypeError,
      "Generator: bitGenerator must be a PCG64",
    );
  });
  await t.step("legacy seeds", () => {
    throwsLike(
      () => random.seed(2.5),
      TypeError,
      "seed: seed must be an integer or an array of integers, got 2.5",
    );
    throwsLike(
      () => random.seed(2 ** 32),
      RangeError,
      "seed: seed must be between 0 and 2**32 - 1, got 4294967296",
    );
    throwsLike(
      () => random.seed(-1),
      RangeError,
      "seed: seed must be between 0 and 2**32 - 1, got -1",
    );
    throwsLike(() => random.seed([]), RangeError, "seed: seed array must not be empty");
    throwsLike(
      () => new random.RandomState([1, -3]),
      RangeError,
      "seed: seed must be between 0 and 2**32 - 1, got -3",
    );
    const mt = new random.MT19937(1);
    throwsLike(
      () => (mt.state = { bitGenerator: "MT19937", state: { key: new Uint32Array(3), pos: 0 } }),
      TypeError,
      'MT19937: state must be {bitGenerator: "MT19937", state: {key (624 words), pos}}',
    );
  });
});

Deno.test("Generator argument errors", async (t) => {
  const g = random.defaultRng(3);
  const before = g.bitGenerator.state;
  await t.step("random and standardNormal", () => {
    throwsLike(
      () => g.random(3, { dtype: "int32" as "float32" }),
      TypeError,
      'random: dtype must be "float64" or "float32", got int32',
    );
    throwsLike(
      () => g.random([2, -1]),
      RangeError,
      "random: shape entries must be non-negative integers, got [2, -1]",
    );
    throwsLike(
      () => g.standardNormal({ dtype: "float16" as "float32" }),
      TypeError,
      'standardNormal: dtype must be "float64" or "float32", got float16',
    );
  });
  await t.step("integers", () => {
    const ints = g.integers.bind(g) as Any;
    throwsLike(() => ints(1.5), TypeError, "integers: high must be an integer, got 1.5");
    throwsLike(() => ints(0, 2.5), TypeError, "integers: high must be an integer, got 2.5");
    throwsLike(
      () => ints("7"),
      TypeError,
      "integers: high must be an integer number, a bigint or an array of them, got string",
    );
    throwsLike(
      () => ints(2 ** 60),
      RangeError,
      "integers: high 1152921504606847000 is not a safe integer: pass it as a bigint",
    );
    throwsLike(
      () => ints(5, 5),
      RangeError,
      "integers: low must be less than high: got low 5, high 5",
    );
    throwsLike(
      () => ints(6, 5, { endpoint: true }),
      RangeError,
      "integers: low must be at most high: got low 6, high 5",
    );
    throwsLike(
      () => ints(0),
      RangeError,
      "integers: low must be less than high: got low 0, high 0",
    );
    throwsLike(
      () => ints(-1, 5, { dtype: "uint8" }),
      RangeError,
      "integers: low -1 is out of bounds for uint8",
    );
    throwsLike(
      () => ints(0, 257, { dtype: "uint8" }),
      RangeError,
      "integers: high 257 is out of bounds for uint8",
    );
    throwsLike(
      () => ints(0, 2n ** 63n + 1n),
      RangeError,
      "integers: high 9223372036854775809 is out of bounds for int64",
    );
    throwsLike(
      () => ints(5, { dtype: "float64" }),
      TypeError,
      'integers: dtype must be an integer dtype or "bool", got float64',
    );
    throwsLike(
      () => ints(5, { endpoint: 1 }),
      TypeError,
      "integers: endpoint must be a boolean, got number",
    );
    // NumPy returns an empty array for an empty size before checking the bounds
    assert.equal((g.integers(5, 5, { size: 0 }) as nd.NDArray).size, 0);
  });
  await t.step("integers with array bounds", () => {
    const ints = g.integers.bind(g) as Any;
    // NumPy: ValueError('low >= high'); nd names the first offending pair in broadcast order
    throwsLike(
      () => ints([0, 5], [3, 4]),
      RangeError,
      "integers: low must be less than high: got low 5, high 4",
    );
    throwsLike(
      () => ints([[5], [0]], [3, 6]),
      RangeError,
      "integers: low must be less than high: got low 5, high 3",
    );
    throwsLike(
      () => ints([0, 5], [3, 4], { endpoint: true }),
      RangeError,
      "integers: low must be at most high: got low 5, high 4",
    );
    throwsLike(
      () => ints([3, 0]),
      RangeError,
      "integers: low must be less than high: got low 0, high 0",
    );
    throwsLike(
      () => ints([0, 1], [2, 3], { dtype: "bool", size: [2] }),
      RangeError,
      "integers: high 3 is out of bounds for bool",
    );
    throwsLike(
      () => ints([0, 1], [2, 2], { dtype: "bool", endpoint: true }),
      RangeError,
      "integers: high 2 is out of bounds for bool",
    );
    // NumPy: ValueError('low is out of bounds for uint8') (checked before the order)
    throwsLike(
      () => ints([-1, 5], [3, 4], { dtype: "uint8" }),
      RangeError,
      "integers: low -1 is out of bounds for uint8",
    );
    throwsLike(
      () => ints([0, 5], [3, 400], { dtype: "uint8" }),
      RangeError,
      "integers: high 400 is out of bounds for uint8",
    );
    throwsLike(
      () => ints([-129], 0, { dtype: "int8" }),
      RangeError,
      "integers: low -129 is out of bounds for int8",
    );
    throwsLike(
      () => ints([0n, 1n], [5n, 2n ** 63n], { endpoint: true }),
      RangeError,
      "integers: high 9223372036854775808 is out of bounds for int64",
    );
    throwsLike(
      () => ints([0], [2n ** 64n + 1n], { dtype: "uint64" }),
      RangeError,
      "integers: high 18446744073709551617 is out of bounds for uint64",
    );
    // NumPy: ValueError('operands could not be broadcast together with shapes (3,) (2,)')
    throwsLike(
      () => ints([0, 1, 2], [3, 4]),
      TypeError,
      "integers: parameter shapes [3], [2] do not broadcast to one shape",
    );
    // NumPy: ValueError('shape mismatch: objects cannot be broadcast to a single shape. ...')
    throwsLike(
      () => ints([0, 1], [3, 4], { size: 3 }),
      TypeError,
      "integers: parameter shapes [2], [2] do not broadcast to size [3]",
    );
    // NumPy (integers only) accepts this size and fills it with the first 3 of 6 broadcast
    // draws; nd holds integers to the rule of the other distributions
    throwsLike(
      () => ints([0, 1], [3, 4], { size: [3, 1] }),
      TypeError,
      "integers: parameter shapes [2], [2] do not broadcast to size [3,1]",
    );
    throwsLike(
      () => ints(0, [[3], [4]], { size: [2] }),
      TypeError,
      "integers: parameter shapes [], [2,1] do not broadcast to size [2]",
    );
    throwsLike(() => ints([0, 1.5], 3), TypeError, "integers: low must be an integer, got 1.5");
    throwsLike(
      () => ints(nd.array([1, 2.5])),
      TypeError,
      "integers: high must be an integer, got 2.5",
    );
    throwsLike(
      () => ints([2 ** 60]),
      RangeError,
      "integers: high 1152921504606847000 is not a safe integer: pass it as a bigint",
    );
    throwsLike(
      () => ints([0, NaN], 3),
      TypeError,
      "integers: low must be an integer, got NaN",
    );
    throwsLike(
      () => ints(nd.array([{ re: 1, im: 0 }])),
      TypeError,
      "integers: high must hold integers, got dtype complex128",
    );
    throwsLike(
      () => ints([0, "1"], 5),
      TypeError,
      "integers: low must be an integer number, a bigint or an array of them, got string",
    );
    throwsLike(
      () => ints([[0, 1], [2]], 5),
      TypeError,
      /^integers: inhomogeneous nested arrays/,
    );
  });
  await t.step("continuous parameters", () => {
    throwsLike(
      () => g.uniform(0, Infinity),
      RangeError,
      "uniform: high - low must be finite: got low 0, high Infinity",
    );
    throwsLike(
      () => g.uniform(NaN, 1),
      RangeError,
      "uniform: high - low must be finite: got low NaN, high 1",
    );
    throwsLike(
      () => g.uniform(1, 0),
      RangeError,
      "uniform: high must not be less than low: got low 1, high 0",
    );
    throwsLike(
      () => g.uniform([0, 2], 1),
      RangeError,
      "uniform: high must not be less than low: got low 2, high 1",
    );
    throwsLike(() => g.normal(0, -1), RangeError, "normal: scale must be non-negative, got -1");
    throwsLike(() => g.normal(0, -0), RangeError, "normal: scale must be non-negative, got 0");
    throwsLike(
      () => g.normal(0, [1, -2]),
      RangeError,
      "normal: scale must be non-negative, got -2",
    );
    throwsLike(
      () => g.exponential(-3, { size: 2 }),
      RangeError,
      "exponential: scale must be non-negative, got -3",
    );
    throwsLike(
      () => g.normal([1, 2, 3], 1, { size: 2 }),
      TypeError,
      "normal: parameter shapes [3], [] do not broadcast to size [2]",
    );
    // NumPy: ValueError('Output size (3, 1) is not compatible with broadcast dimensions of
    // inputs (3, 2).')
    throwsLike(
      () => g.uniform([0, 1], [2, 3], { size: [3, 1] }),
      TypeError,
      "uniform: parameter shapes [2], [2] do not broadcast to size [3,1]",
    );
    throwsLike(
      () => g.exponential([[1], [2]], { size: [3] }),
      TypeError,
      "exponential: parameter shapes [2,1] do not broadcast to size [3]",
    );
    throwsLike(
      () => g.uniform([0, 1], [[2], [0.5]]),
      RangeError,
      "uniform: high must not be less than low: got low 1, high 0.5",
    );
    throwsLike(
      () => g.normal([1, 2, 3], [1, 2]),
      TypeError,
      "normal: parameter shapes [3], [2] do not broadcast to one shape",
    );
    throwsLike(
      () => g.normal(null as unknown as number),
      TypeError,
      "normal: loc must be a number or an array of numbers, got null",
    );
  });
  await t.step("choice", () => {
    throwsLike(() => g.choice(2.5), TypeError, "choice: a must be an integer or an array, got 2.5");
    throwsLike(
      () => g.choice(0),
      RangeError,
      "choice: a must be a positive integer unless no samples are taken, got 0",
    );
    throwsLike(
      () => g.choice([]),
      RangeError,
      "choice: a cannot be empty unless no samples are taken",
    );
    throwsLike(
      () => g.choice(3, { p: [[0.5, 0.5]] }),
      TypeError,
      "choice: p must be 1-dimensional, got 2 dimensions",
    );
    throwsLike(
      () => g.choice(3, { p: [0.5, 0.5] }),
      TypeError,
      "choice: a and p must have the same size: got 3 and 2",
    );
    throwsLike(() => g.choice(2, { p: [NaN, 1] }), RangeError, "choice: probabilities contain NaN");
    throwsLike(
      () => g.choice(2, { p: [-0.5, 1.5] }),
      RangeError,
      "choice: probabilities must be non-negative",
    );
    throwsLike(
      () => g.choice(2, { p: [0.5, 0.6] }),
      RangeError,
      "choice: probabilities must sum to 1, got a sum of 1.1",
    );
    throwsLike(
      () => g.choice(3, { size: 4, replace: false }),
      RangeError,
      "choice: cannot take a larger sample than the population without replacement: 4 > 3",
    );
    throwsLike(
      () => g.choice(3, { size: 2, replace: false, p: [1, 0, 0] }),
      RangeError,
      "choice: fewer non-zero entries in p than size 2",
    );
    throwsLike(
      () => g.choice(3, { replace: 0 as unknown as boolean }),
      TypeError,
      "choice: replace must be a boolean",
    );
    throwsLike(
      () => g.choice([[1, 2]], { axis: 2 }),
      RangeError,
      "choice: axis 2 is out of bounds for array of dimension 2",
    );
  });
  await t.step("permutation and shuffle", () => {
    throwsLike(
      () => g.permutation(-1),
      RangeError,
      "permutation: x must be a non-negative integer or an array, got -1",
    );
    throwsLike(
      () => g.permutation(nd.array(5)),
      RangeError,
      "permutation: axis 0 is out of bounds for array of dimension 0",
    );
    throwsLike(
      () => g.shuffle(5 as unknown as number[]),
      TypeError,
      "shuffle: x must be an NDArray or a JS array, got number",
    );
    throwsLike(
      () => g.shuffle(nd.broadcastTo(nd.arange(3), [2, 3])),
      TypeError,
      "shuffle: array is read-only",
    );
    throwsLike(
      () => g.shuffle(nd.array(1)),
      RangeError,
      "shuffle: axis 0 is out of bounds for array of dimension 0",
    );
    throwsLike(
      () => g.shuffle([1, 2], { axis: 1 }),
      RangeError,
      "shuffle: axis must be 0 for a JS array, got 1",
    );
  });
  await t.step("failed calls draw nothing", () => {
    assert.deepEqual(g.bitGenerator.state, before);
  });
});

Deno.test("RandomState argument errors", () => {
  const rs = new random.RandomState(0);
  throwsLike(
    () => (rs.rand.bind(rs) as Any)(2, -1),
    RangeError,
    "rand: dimensions must be non-negative integers, got 2, -1",
  );
  throwsLike(
    () => (rs.randn.bind(rs) as Any)(1.5),
    RangeError,
    "randn: dimensions must be non-negative integers, got 1.5",
  );
  throwsLike(
    () => rs.randint(3, 3),
    RangeError,
    "randint: low must be less than high: got low 3, high 3",
  );
  throwsLike(
    () => rs.randint([0, 3], [2, 3]),
    RangeError,
    "randint: low must be less than high: got low 3, high 3",
  );
  throwsLike(
    () => rs.randint([0, 1], [2, 3], { size: [3] }),
    TypeError,
    "randint: parameter shapes [2], [2] do not broadcast to size [3]",
  );
  throwsLike(
    () => rs.choice([[1, 2]]),
    TypeError,
    "choice: a must be 1-dimensional, got 2 dimensions",
  );
  throwsLike(
    () => rs.permutation(nd.array(2)),
    RangeError,
    "permutation: x must be an integer or at least 1-dimensional",
  );
  throwsLike(
    () => rs.permutation(-2),
    RangeError,
    "permutation: x must be a non-negative integer or an array, got -2",
  );
  throwsLike(() => rs.normal(0, -1), RangeError, "normal: scale must be non-negative, got -1");
  throwsLike(
    () => rs.uniform(0, -Infinity),
    RangeError,
    "uniform: high - low must be finite: got low 0, high -Infinity",
  );
  // legacy uniform accepts high < low
  assert.equal(typeof rs.uniform(1, 0), "number");
});
