// `Dataset.range`: the numbers start, start + step, ... before stop, as 0-d arrays.
import { NDArray } from "../core/ndarray.ts";
import { allocate, type DType, DTYPES } from "../core/dtype.ts";
import { Node, type Row, type Source, syncToAsync } from "./_node.ts";
import { type ElementSpec, TensorSpec } from "./spec.ts";
import { rows } from "./_slices.ts";
import type { RangeDType } from "./types.ts";

/** A {@link Source} whose row `i` is `start + i * step`. */
class RangeSource implements Source {
  readonly length: number;
  readonly releaseEvery = 0;
  constructor(
    readonly start: number,
    readonly step: number,
    n: number,
    readonly dtype: RangeDType,
  ) {
    this.length = n;
  }
  #fill(out: NDArray["data"], k: number, v: number): void {
    if (DTYPES[this.dtype].bigint) (out as BigInt64Array)[k] = BigInt(v);
    else (out as Float64Array)[k] = v;
  }
  element(i: number): unknown {
    const out = allocate(this.dtype, 1);
    this.#fill(out, 0, this.start + i * this.step);
    return new NDArray(this.dtype, out, []);
  }
  gather(idx: Int32Array | number[], n: number): unknown {
    const out = allocate(this.dtype, n);
    for (let k = 0; k < n; k++) this.#fill(out, k, this.start + idx[k] * this.step);
    return new NDArray(this.dtype, out, [n]);
  }
  release(): void {}
}

/** The number of values of `range(start, stop, step)`. */
function count(start: number, stop: number, step: number): number {
  return Math.max(0, Math.ceil((stop - start) / step));
}

/** Parses `range(stop)`, `range(start, stop)`, `range(start, stop, step)`. */
export function rangeNode(args: readonly unknown[], dtype: unknown): RangeNode {
  if (args.length < 1 || args.length > 3) {
    throw new TypeError(
      `range: expected 1 to 3 numbers (stop, or start, stop, step), got ${args.length}`,
    );
  }
  for (const a of args) {
    if (typeof a !== "number" || !Number.isSafeInteger(a)) {
      throw new TypeError(`range: start, stop and step must be safe integers, got ${String(a)}`);
    }
  }
  const [start, stop, step] = args.length === 1
    ? [0, args[0] as number, 1]
    : [args[0] as number, args[1] as number, (args[2] ?? 1) as number];
  if (step === 0) throw new RangeError("range: step must not be zero");
  const dt = dtype ?? "int64";
  if (typeof dt !== "string" || !(dt in DTYPES) || ["b", "c"].includes(DTYPES[dt as DType].kind)) {
    throw new TypeError(`range: dtype must be a real numeric dtype, got ${String(dt)}`);
  }
  return new RangeNode(new RangeSource(start, step, count(start, stop, step), dt as RangeDType), [
    start,
    stop,
    step,
  ]);
}

/** `Dataset.range`. */
export class RangeNode extends Node {
  constructor(readonly source: RangeSource, readonly args: readonly number[]) {
    super([], "");
  }
  iterSync(): Iterator<unknown> {
    return rows(this.source) as Iterator<Row>;
  }
  protected runAsync(): AsyncIterator<unknown> {
    return syncToAsync(this.iterSync());
  }
  cardinality(): number {
    return this.source.length;
  }
  spec(): ElementSpec | null {
    return new TensorSpec([], this.source.dtype);
  }
  describe(): string {
    const [start, stop, step] = this.args;
    const dt = this.source.dtype === "int64" ? "" : `, dtype=${this.source.dtype}`;
    return `range(${start}, ${stop}${step === 1 ? "" : `, ${step}`}${dt})`;
  }
}
