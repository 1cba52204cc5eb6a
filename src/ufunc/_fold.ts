// Generated sequential loops for the ufunc methods of ufuncs whose element code is known
// (the built-ins, through `UfuncMeta.loopBody`): `fold` runs `acc = f(acc, a[i])` along one
// strided run, `scan` writes every running value (accumulate). After each step the
// accumulator is rounded or wrapped to the loop dtype exactly as storing it into a typed
// array of that dtype does (Math.fround, Math.f16round, two's-complement wrapping), so the
// results equal one ufunc call per position, without the per-call overhead.
import { type DType, DTYPES, type TypedArray } from "../core/dtype.ts";
import { compile, repr } from "../core/_kernel.ts";
import type { LoopBody, UfuncMeta } from "./protocol.ts";

/**
 * Folds `n` elements of `d` (from slot `p`, slot stride `s`) into the accumulator at slot `q`
 * of `o`; with a mask `m` (from `pm`, stride `sm`) only where it is non-zero.
 */
export type Fold = (
  d: TypedArray,
  p: number,
  n: number,
  s: number,
  o: TypedArray,
  q: number,
  m?: Uint8Array,
  pm?: number,
  sm?: number,
) => void;

/** Writes the running values of `n` elements of `d` (slot stride `s`) to `o` (slot stride `t`). */
export type Scan = (
  d: TypedArray,
  p: number,
  s: number,
  o: TypedArray,
  q: number,
  t: number,
  n: number,
) => void;

/** `e` converted as a store into a typed array of dtype `L` converts it (ToInt8, fround...). */
function asStored(L: DType, e: string): string {
  switch (L) {
    case "float64":
    case "complex128":
      return e;
    case "float32":
    case "complex64":
      return `Math.fround(${e})`;
    case "float16":
      return `Math.f16round(${e})`;
    case "int8":
      return `((${e}) << 24 >> 24)`;
    case "int16":
      return `((${e}) << 16 >> 16)`;
    case "int32":
      return `((${e}) | 0)`;
    case "uint8":
    case "bool":
      return `((${e}) & 255)`;
    case "uint16":
      return `((${e}) & 65535)`;
    case "uint32":
      return `((${e}) >>> 0)`;
    case "int64":
      return `BigInt.asIntN(64, ${e})`;
    case "uint64":
      return `BigInt.asUintN(64, ${e})`;
  }
}

const KERNELS = new WeakMap<LoopBody, Map<string, Fold | Scan | null>>();

function kernel(
  meta: UfuncMeta,
  L: DType,
  kind: "fold" | "foldMasked" | "scan",
): Fold | Scan | null {
  const of = meta.loopBody;
  if (!of) return null;
  let cache = KERNELS.get(of);
  if (!cache) KERNELS.set(of, cache = new Map());
  const key = `${L}|${kind}`;
  if (cache.has(key)) return cache.get(key)!;
  const body = of(L);
  let f: Fold | Scan | null = null;
  if (body) {
    const c = repr(L) === "cplx";
    const code = body(["x0", "x1"], ["r0"]);
    const read = (e: string) =>
      c ? `const x1r = d[${e}], x1i = d[${e} + 1];` : `const x1 = d[${e}];`;
    const decl = c ? "let r0r, r0i;" : "let r0;";
    const step = c
      ? `x0r = ${asStored(L, "r0r")}; x0i = ${asStored(L, "r0i")};`
      : `x0 = ${asStored(L, "r0")};`;
    const store = (at: string) => c ? `o[${at}] = x0r; o[${at} + 1] = x0i;` : `o[${at}] = x0;`;
    const load = (at: string) =>
      c ? `let x0r = o[${at}], x0i = o[${at} + 1];` : `let x0 = o[${at}];`;
    const name = JSON.stringify(`${meta.name} ${L} ${kind} ${DTYPES[L].char}`);
    const src = kind === "scan"
      ? `// scan ${name}
return function scan(d, p, s, o, q, t, n) {
  if (n === 0) return;
  ${c ? "o[q] = d[p]; o[q + 1] = d[p + 1];" : "o[q] = d[p];"}
  ${load("q")}
  for (let i = 1; i < n; i++) {
    ${read("p + i * s")}
    ${decl}
    ${code}
    ${step}
    ${store("q + i * t")}
  }
};`
      : `// fold ${name}
return function fold(d, p, n, s, o, q, m, pm, sm) {
  ${load("q")}
  for (let i = 0; i < n; i++) {
    ${kind === "foldMasked" ? "if (m[pm + i * sm] === 0) continue;" : ""}
    ${read("p + i * s")}
    ${decl}
    ${code}
    ${step}
  }
  ${store("q")}
};`;
    f = compile(src) as Fold | Scan;
  }
  cache.set(key, f);
  return f;
}

/** The generated fold of the ufunc's `(L, L) -> L` loop, or null when its code is unknown. */
export function foldFor(meta: UfuncMeta, L: DType, masked: boolean): Fold | null {
  return kernel(meta, L, masked ? "foldMasked" : "fold") as Fold | null;
}

/** The generated scan of the ufunc's `(L, L) -> L` loop, or null when its code is unknown. */
export function scanFor(meta: UfuncMeta, L: DType): Scan | null {
  return kernel(meta, L, "scan") as Scan | null;
}

/**
 * Calls `f(offsets)` for every index of `shape` in C order, with one element offset per
 * stride list (`strides[k]` for operand k).
 */
export function forEachIndex(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  bases: readonly number[],
  f: (offs: number[]) => void,
): void {
  const nd = shape.length, n = shape.reduce((a, b) => a * b, 1);
  const offs = bases.slice();
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < n; k++) {
    f(offs);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      for (let j = 0; j < offs.length; j++) offs[j] += strides[j][d];
      if (idx[d] < shape[d]) break;
      for (let j = 0; j < offs.length; j++) offs[j] -= strides[j][d] * shape[d];
      idx[d] = 0;
    }
  }
}
