// Every error the sorting and searching functions raise: class and message.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";

type Thrower = () => unknown;
const throws = (f: Thrower, name: string, message: RegExp) => assert.throws(f, { name, message });

Deno.test("sort and argsort errors", async (t) => {
  const a = nd.array([[3, 1], [2, 0]]);
  await t.step("unknown kind", () => {
    for (const f of [nd.sort, nd.argsort]) {
      const fn = f.name;
      throws(
        () => f(a, { kind: "bubble" as nd.SortKind }),
        "RangeError",
        new RegExp(
          `^${fn}: kind must be one of "quicksort", "mergesort", "heapsort" or "stable", got "bubble"$`,
        ),
      );
    }
  });
  await t.step("axis out of bounds or not an integer", () => {
    throws(
      () => nd.sort(a, { axis: 2 }),
      "RangeError",
      /^sort: axis 2 is out of bounds for array of dimension 2$/,
    );
    throws(
      () => nd.argsort(a, { axis: -3 }),
      "RangeError",
      /^argsort: axis -3 is out of bounds for array of dimension 2$/,
    );
    throws(
      () => nd.sort(a, { axis: 0.5 }),
      "TypeError",
      /^sort: axis must be an integer, got 0.5$/,
    );
  });
  await t.step("a 0-d array has no axis -1 to sort (NumPy's AxisError)", () => {
    throws(
      () => nd.sort(nd.array(5)),
      "RangeError",
      /^sort: axis -1 is out of bounds for array of dimension 0$/,
    );
  });
  await t.step("values that are not array elements", () => {
    throws(
      () => nd.sort(["a"] as unknown as nd.ArrayLike),
      "TypeError",
      /^sort: cannot make an array element from string a$/,
    );
  });
});

Deno.test("partition and argpartition errors", async (t) => {
  const a = nd.array([3, 1, 2]);
  for (const f of [nd.partition, nd.argpartition]) {
    const fn = f.name;
    await t.step(`${fn}: kth out of bounds`, () => {
      throws(
        () => f(a, 3),
        "RangeError",
        new RegExp(`^${fn}: kth 3 is out of bounds for an axis of size 3$`),
      );
      throws(
        () => f(a, [0, -4]),
        "RangeError",
        new RegExp(`^${fn}: kth -4 is out of bounds for an axis of size 3$`),
      );
    });
    await t.step(`${fn}: kth not integers`, () => {
      throws(() => f(a, 1.5), "TypeError", new RegExp(`^${fn}: kth must hold integers, got 1.5$`));
      throws(
        () => f(a, [true] as unknown as number[]),
        "TypeError",
        new RegExp(`^${fn}: kth must hold integers, got true$`),
      );
      throws(
        () => f(a, nd.array([[0, 1]])),
        "TypeError",
        new RegExp(
          `^${fn}: kth must be an integer or a 1-D list of integers, got shape \\[1,2\\]$`,
        ),
      );
    });
    await t.step(`${fn}: kind`, () => {
      throws(
        () => f(a, 0, { kind: "quick" as "introselect" }),
        "RangeError",
        new RegExp(`^${fn}: kind must be "introselect", got "quick"$`),
      );
    });
    await t.step(`${fn}: axis`, () => {
      throws(
        () => f(a, 0, { axis: 1 }),
        "RangeError",
        new RegExp(`^${fn}: axis 1 is out of bounds for array of dimension 1$`),
      );
    });
  }
  await t.step("partition of a 0-d array has no axis -1", () => {
    throws(
      () => nd.partition(nd.array(5), 0),
      "RangeError",
      /^partition: axis -1 is out of bounds for array of dimension 0$/,
    );
  });
  await t.step("argpartition of a 0-d array checks kth against one element", () => {
    throws(
      () => nd.argpartition(nd.array(5), 1),
      "RangeError",
      /^argpartition: kth 1 is out of bounds for an axis of size 1$/,
    );
  });
});

