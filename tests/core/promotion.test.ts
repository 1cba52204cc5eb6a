// nd.resultType / promoteTypes / canCast against the tables NumPy wrote (fixtures_core.py).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { type Enc, readJson } from "./_fixtures.ts";
import { assertMatches } from "./_fixtures.ts";

type Table<T> = Record<string, Record<string, T>>;
type Weak = { int: number } | { float: number } | { complex: [number, number] } | {
  bool: boolean;
};
interface Promotion {
  dtypes: nd.DType[];
  resultType: Table<nd.DType>;
  promoteTypes: Table<nd.DType>;
  canCast: Record<nd.Casting, Table<boolean>>;
  weak: { args: (nd.DType | Weak)[]; result: nd.DType }[];
  ops: { dtype: nd.DType; scalar: Weak; op: string; result: Enc }[];
}

const P = readJson<Promotion>("core", "promotion.json");

function weak(w: Weak): number | boolean | { re: number; im: number } {
  if ("int" in w) return w.int;
  if ("float" in w) return w.float;
  if ("bool" in w) return w.bool;
  return { re: w.complex[0], im: w.complex[1] };
}

Deno.test("promotion", async (t) => {
  await t.step("the fixture covers the 14 dtypes", () => {
    assert.equal(P.dtypes.length, 14);
  });

  await t.step("resultType of every dtype pair is np.result_type", () => {
    const bad: string[] = [];
    for (const a of P.dtypes) {
      for (const b of P.dtypes) {
        const got = nd.resultType(a, b), want = P.resultType[a][b];
        if (got !== want) bad.push(`${a}+${b}: ${got} != ${want}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  await t.step("promoteTypes of every dtype pair is np.promote_types", () => {
    const bad: string[] = [];
    for (const a of P.dtypes) {
      for (const b of P.dtypes) {
        const got = nd.promoteTypes(a, b), want = P.promoteTypes[a][b];
        if (got !== want) bad.push(`${a}+${b}: ${got} != ${want}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  await t.step("resultType of arrays follows their dtypes", () => {
    const x = nd.zeros([2], { dtype: "int8" }), y = nd.zeros([2], { dtype: "uint16" });
    assert.equal(nd.resultType(x, y), P.resultType.int8.uint16);
    assert.equal(nd.resultType(x, "float16"), P.resultType.int8.float16);
  });

  for (const casting of ["no", "equiv", "safe", "same_kind", "unsafe"] as const) {
    await t.step(`canCast with casting "${casting}" is np.can_cast`, () => {
      const bad: string[] = [];
      for (const a of P.dtypes) {
        for (const b of P.dtypes) {
          const got = nd.canCast(a, b, { casting }), want = P.canCast[casting][a][b];
          if (got !== want) bad.push(`${a}->${b}: ${got} != ${want}`);
        }
      }
      assert.deepEqual(bad, []);
    });
  }

  await t.step("canCast defaults to safe casting", () => {
    for (const a of P.dtypes) {
      for (const b of P.dtypes) assert.equal(nd.canCast(a, b), P.canCast.safe[a][b]);
    }
  });

  await t.step("NEP 50 weak scalars in resultType match NumPy", () => {
    const bad: string[] = [];
    for (const c of P.weak) {
      const args = c.args.map((x) => (typeof x === "string" ? x : weak(x)));
      const got = nd.resultType(...args);
      if (got !== c.result) bad.push(`${JSON.stringify(c.args)}: ${got} != ${c.result}`);
    }
    assert.deepEqual(bad, []);
  });

  await t.step("arithmetic with a weak scalar operand matches NumPy's dtype and values", () => {
    for (const c of P.ops) {
      const x = nd.ones([2], { dtype: c.dtype });
      const f = (nd as unknown as Record<string, nd.Ufunc>)[c.op];
      assertMatches(f(x, weak(c.scalar)), c.result, {
        msg: `${c.dtype} ${c.op} ${JSON.stringify(c.scalar)}`,
      });
    }
  });

  await t.step("errors", () => {
    assert.throws(() => nd.resultType(), {
      name: "TypeError",
      message: "resultType: at least one array, dtype or scalar is required",
    });
    assert.throws(() => nd.resultType("int128" as nd.DType), {
      name: "TypeError",
      message: 'resultType: unknown dtype "int128"',
    });
    assert.throws(() => nd.resultType(null as unknown as nd.DType), {
      name: "TypeError",
      message: "resultType: cannot take the dtype of null",
    });
    assert.throws(() => nd.canCast("int8", "float128" as nd.DType), {
      name: "TypeError",
      message: 'canCast: unknown dtype "float128" for to',
    });
    assert.throws(() => nd.canCast("int7" as nd.DType, "int8"), {
      name: "TypeError",
      message: 'canCast: unknown dtype "int7" for from',
    });
    assert.throws(() => nd.canCast("int8", "int16", { casting: "nope" as nd.Casting }), {
      name: "RangeError",
      message:
        'canCast: unknown casting "nope": expected "no", "equiv", "safe", "same_kind" or "unsafe"',
    });
  });
});
