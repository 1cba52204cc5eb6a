// Ufunc methods (reduce, accumulate, reduceat, outer, at) against NumPy 2.4's own results
// (tests/fixtures/fixtures_ufunc_protocol.py): every binary ufunc × dtype × case template,
// plus the dtype option and unary ufuncs. Results are compared bit for bit (dtype, shape and
// values, NaN equal to NaN), except (within a tolerance):
// - libm functions (power, float_power, hypot, arctan2 on floats): a few ulps per call;
// - complex multiply and divide: NumPy's SIMD loops on this machine use fused multiply-adds
//   (a single `nd.multiply` call already differs in the last bit: an elementwise difference,
//   not the methods');
// - complex64 sums over several axes: `nd.sum` itself combines partial sums in float64 there
//   (the reduction engine's difference; `nd.add.reduce` is `nd.sum`).
// Where NumPy raises, nd must throw the matching class.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

type Desc = [nd.DType, number, number[], number[]?];
type Result = Desc | [string, string];
interface Template {
  kind: string;
  method: "reduce" | "accumulate" | "reduceat" | "outer" | "at";
  inputs: (string | number[])[];
  opts?: Record<string, unknown>;
  index?: (string | number)[];
}
interface Extra extends Omit<Template, "kind"> {
  name: string;
  ufunc: string;
}
interface Doc {
  libm: string[];
  numpy_wrong: string[];
  templates: Template[];
  init: Record<string, number | boolean>;
  pairs: string[];
  extra: Extra[];
  arrays: Record<string, Desc>;
  results: Record<string, Result>;
}

const DIR = new URL("../fixtures/ufunc_protocol/", import.meta.url);
const DOC: Doc = JSON.parse(Deno.readTextFileSync(new URL("cases.json", DIR)));
const FILES = new Map<string, Record<string, nd.NDArray>>();

function flat(file: string, dtype: string): nd.NDArray {
  let f = FILES.get(file);
  if (!f) {
    f = nd.load(new URL(`${file}.npz`, DIR).pathname as `${string}.npz`);
    FILES.set(file, f);
  }
  return f[dtype];
}

/** The array a descriptor names (a copy: `at` modifies its input). */
function fromDesc(file: string, [dtype, offset, shape, axes]: Desc): nd.NDArray {
  const size = shape.reduce((p, s) => p * s, 1);
  const a = flat(file, dtype).slice(`${offset}:${offset + size}`).reshape(shape).copy();
  return axes ? nd.transpose(a, { axes }) : a;
}

const camel = (s: string) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
function ufuncOf(name: string): nd.Ufunc {
  const u = (nd as unknown as Record<string, nd.Ufunc>)[camel(name)];
  assert.equal(typeof u, "function", `nd.${camel(name)} exists`);
  assert.equal(u.name, name);
  return u;
}

/** Runs one case; `ref` resolves input names. Returns the result (for `at`: the array). */
function run(
  u: nd.Ufunc,
  c: Omit<Template, "kind">,
  ref: (name: string) => nd.NDArray,
  init: number | boolean | undefined,
): nd.NDArray {
  const ins = c.inputs.map((i) => (typeof i === "string" ? ref(i) : i));
  const opts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.opts ?? {})) {
    opts[k] = v === "$init"
      ? init
      : typeof v === "string" && v.startsWith("@")
      ? ref(v.slice(1))
      : v;
  }
  switch (c.method) {
    case "reduce":
      return u.reduce(ins[0], opts);
    case "accumulate":
      return u.accumulate(ins[0], opts);
    case "reduceat":
      return u.reduceat(ins[0], ins[1], opts);
    case "outer":
      return u.outer(ins[0], ins[1], opts);
    case "at": {
      const a = ins[0] as nd.NDArray;
      const index = c.index!.map((i) =>
        typeof i === "string" && i.startsWith("@") ? ref(i.slice(1)) : i
      );
      u.at(a, index as nd.NDArray[], ins[1]);
      return a;
    }
  }
}

/** Cases compared within a tolerance although not libm (see the header). */
function loose(name: string, dtype: string): boolean {
  const u = name.split(".")[0];
  return (dtype.startsWith("complex") && (u === "multiply" || u === "divide")) ||
    (u === "add" && dtype === "complex64" && name.endsWith(".reduce.a02"));
}

function compare(got: nd.NDArray, want: nd.NDArray, libm: boolean, what: string): void {
  assert.equal(got.dtype, want.dtype, `${what}: dtype`);
  assert.deepEqual(got.shape, want.shape, `${what}: shape`);
  const k = want.dtype;
  if ((libm && (k.startsWith("float") || k.startsWith("complex"))) || loose(what, k)) {
    // atol: below the dtype's smallest normal number, where ulps are absolute
    const [rtol, atol] = k === "float16"
      ? [2e-3, 6.2e-5]
      : k === "float32" || k === "complex64"
      ? [1e-4, 1.2e-38]
      : [1e-12, 2.3e-308];
    nd.testing.assertAllClose(got, want, { rtol, atol, errMsg: what });
  } else nd.testing.assertArrayEqual(got, want, { errMsg: what });
}

function check(
  name: string,
  u: nd.Ufunc,
  c: Omit<Template, "kind">,
  ref: (n: string) => nd.NDArray,
  init: number | boolean | undefined,
  libm: boolean,
): void {
  const r = DOC.results[name];
  if (r === undefined) return; // not run for this pair (see the fixture script)
  if (typeof r[0] === "string" && r[0].startsWith("!")) {
    const cls = r[0] === "!TypeError" ? TypeError : RangeError;
    assert.throws(() => run(u, c, ref, init), cls, `${name}: NumPy raised ${r[1]}`);
    return;
  }
  const got = run(u, c, ref, init);
  compare(got, fromDesc(u.name, r as Desc), libm, name);
}

const byUfunc = new Map<string, string[]>();
for (const p of DOC.pairs) {
  const u = p.split(".")[0];
  byUfunc.set(u, [...(byUfunc.get(u) ?? []), p]);
}

for (const [name, pairs] of byUfunc) {
  Deno.test(`ufunc methods of ${name} against NumPy`, async (t) => {
    const u = ufuncOf(name);
    const libm = DOC.libm.includes(name);
    for (const p of pairs) {
      await t.step(p.split(".")[1], () => {
        const ref = (n: string) => fromDesc(name, DOC.arrays[`${p}.${n}`]);
        const templates = `${p}.reduce.a1` in DOC.results
          ? DOC.templates
          : DOC.templates.filter((tp) => tp.kind === "reduce.default");
        for (const tp of templates) {
          check(`${p}.${tp.kind}`, u, tp, ref, DOC.init[p], libm);
        }
      });
    }
    await t.step("dtype option", () => {
      for (const e of DOC.extra.filter((x) => x.ufunc === name)) {
        check(e.name, u, e, (n) => fromDesc(name, DOC.arrays[n]), undefined, libm);
      }
    });
  });
}

Deno.test("unary ufunc methods against NumPy", () => {
  for (const e of DOC.extra.filter((x) => !byUfunc.has(x.ufunc))) {
    const ref = (n: string) => fromDesc(e.ufunc, DOC.arrays[n]);
    check(e.name, ufuncOf(e.ufunc), e, ref, undefined, e.ufunc === "sqrt");
  }
});