Deno.test("lexsort errors", async (t) => {
  await t.step("no keys", () => {
    throws(() => nd.lexsort([]), "TypeError", /^lexsort: need a sequence of at least one key$/);
    throws(
      () => nd.lexsort(nd.array(3)),
      "TypeError",
      /^lexsort: keys must be a sequence of keys, got a 0-d array$/,
    );
    throws(
      () => nd.lexsort(5 as unknown as nd.NDArray),
      "TypeError",
      /^lexsort: keys must be an array of keys or an NDArray, got number$/,
    );
  });
  await t.step("keys of different shapes", () => {
    throws(
      () => nd.lexsort([[1, 2, 3], [1, 2]]),
      "TypeError",
      /^lexsort: all keys must have the same shape: key 1 has shape \[2\], key 0 has \[3\]$/,
    );
  });
  await t.step("axis out of bounds", () => {
    throws(
      () => nd.lexsort([[1, 2], [3, 4]], { axis: 1 }),
      "RangeError",
      /^lexsort: axis 1 is out of bounds for array of dimension 1$/,
    );
  });
});

Deno.test("searchsorted errors", async (t) => {
  await t.step("a must be 1-D", () => {
    throws(
      () => nd.searchsorted([[1, 2]], 1),
      "TypeError",
      /^searchsorted: a must be 1-D, got shape \[1,2\]$/,
    );
    throws(
      () => nd.searchsorted(1, 1),
      "TypeError",
      /^searchsorted: a must be 1-D, got shape \[\]$/,
    );
  });
  await t.step("side", () => {
    throws(
      () => nd.searchsorted([1, 2], 1, { side: "middle" as "left" }),
      "RangeError",
      /^searchsorted: side must be "left" or "right", got "middle"$/,
    );
  });
  await t.step("sorter", () => {
    throws(
      () => nd.searchsorted([1, 2], 1, { sorter: [0] }),
      "TypeError",
      /^searchsorted: sorter must be 1-D with the size of a \(2\), got shape \[1\]$/,
    );
    throws(
      () => nd.searchsorted([1, 2], 1, { sorter: [0.0, 1.5] }),
      "TypeError",
      /^searchsorted: sorter must hold integers, got dtype float64$/,
    );
    throws(
      () => nd.searchsorted([1, 2], 1, { sorter: [0, 5] }),
      "RangeError",
      /^searchsorted: sorter index 5 is out of range for size 2$/,
    );
    throws(
      () => nd.searchsorted([1, 2], 1, { sorter: [-1, 0] }),
      "RangeError",
      /^searchsorted: sorter index -1 is out of range for size 2$/,
    );
  });
});

Deno.test("nonzero, extract and unique errors", async (t) => {
  await t.step("nonzero of a 0-d array (refused as in NumPy 2)", () => {
    throws(
      () => nd.nonzero(nd.array(1)),
      "TypeError",
      /^nonzero: calling nonzero on a 0-d array is not allowed: use nonzero\(atleast1d\(x\)\)/,
    );
  });
  await t.step("extract with a condition true beyond the array", () => {
    throws(
      () => nd.extract([1, 0, 0, 1, 1], [1, 2, 3]),
      "RangeError",
      /^extract: condition is true at flat index 3, out of bounds for an array of size 3$/,
    );
  });
  await t.step("unique axis out of bounds", () => {
    throws(
      () => nd.unique(nd.zeros([2, 3]), { axis: 2 }),
      "RangeError",
      /^unique: axis 2 is out of bounds for array of dimension 2$/,
    );
    throws(
      () => nd.unique(5, { axis: 0 }),
      "RangeError",
      /^unique: axis 0 is out of bounds for array of dimension 0$/,
    );
  });
  await t.step("isin and argwhere name themselves for bad values", () => {
    throws(
      () => nd.isin([1], ["x"] as unknown as nd.ArrayLike),
      "TypeError",
      /^isin: cannot make an array element from string x$/,
    );
    throws(
      () => nd.argwhere([null] as unknown as nd.ArrayLike),
      "TypeError",
      /^argwhere: cannot make an array element from null$/,
    );
    throws(
      () => nd.flatnonzero([undefined] as unknown as nd.ArrayLike),
      "TypeError",
      /^flatnonzero: cannot make an array element from undefined$/,
    );
  });
});
