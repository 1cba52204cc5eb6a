// Every manipulation function against NumPy 2 outputs (tests/fixtures/manipulation/*.json,
// written by tests/fixtures/fixtures_manipulation.py).
import * as nd from "../../../mod.ts";
import { assertMatches, type Case, decodeArgs, type Enc, loadCases } from "./_helpers.ts";

type Fn = (args: unknown[], opts: Record<string, unknown>) => nd.NDArray | nd.NDArray[];
// deno-lint-ignore no-explicit-any
type AnyArgs = any;

const FNS: Record<string, Fn> = {
  concatenate: ([as], o) => nd.concatenate(as as nd.NDArray[], o),
  stack: ([as], o) => nd.stack(as as nd.NDArray[], o),
  hstack: ([as]) => nd.hstack(as as nd.NDArray[]),
  vstack: ([as]) => nd.vstack(as as nd.NDArray[]),
  dstack: ([as]) => nd.dstack(as as nd.NDArray[]),
  columnStack: ([as]) => nd.columnStack(as as nd.NDArray[]),
  split: ([a, s], o) => nd.split(a as nd.NDArray, s as number, o),
  arraySplit: ([a, s], o) => nd.arraySplit(a as nd.NDArray, s as number, o),
  hsplit: ([a, s]) => nd.hsplit(a as nd.NDArray, s as number),
  vsplit: ([a, s]) => nd.vsplit(a as nd.NDArray, s as number),
  dsplit: ([a, s]) => nd.dsplit(a as nd.NDArray, s as number),
  flip: ([a], o) => nd.flip(a as nd.NDArray, o),
  fliplr: ([a]) => nd.fliplr(a as nd.NDArray),
  flipud: ([a]) => nd.flipud(a as nd.NDArray),
  roll: ([a, s], o) => nd.roll(a as nd.NDArray, s as number, o),
  tile: ([a, r]) => nd.tile(a as nd.NDArray, r as number),
  repeat: ([a, r], o) => nd.repeat(a as nd.NDArray, r as number, o),
  pad: ([a, w], o) => nd.pad(a as nd.NDArray, w as number, o),
  take: ([a, i], o) => nd.take(a as nd.NDArray, i as number[], o),
  takeAlongAxis: ([a, i], o) => nd.takeAlongAxis(a as nd.NDArray, i as AnyArgs, o.axis as number),
  put: ([a, i, v], o) => {
    nd.put(a as nd.NDArray, i as number[], v as AnyArgs, o);
    return a as nd.NDArray;
  },
  copyto: ([d, s], o) => {
    nd.copyto(d as nd.NDArray, s as AnyArgs, o);
    return d as nd.NDArray;
  },
  where: ([c, x, y]) => nd.where(c as AnyArgs, x as AnyArgs, y as AnyArgs),
  insert: ([a, i, v], o) => nd.insert(a as nd.NDArray, i as AnyArgs, v as AnyArgs, o),
  delete: ([a, i], o) => nd.delete(a as nd.NDArray, i as AnyArgs, o),
  append: ([a, v], o) => nd.append(a as nd.NDArray, v as AnyArgs, o),
};

const FILES = [
  "concatenate",
  "stack",
  "split",
  "flip",
  "roll",
  "tile",
  "repeat",
  "pad",
  "take",
  "take_along_axis",
  "put",
  "copyto",
  "where",
  "insert_delete",
];

function label(c: Case, i: number): string {
  const args = c.args.map((a) =>
    "array" in a
      ? `${a.array.dtype}[${a.array.shape}]${a.array.view ? "." + a.array.view : ""}`
      : "arrays" in a
      ? `[${a.arrays.map((e) => `${e.dtype}[${e.shape}]`).join(", ")}]`
      : JSON.stringify(a.value)
  );
  return `#${i} ${c.fn}(${args.join(", ")}, ${JSON.stringify(c.opts)})`;
}

Deno.test("manipulation functions match NumPy fixtures", async (t) => {
  for (const file of FILES) {
    await t.step(file, () => {
      const cases = loadCases(file);
      if (cases.length === 0) throw new Error(`no cases in ${file}.json`);
      cases.forEach((c, i) => {
        const fn = FNS[c.fn];
        if (!fn) throw new Error(`no runner for ${c.fn}`);
        const name = label(c, i);
        const res = fn(decodeArgs(c), { ...c.opts });
        if (Array.isArray(c.expected)) {
          const parts = res as nd.NDArray[];
          if (parts.length !== c.expected.length) {
            throw new Error(`${name}: ${parts.length} pieces, expected ${c.expected.length}`);
          }
          parts.forEach((p, k) => assertMatches(p, (c.expected as Enc[])[k], `${name} piece ${k}`));
        } else {
          assertMatches(res as nd.NDArray, c.expected, name);
        }
      });
    });
  }
});
