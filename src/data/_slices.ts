// The rows of a structure of arrays with a common leading dimension: the source of
// `fromTensorSlices` and of `unbatch`. Elements are read-only views; batches of rows are
// gathered straight into fresh arrays.
import { NDArray } from "../core/ndarray.ts";
import { allocate, DTYPES, type TypedArray } from "../core/dtype.ts";
import { copyInto } from "../core/copy.ts";
import { fmtShape } from "../core/shape.ts";
import { Memmap } from "../io/memmap.ts";
import { Node, Row, type Source, syncToAsync } from "./_node.ts";
import { build, leafPaths, type Template, templateSpec, where } from "./_structure.ts";
import { type ElementSpec, TensorSpec } from "./spec.ts";

/** Bytes of memmapped rows read between two page releases. */
const RELEASE_BYTES = 8 * 2 ** 20;

/** Rows shorter than this (in typed-array slots) are copied by a loop, longer by `set`. */
const LOOP_COPY_MAX = 48;

interface Leaf {
  readonly a: NDArray;
  readonly rowShape: readonly number[];
  readonly rowStrides: readonly number[];
  /** Elements per row. */
  readonly rowSize: number;
  /** Typed-array slots per element. */
  readonly lanes: number;
  /** Stride between rows, in elements. */
  readonly s0: number;
  /** Whether each row is C-contiguous (then rows are copied as runs of slots). */
  readonly flatRows: boolean;
  readonly base: NDArray;
  /** The memmap whose pages the rows live in, when it is kernel-mapped. */
  readonly root: Memmap | null;
}

function rowsAreFlat(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let i = shape.length - 1; i >= 1; i--) {
    if (shape[i] !== 1 && strides[i] !== expected) return false;
    expected *= shape[i];
  }
  return true;
}

function memmapOf(a: NDArray): Memmap | null {
  const m = a instanceof Memmap ? a : a.base instanceof Memmap ? a.base : null;
  return m !== null && m.backing === "mmap" ? m : null;
}

/** A {@link Source} over the rows (axis 0) of the arrays of a structure. */
export class SliceSource implements Source {
  readonly length: number;
  readonly releaseEvery: number;
  readonly #template: Template;
  readonly #leaves: readonly Leaf[];

