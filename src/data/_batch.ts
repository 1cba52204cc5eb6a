// `batch` and `unbatch`. A batch of rows of one source is gathered straight from the
// source's arrays; any other batch is stacked leaf by leaf (NDArrays of one shape and dtype;
// numbers become float64, bigints int64, booleans bool).
import { NDArray } from "../core/ndarray.ts";
import { allocate, type DType, DTYPES } from "../core/dtype.ts";
import { copyInto } from "../core/copy.ts";
import { fmtShape, shapesEqual } from "../core/shape.ts";
import { type ElementSpec, INFINITE_CARDINALITY, TensorSpec, UNKNOWN_CARDINALITY } from "./spec.ts";
import { Node, resolve, Row } from "./_node.ts";
import { items, itemsAsync } from "./_map.ts";
import { isPlainObject, kindOf, mapSpec, parseStructure, where } from "./_structure.ts";
import { PageReleaser, rows, SliceSource, words } from "./_slices.ts";

/** Short arrays are copied element by element, longer ones with `set`. */
const LOOP_COPY_MAX = 48;

function stackArrays(arrs: readonly unknown[], path: string): NDArray {
  const a0 = arrs[0] as NDArray, n = arrs.length;
  const { dtype, shape } = a0, size = a0.size;
  // 64-bit integers are copied as int32 word pairs (no bigint per element).
  const w = DTYPES[dtype].bigint ? 2 : 1, lanes = DTYPES[dtype].lanes * w, len = size * lanes;
  const out = allocate(dtype, n * size);
  // deno-lint-ignore no-explicit-any
  const dst = (w === 2 ? words(out) : out) as any;
  for (let k = 0; k < n; k++) {
    const a = arrs[k];
    if (!(a instanceof NDArray)) {
      throw new TypeError(
        `batch: element ${k} is ${kindOf(a)} at ${where(path)} where element 0 is an NDArray`,
      );
    }
    if (a.dtype !== dtype) {
      throw new TypeError(
        `batch: element ${k} has dtype ${a.dtype} at ${where(path)} where element 0 has ${dtype}`,
      );
    }
    if (!shapesEqual(a.shape, shape)) {
      throw new TypeError(
        `batch: element ${k} has shape ${fmtShape(a.shape)} at ${where(path)} where element 0 ` +
          `has ${fmtShape(shape)}`,
      );
    }
    if (a.flags.cContiguous) {
      // deno-lint-ignore no-explicit-any
      const src = (w === 2 ? words(a.data) : a.data) as any, p = a.offset * lanes, q = k * len;
      if (len <= LOOP_COPY_MAX) { for (let j = 0; j < len; j++) dst[q + j] = src[p + j]; }
      else dst.set(src.subarray(p, p + len), q);
    } else copyInto(new NDArray(dtype, out, shape, undefined, k * size), a);
  }
  return new NDArray(dtype, out, [n, ...shape]);
}

const SCALAR_DTYPE: Record<string, DType> = { number: "float64", bigint: "int64", boolean: "bool" };

function stackScalars(vals: readonly unknown[], path: string): NDArray {
  const t = typeof vals[0], dtype = SCALAR_DTYPE[t], n = vals.length;
  const out = allocate(dtype, n);
  for (let k = 0; k < n; k++) {
    const v = vals[k];
    if (typeof v !== typeof vals[0]) {
      throw new TypeError(
        `batch: element ${k} is ${kindOf(v)} at ${where(path)} where element 0 is a ${t}`,
      );
    }
    (out as unknown as unknown[])[k] = t === "boolean" ? (v ? 1 : 0) : v;
  }
  return new NDArray(dtype, out, [n]);
}

/** Stacks elements of one structure into a batch. */
export function stack(vals: readonly unknown[], path = ""): unknown {
  const v0 = vals[0];
  if (v0 instanceof NDArray) return stackArrays(vals, path);
  if ((typeof v0) in SCALAR_DTYPE) return stackScalars(vals, path);
  if (Array.isArray(v0)) {
    vals.forEach((v, k) => {
      if (!Array.isArray(v) || v.length !== v0.length) {
        throw new TypeError(
          `batch: element ${k} is ${Array.isArray(v) ? `a tuple of ${v.length}` : kindOf(v)} at ` +
            `${where(path)} where element 0 is a tuple of ${v0.length}`,
        );
      }
    });
    return v0.map((_, i) => stack(vals.map((v) => (v as unknown[])[i]), `${path}[${i}]`));
  }
  if (isPlainObject(v0)) {
    const keys = Object.keys(v0), out: Record<string, unknown> = {};
    vals.forEach((v, k) => {
      if (!isPlainObject(v)) {
        throw new TypeError(
          `batch: element ${k} is ${kindOf(v)} at ${where(path)} where element 0 is an object ` +
            `with keys [${keys.join(",")}]`,
        );
      }
      const vk = Object.keys(v);
      if (vk.length !== keys.length || !keys.every((x) => x in v)) {
        throw new TypeError(
          `batch: element ${k} has keys [${vk.join(",")}] at ${where(path)} where element 0 ` +
            `has keys [${keys.join(",")}]`,
        );
      }
    });
    for (const key of keys) {
      out[key] = stack(vals.map((v) => (v as Record<string, unknown>)[key]), `${path}.${key}`);
    }
    return out;
  }
  throw new TypeError(`batch: cannot batch ${kindOf(v0)} (at ${where(path)})`);
}

