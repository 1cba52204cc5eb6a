// Element structures: an element is an NDArray (or a JS scalar), or a tuple (JS array) or
// object of elements. A JS array holding only numbers, bigints and booleans (at any depth) is
// data, one array (tf.data reads Python lists the same way), not a tuple.
import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { type ElementSpec, TensorSpec } from "./spec.ts";

/** Where the leaves of a structure go, in the order they were found. */
export type Template =
  | { readonly kind: "leaf"; readonly index: number }
  | { readonly kind: "tuple"; readonly items: readonly Template[] }
  | {
    readonly kind: "dict";
    readonly keys: readonly string[];
    readonly items: readonly Template[];
  };

/** Whether `x` is a plain object (`{...}`), not a class instance. */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object") return false;
  const p = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

/** Whether `x` is JS data for one array: a scalar, a typed array, or nested arrays of scalars. */
export function isArrayData(x: unknown): boolean {
  const t = typeof x;
  if (t === "number" || t === "bigint" || t === "boolean") return true;
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return true;
  return Array.isArray(x) && x.every(isArrayData);
}

/** `path` for messages: `[0].x`, or `the top level`. */
export function where(path: string): string {
  return path === "" ? "the top level" : path;
}

/** A JS value's kind for messages. */
export function kindOf(x: unknown): string {
  if (x === null) return "null";
  if (x instanceof NDArray) return "an NDArray";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "object") return isPlainObject(x) ? "an object" : `a ${x.constructor?.name}`;
  return `a ${typeof x}`;
}

/**
 * The template of structure `x`, pushing its arrays (JS data converted with `asarray`) onto
 * `leaves`. Throws a TypeError naming `fn` for anything else.
 */
export function parseStructure(
  x: unknown,
  fn: string,
  leaves: NDArray[],
  path = "",
): Template {
  if (x instanceof NDArray || isArrayData(x)) {
    leaves.push(toArray(x as ArrayLike, fn));
    return { kind: "leaf", index: leaves.length - 1 };
  }
  if (Array.isArray(x)) {
    return {
      kind: "tuple",
      items: x.map((v, i) => parseStructure(v, fn, leaves, `${path}[${i}]`)),
    };
  }
  if (isPlainObject(x)) {
    const keys = Object.keys(x);
    if (keys.length === 0) {
      throw new TypeError(`${fn}: an empty object at ${where(path)} holds no arrays`);
    }
    return {
      kind: "dict",
      keys,
      items: keys.map((k) => parseStructure(x[k], fn, leaves, `${path}.${k}`)),
    };
  }
  throw new TypeError(
    `${fn}: expected NDArrays, nested arrays of numbers, or tuples or objects of them, ` +
      `got ${kindOf(x)} at ${where(path)}`,
  );
}

/** The structure `t` describes, with leaf `i` replaced by `values[i]`. */
export function build(t: Template, values: readonly unknown[]): unknown {
  if (t.kind === "leaf") return values[t.index];
  if (t.kind === "tuple") return t.items.map((c) => build(c, values));
  const out: Record<string, unknown> = {};
  for (let i = 0; i < t.keys.length; i++) out[t.keys[i]] = build(t.items[i], values);
  return out;
}

/** The paths of a template's leaves, in leaf order. */
export function leafPaths(t: Template, path = "", out: string[] = []): string[] {
  if (t.kind === "leaf") out[t.index] = path;
  else if (t.kind === "tuple") t.items.forEach((c, i) => leafPaths(c, `${path}[${i}]`, out));
  else t.items.forEach((c, i) => leafPaths(c, `${path}.${t.keys[i]}`, out));
  return out;
}

/** The spec of a template whose leaf `i` has spec `specs[i]`. */
export function templateSpec(t: Template, specs: readonly TensorSpec[]): ElementSpec {
  return build(t, specs) as ElementSpec;
}

/** `spec` with `f` applied to every TensorSpec (null stays null). */
export function mapSpec(
  spec: ElementSpec | null,
  f: (t: TensorSpec) => TensorSpec,
): ElementSpec | null {
  if (spec === null) return null;
  if (spec instanceof TensorSpec) return f(spec);
  if (Array.isArray(spec)) return spec.map((s) => mapSpec(s, f) as ElementSpec);
  const o = spec as { readonly [key: string]: ElementSpec };
  const out: Record<string, ElementSpec> = {};
  for (const k of Object.keys(o)) out[k] = mapSpec(o[k], f) as ElementSpec;
  return out;
}

/**
 * The most specific spec of both `a` and `b` (dimensions that differ become null), or
 * undefined when their structures or dtypes differ.
 */
export function mergeSpecs(a: ElementSpec, b: ElementSpec): ElementSpec | undefined {
  if (a instanceof TensorSpec || b instanceof TensorSpec) {
    if (!(a instanceof TensorSpec && b instanceof TensorSpec)) return undefined;
    if (a.dtype !== b.dtype || a.shape.length !== b.shape.length) return undefined;
    return new TensorSpec(a.shape.map((d, i) => d === b.shape[i] ? d : null), a.dtype);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return undefined;
    const out: ElementSpec[] = [];
    for (let i = 0; i < a.length; i++) {
      const m = mergeSpecs(a[i], b[i]);
      if (m === undefined) return undefined;
      out.push(m);
    }
    return out;
  }
  const oa = a as { readonly [key: string]: ElementSpec };
  const ob = b as { readonly [key: string]: ElementSpec };
  const ka = Object.keys(oa), kb = Object.keys(ob);
  if (ka.length !== kb.length || !ka.every((k) => k in ob)) return undefined;
  const out: Record<string, ElementSpec> = {};
  for (const k of ka) {
    const m = mergeSpecs(oa[k], ob[k]);
    if (m === undefined) return undefined;
    out[k] = m;
  }
  return out;
}