  /** Checks that every array has rank ≥ 1 and the same leading dimension. */
  constructor(template: Template, arrays: readonly NDArray[], fn: string) {
    const paths = leafPaths(template);
    arrays.forEach((a, i) => {
      if (a.ndim === 0) {
        throw new TypeError(
          `${fn}: cannot slice a 0-dimensional array (at ${where(paths[i])}): ` +
            `elements are taken along axis 0`,
        );
      }
      if (a.shape[0] !== arrays[0].shape[0]) {
        throw new TypeError(
          `${fn}: arrays must have the same leading dimension: ${fmtShape(arrays[0].shape)} at ${
            where(paths[0])
          } and ${fmtShape(a.shape)} at ${where(paths[i])}`,
        );
      }
    });
    this.#template = template;
    this.length = arrays[0].shape[0];
    this.#leaves = arrays.map((a) => {
      const rowShape = a.shape.slice(1);
      return {
        a,
        rowShape,
        rowStrides: a.strides.slice(1),
        rowSize: rowShape.reduce((p, d) => p * d, 1),
        lanes: DTYPES[a.dtype].lanes,
        s0: a.strides[0],
        flatRows: rowsAreFlat(a.shape, a.strides),
        base: a.base ?? a,
        root: memmapOf(a),
      };
    });
    const rowBytes = Math.max(
      0,
      ...this.#leaves.filter((l) => l.root !== null).map((l) => l.rowSize * l.a.itemsize),
    );
    this.releaseEvery = rowBytes === 0 ? 0 : Math.max(1, Math.floor(RELEASE_BYTES / rowBytes));
  }

  /** The spec of one row. */
  spec(): ElementSpec {
    return templateSpec(
      this.#template,
      this.#leaves.map((l) => new TensorSpec(l.rowShape, l.a.dtype)),
    );
  }

  element(i: number): unknown {
    const ls = this.#leaves;
    if (ls.length === 1 && this.#template.kind === "leaf") return rowView(ls[0], i);
    return build(this.#template, ls.map((l) => rowView(l, i)));
  }

  gather(idx: Int32Array | number[], n: number): unknown {
    const ls = this.#leaves;
    if (ls.length === 1 && this.#template.kind === "leaf") return gatherLeaf(ls[0], idx, n);
    return build(this.#template, ls.map((l) => gatherLeaf(l, idx, n)));
  }

  release(from: number, to: number): void {
    if (to <= from) return;
    for (const l of this.#leaves) {
      if (l.root === null || l.root.closed) continue;
      const a = l.a;
      const part = new NDArray(
        a.dtype,
        a.data,
        [to - from, ...l.rowShape],
        [l.s0, ...l.rowStrides],
        a.offset + from * l.s0,
        l.base,
        false,
      );
      l.root.releasePages(part);
    }
  }
}

function rowView(l: Leaf, i: number): NDArray {
  const a = l.a;
  return new NDArray(a.dtype, a.data, l.rowShape, l.rowStrides, a.offset + i * l.s0, l.base, false);
}

/** The int32 words of a 64-bit integer array's memory. */
export function words(data: TypedArray): Int32Array {
  return new Int32Array(data.buffer, data.byteOffset, data.length * 2);
}

function gatherLeaf(l: Leaf, idx: Int32Array | number[], n: number): NDArray {
  const a = l.a;
  const out = allocate(a.dtype, n * l.rowSize);
  if (!l.flatRows) {
    for (let k = 0; k < n; k++) {
      copyInto(new NDArray(a.dtype, out, l.rowShape, undefined, k * l.rowSize), rowView(l, idx[k]));
    }
    return new NDArray(a.dtype, out, [n, ...l.rowShape]);
  }
  // 64-bit integers are copied as pairs of int32 words: reading a BigInt64Array element
  // makes a bigint, which made int64 rows several times slower to gather than float64 rows.
  const w = DTYPES[a.dtype].bigint ? 2 : 1, lanes = l.lanes * w;
  const len = l.rowSize * lanes, s0 = l.s0 * lanes, off = a.offset * lanes;
  // deno-lint-ignore no-explicit-any
  const src = (w === 2 ? words(a.data) : a.data) as any, dst = (w === 2 ? words(out) : out) as any;
  let run = s0 === len;
  for (let k = 1; run && k < n; k++) run = idx[k] === idx[0] + k;
  if (run) {
    const p = off + idx[0] * s0;
    dst.set(src.subarray(p, p + n * len));
  } else if (len <= LOOP_COPY_MAX) {
    for (let k = 0, q = 0; k < n; k++) {
      const p = off + idx[k] * s0;
      for (let j = 0; j < len; j++) dst[q++] = src[p + j];
    }
  } else {
    for (let k = 0; k < n; k++) {
      const p = off + idx[k] * s0;
      dst.set(src.subarray(p, p + len), k * len);
    }
  }
  return new NDArray(a.dtype, out, [n, ...l.rowShape]);
}

/** Rows `0..n)` of `src`, releasing memmap pages behind the cursor as it goes. */
export function* rows(src: Source): Generator<Row, void, undefined> {
  const n = src.length, every = src.releaseEvery;
  if (every === 0) {
    for (let i = 0; i < n; i++) yield new Row(src, i);
    return;
  }
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (i - from >= every) {
      src.release(from, i);
      from = i;
    }
    yield new Row(src, i);
  }
  src.release(from, n);
}

/**
 * Releases memmap pages behind rows used in any order (batches gathered after a shuffle, a
 * cache replaying its rows): after every `releaseEvery` rows of a source, the span of rows
 * used since the last release. A row whose page is released is read again from the page
 * cache if it is needed later: the data stays valid either way.
 */
export class PageReleaser {
  readonly #seen = new Map<Source, { n: number; lo: number; hi: number }>();
  /** Notes that rows `idx[0..n)` of `src` were used. */
  rows(src: Source, idx: ArrayLike<number>, n: number): void {
    if (src.releaseEvery === 0 || n === 0) return;
    let s = this.#seen.get(src);
    if (s === undefined) this.#seen.set(src, s = { n: 0, lo: idx[0], hi: idx[0] });
    for (let k = 0; k < n; k++) {
      const i = idx[k];
      if (i < s.lo) s.lo = i;
      else if (i > s.hi) s.hi = i;
    }
    s.n += n;
    if (s.n >= src.releaseEvery) {
      src.release(s.lo, s.hi + 1);
      this.#seen.delete(src);
    }
  }
  /** Notes that an item was used (only rows of memmap-backed sources count). */
  see(x: unknown): void {
    if (x instanceof Row && x.src.releaseEvery !== 0) this.rows(x.src, [x.i], 1);
  }
  /** Releases what is left. */
  flush(): void {
    for (const [src, s] of this.#seen) src.release(s.lo, s.hi + 1);
    this.#seen.clear();
  }
}

/** `Dataset.fromTensorSlices`: the rows of arrays. */
export class SlicesNode extends Node {
  constructor(readonly source: SliceSource) {
    super([], "");
  }
  iterSync(): Iterator<unknown> {
    return rows(this.source);
  }
  protected runAsync(): AsyncIterator<unknown> {
    return syncToAsync(this.iterSync());
  }
  cardinality(): number {
    return this.source.length;
  }
  spec(): ElementSpec | null {
    return this.source.spec();
  }
  describe(): string {
    return "fromTensorSlices";
  }
}