/** One batch from pipeline items: gathered when they are rows of one source, else stacked. */
export function batchOf(
  its: readonly unknown[],
  n: number,
  idx: Int32Array,
  pages: PageReleaser,
): unknown {
  const first = its[0];
  if (first instanceof Row) {
    const src = first.src;
    let k = 0;
    for (; k < n; k++) {
      const it = its[k];
      if (!(it instanceof Row) || it.src !== src) break;
      idx[k] = it.i;
    }
    if (k === n) {
      const b = src.gather(idx, n);
      pages.rows(src, idx, n);
      return b;
    }
  }
  const vals = new Array(n);
  for (let k = 0; k < n; k++) vals[k] = resolve(its[k]);
  return stack(vals);
}

/** `batch(size, { dropRemainder })`. */
export class BatchNode extends Node {
  constructor(input: Node, readonly size: number, readonly dropRemainder: boolean) {
    super([input], "");
  }
  *iterSync(): Iterator<unknown> {
    const n = this.size, buf: unknown[] = [], idx = new Int32Array(n), pages = new PageReleaser();
    for (const x of items(this.inputs[0])) {
      buf.push(x);
      if (buf.length === n) {
        yield batchOf(buf, n, idx, pages);
        buf.length = 0;
      }
    }
    if (buf.length > 0 && !this.dropRemainder) yield batchOf(buf, buf.length, idx, pages);
    pages.flush();
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    const n = this.size, buf: unknown[] = [], idx = new Int32Array(n), pages = new PageReleaser();
    for await (const x of itemsAsync(this.inputs[0])) {
      buf.push(x);
      if (buf.length === n) {
        yield batchOf(buf, n, idx, pages);
        buf.length = 0;
      }
    }
    if (buf.length > 0 && !this.dropRemainder) yield batchOf(buf, buf.length, idx, pages);
    pages.flush();
  }
  cardinality(): number {
    const c = this.inputs[0].cardinality();
    if (c < 0) return c;
    return this.dropRemainder ? Math.floor(c / this.size) : Math.ceil(c / this.size);
  }
  spec(): ElementSpec | null {
    const lead = this.dropRemainder ? this.size : null;
    return mapSpec(this.inputs[0].spec(), (t) => new TensorSpec([lead, ...t.shape], t.dtype));
  }
  describe(): string {
    return `batch(${this.size}${this.dropRemainder ? ", dropRemainder" : ""})`;
  }
}

/** The rows of one batch element, as a source. */
function split(x: unknown): SliceSource {
  const leaves: NDArray[] = [];
  const t = parseStructure(resolve(x), "unbatch", leaves);
  return new SliceSource(t, leaves, "unbatch");
}

/** `unbatch()`. */
export class UnbatchNode extends Node {
  constructor(input: Node) {
    super([input], "");
  }
  *iterSync(): Iterator<unknown> {
    for (const x of items(this.inputs[0])) yield* rows(split(x));
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    for await (const x of itemsAsync(this.inputs[0])) yield* rows(split(x));
  }
  cardinality(): number {
    const c = this.inputs[0].cardinality();
    if (c === INFINITE_CARDINALITY || c === UNKNOWN_CARDINALITY) return c;
    const s = this.inputs[0].spec();
    let lead: number | null | undefined;
    mapSpec(s, (t) => {
      const d = t.shape.length > 0 ? t.shape[0] : null;
      lead = lead === undefined || lead === d ? d : null;
      return t;
    });
    return typeof lead === "number" ? c * lead : UNKNOWN_CARDINALITY;
  }
  spec(): ElementSpec | null {
    return mapSpec(this.inputs[0].spec(), (t) => new TensorSpec(t.shape.slice(1), t.dtype));
  }
  describe(): string {
    return "unbatch";
  }
}
