// Generated elementwise loops over strided buffers.
//
// One kernel is generated (with `new Function`) per operation, per combination of storage and
// loop dtypes, and per pattern of inner strides (0 = broadcast and hoisted, 1 = contiguous,
// s = general). Each kernel walks two dimensions; the driver coalesces the operands'
// dimensions, calls the kernel over the last two, tiles them when an input is transposed
// relative to the output, and steps an odometer over any others. The operation's code is
// inlined into each kernel: a shared loop calling an op callback goes megamorphic in V8.
// Kernels also differ by how they walk a row (see `Variant`): native fills and copies, and
// per-row subarrays for long contiguous rows. Every kernel's source starts with a comment
// naming its cache key: V8 shares type feedback between identical `new Function` sources
// (measured: a Float64Array kernel sharing feedback with a Float32Array twin ran 2× slower).
// bench/kernel_variants_test.ts checks every variant against per-element runs.
import { type DType, DTYPES, type TypedArray } from "./dtype.ts";
import { canCast } from "./promotion.ts";

/** One operand of an elementwise loop, already broadcast to the loop's shape. */
export interface Operand {
  data: TypedArray;
  dtype: DType;
  /** In elements. */
  offset: number;
  /** In elements, one per loop dimension (0 on broadcast axes). */
  strides: readonly number[];
}

/** What the generated code computes for one element. */
export interface LoopSpec {
  /** Unique name of the operation and its loop types (part of the cache key). */
  key: string;
  /** Loop (compute) dtype of each input. */
  loopIn: readonly DType[];
  /** Loop (compute) dtype of each output. */
  loopOut: readonly DType[];
  /**
   * Statements computing outputs `r0, r1, ...` from inputs `x0, x1, ...` (complex values are
   * split as `x0r`/`x0i` and `r0r`/`r0i`). Helpers from `HELPERS` are in scope by name.
   */
  body: (x: readonly string[], r: readonly string[]) => string;
}

const I64_MIN = -(2n ** 63n);

/** Functions generated code may call by name. */
export const HELPERS: Record<string, unknown> = {
  f2b: (x: number): bigint => Number.isFinite(x) ? BigInt(Math.trunc(x)) : I64_MIN,
  /** Round half to even (NumPy's rint). */
  rint: (x: number): number => {
    const r = Math.round(x);
    return (r - x === 0.5 && r % 2 !== 0) ? r - 1 : r;
  },
};

/** How generated code holds a value of a dtype: a number, a bigint, or a (re, im) pair. */
export type Repr = "num" | "big" | "cplx";
/** The JS representation generated code uses for `d`. */
export function repr(d: DType): Repr {
  const i = DTYPES[d];
  return i.kind === "c" ? "cplx" : i.bigint ? "big" : "num";
}
const NUM_CAST: Partial<Record<DType, (e: string) => string>> = {
  int8: (e) => `((${e}) << 24 >> 24)`,
  int16: (e) => `((${e}) << 16 >> 16)`,
  int32: (e) => `((${e}) | 0)`,
  uint8: (e) => `((${e}) & 255)`,
  uint16: (e) => `((${e}) & 65535)`,
  uint32: (e) => `((${e}) >>> 0)`,
  bool: (e) => `(+((${e}) !== 0))`, // branchless: a `? 1 : 0` mispredicts on random data
  float32: (e) => `Math.fround(${e})`,
  float16: (e) => `Math.f16round(${e})`,
};
const isIntLike = (d: DType) => DTYPES[d].kind !== "f" && DTYPES[d].kind !== "c";

/** A number-valued expression of `e` (read as `from`) converted to number-kind `to`. */
function numTo(from: DType, to: DType, e: string): string {
  if (canCast(from, to)) return e;
  if (to === "bool" && from === "bool") return e;
  return NUM_CAST[to]?.(e) ?? e;
}
/** Converts a real value expression from dtype `from` to dtype `to` (both real). */
export function realTo(from: DType, to: DType, e: string): string {
  const rf = repr(from), rt = repr(to);
  if (rf === "num" && rt === "num") return numTo(from, to, e);
  if (rf === "num" && rt === "big") {
    const b = isIntLike(from) ? `BigInt(${e})` : `f2b(${e})`;
    return to === "uint64" && DTYPES[from].kind === "i" ? `BigInt.asUintN(64, ${b})` : b;
  }
  if (rf === "big" && rt === "num") {
    if (to === "bool") return `(+((${e}) !== 0n))`;
    if (DTYPES[to].kind === "f") return `Number(${e})`;
    return numTo("float64", to, `Number(BigInt.asIntN(32, ${e}))`);
  }
  // big → big
  if (from === to) return e;
  return to === "uint64" ? `BigInt.asUintN(64, ${e})` : `BigInt.asIntN(64, ${e})`;
}

type StrideClass = "0" | "1" | "s";

/**
 * How a kernel walks its inner dimension:
 * - `loop`: element by element, indexing the whole buffers (any strides);
 * - `rows`: the same over per-row `subarray`s for the contiguous operands of long rows. V8
 *   compiles loops over these short-lived views better than offset indexing into the whole
 *   buffers (measured 1.3–1.8× on cache-resident rows, and `Math.exp` loops as fast as a
 *   plain loop); below ~256 elements per row creating the views costs more than it saves;
 * - `fill` / `fillNative`: every input is broadcast along the row, so the body runs once per
 *   row and its value is stored n times (`fillNative` with `TypedArray.fill`);
 * - `memcpy`: a plain copy between contiguous rows with `TypedArray.set` (native).
 */
type Variant = "loop" | "rows" | "fill" | "fillNative" | "memcpy";

function genKernel(
  spec: LoopSpec,
  dtypes: readonly DType[],
  classes: readonly StrideClass[],
  variant: Variant = "loop",
): string {
  const nin = spec.loopIn.length, nout = spec.loopOut.length;
  const nops = dtypes.length; // nin + nout (+1 for a where mask)
  const hasWhere = nops > nin + nout;
  const params = ["n0", "n1"];
  for (let k = 0; k < nops; k++) params.push(`D${k}`, `p${k}`, `a${k}`, `b${k}`);
  const lanes = (k: number) => DTYPES[dtypes[k]].lanes;
  const rows = variant === "rows";
  const at = (k: number, lane: number) => {
    const c = classes[k];
    const two = lanes(k) === 2;
    if (rows && c === "1") return `S${k}[${two ? "2 * j" : "j"}${lane ? " + 1" : ""}]`;
    const base = c === "0"
      ? `q${k}`
      : c === "1"
      ? (two ? `q${k} + 2 * j` : `q${k} + j`)
      : `q${k} + j * b${k}`;
    return `D${k}[${base}${lane ? " + 1" : ""}]`;
  };
  const qs = Array.from({ length: nops }, (_, k) => `q${k} = p${k} + i * a${k}`).join(", ");
  const head = `// ${spec.key} [${dtypes.join(",")}] ${classes.join("")} ${variant}
return function kernel(${params.join(", ")}) {
  for (let i = 0; i < n0; i++) {
    const ${qs};`;
  if (variant === "memcpy") {
    return `${head}
    D1.set(D0.subarray(q0, q0 + ${lanes(0)} * n1), q1);
  }
};`;
  }
  const xs = Array.from({ length: nin }, (_, k) => `x${k}`);
  const rs = Array.from({ length: nout }, (_, k) => `r${k}`);
  const hoisted: string[] = [];
  const inner: string[] = [];
  for (let k = 0; k < nin; k++) {
    const from = dtypes[k], to = spec.loopIn[k];
    const lines: string[] = [];
    if (repr(to) === "cplx") {
      if (repr(from) === "cplx") {
        lines.push(`const x${k}r = ${at(k, 0)}, x${k}i = ${at(k, 1)};`);
      } else {
        lines.push(`const x${k}r = ${realTo(from, "float64", at(k, 0))}, x${k}i = 0;`);
      }
    } else {
      const f = repr(from) === "cplx" ? "float64" : from;
      lines.push(`const x${k} = ${realTo(f, to, at(k, 0))};`);
    }
    (classes[k] === "0" ? hoisted : inner).push(...lines);
  }
  const outDecl = rs.map((r, k) =>
    repr(spec.loopOut[k]) === "cplx" ? `let ${r}r, ${r}i;` : `let ${r};`
  );
  // The value each output lane is stored as: [expression, lane].
  const stores: [number, number, string][] = [];
  for (let k = 0; k < nout; k++) {
    const o = nin + k, from = spec.loopOut[k], to = dtypes[o];
    if (repr(to) === "cplx") {
      if (repr(from) === "cplx") stores.push([o, 0, `r${k}r`], [o, 1, `r${k}i`]);
      else stores.push([o, 0, realTo(from, "float64", `r${k}`)], [o, 1, "0"]);
    } else if (repr(from) === "cplx") {
      // Complex to real drops the imaginary part, except for bool: any non-zero part is true.
      stores.push([
        o,
        0,
        to === "bool" ? `(r${k}r !== 0 || r${k}i !== 0 ? 1 : 0)` : realTo("float64", to, `r${k}r`),
      ]);
    } else {
      stores.push([o, 0, realTo(from, to, `r${k}`)]);
    }
  }
  if (variant === "fill" || variant === "fillNative") {
    // Every input is constant along the row: compute once, store n1 times.
    const vals = stores.map(([, , e], m) => `const w${m} = ${e};`);
    const fills = stores.map(([o, lane], m) =>
      variant === "fillNative" && lanes(o) === 1 && classes[o] === "1"
        ? `D${o}.fill(w${m}, q${o}, q${o} + n1);`
        : `for (let j = 0; j < n1; j++) ${at(o, lane)} = w${m};`
    );
    return `${head}
    ${[...hoisted, ...outDecl, spec.body(xs, rs), ...vals, ...fills].join("\n    ")}
  }
};`;
  }
  const writes = stores.map(([o, lane, e]) => `${at(o, lane)} = ${e};`);
  let body = [...inner, ...outDecl, spec.body(xs, rs), ...writes].join("\n      ");
  if (hasWhere) body = `if (${at(nops - 1, 0)} !== 0) {\n      ${body}\n      }`;
  const subs = rows
    ? classes.flatMap((c, k) =>
      c === "1" ? [`const S${k} = D${k}.subarray(q${k}, q${k} + ${lanes(k)} * n1);`] : []
    )
    : [];
  return `${head}
    ${[...subs, ...hoisted].join("\n    ")}
    for (let j = 0; j < n1; j++) {
      ${body}
    }
  }
};`;
}

/**
 * Whether `spec` is a plain copy whose stores `TypedArray.prototype.set` reproduces exactly
 * (same conversions: modular integer wrap, float rounding; never bool, never number ↔ bigint).
 */
function isPlainCopy(spec: LoopSpec, dtypes: readonly DType[]): boolean {
  if (spec.loopIn.length !== 1 || spec.loopOut.length !== 1 || dtypes.length !== 2) return false;
  const [from, to] = dtypes, loop = spec.loopIn[0];
  if (from !== loop || spec.loopOut[0] !== loop) return false;
  const rf = repr(from), rt = repr(to);
  const body = spec.body(["x0"], ["r0"]).trim();
  if (body !== (rf === "cplx" ? "r0r = x0r; r0i = x0i;" : "r0 = x0;")) return false;
  if (from === to) return true;
  return rf === rt && (rt !== "num" || to !== "bool");
}
const PLAIN_COPY = new WeakMap<LoopSpec, Map<string, boolean>>();
function plainCopy(spec: LoopSpec, dtypes: readonly DType[]): boolean {
  let m = PLAIN_COPY.get(spec);
  if (!m) PLAIN_COPY.set(spec, m = new Map());
  const key = dtypes.join(",");
  let v = m.get(key);
  if (v === undefined) m.set(key, v = isPlainCopy(spec, dtypes));
  return v;
}

type Kernel = (...args: unknown[]) => void;

/**
 * Compiles generated source (a function body that returns the kernel) with every helper of
 * `HELPERS` in scope by name. The source must be unique per kernel (start it with a comment
 * naming its key) so that V8 does not share type feedback between kernels.
 */
export function compile(src: string): unknown {
  const names = Object.keys(HELPERS);
  return new Function(...names, src)(...names.map((n) => HELPERS[n]));
}
const CACHE = new Map<string, Kernel>();

function kernelFor(
  spec: LoopSpec,
  dtypes: readonly DType[],
  classes: readonly StrideClass[],
  variant: Variant,
): Kernel {
  // The key and the source's first comment name the same things, so that two different
  // kernels never have identical sources (V8 would share their type feedback).
  const key = `${spec.key}|${dtypes.join(",")}|${classes.join("")}|${variant}`;
  let k = CACHE.get(key);
  if (!k) {
    k = compile(genKernel(spec, dtypes, classes, variant)) as Kernel;
    CACHE.set(key, k);
  }
  return k;
}

/** The source of the kernel `run` would use for an all-contiguous 1-D loop (for debugging). */
export function kernelSource(spec: LoopSpec, dtypes: readonly DType[]): string {
  const classes: StrideClass[] = dtypes.map(() => "1");
  return genKernel(spec, dtypes, classes, chooseVariant(spec, dtypes, classes, 1 << 20));
}

const TILE = 64;
/** Shortest row worth a native call (`fill`, `set`) or per-row `subarray`s. */
const NATIVE_MIN = 64, ROWS_MIN = 512;

function chooseVariant(
  spec: LoopSpec,
  dtypes: readonly DType[],
  classes: readonly StrideClass[],
  n1: number,
): Variant {
  const nin = spec.loopIn.length;
  const rows = n1 >= ROWS_MIN && classes.includes("1");
  if (dtypes.length > nin + spec.loopOut.length) return rows ? "rows" : "loop"; // where mask
  if (nin > 0 && classes.slice(0, nin).every((c) => c === "0")) {
    return n1 >= NATIVE_MIN ? "fillNative" : "fill";
  }
  if (n1 >= NATIVE_MIN && classes[0] === "1" && classes[1] === "1" && plainCopy(spec, dtypes)) {
    return "memcpy";
  }
  return rows ? "rows" : "loop";
}

const DTYPE_CODE = new Map<DType, number>(Object.keys(DTYPES).map((d, i) => [d as DType, i]));
const CLASS_CODE: Record<StrideClass, number> = { "0": 0, "1": 1, "s": 2 };
const VARIANT_CODE: Record<Variant, number> = {
  loop: 0,
  rows: 1,
  fill: 2,
  fillNative: 3,
  memcpy: 4,
};
/** Per spec object: kernels by a numeric key (cheaper than building the string key). */
const FAST = new WeakMap<LoopSpec, Map<number, Kernel>>();

function lookup(
  spec: LoopSpec,
  dtypes: readonly DType[],
  classes: readonly StrideClass[],
  variant: Variant,
): Kernel {
  const nops = dtypes.length;
  if (nops > 7) return kernelFor(spec, dtypes, classes, variant);
  // Mixed radix: variant (5), operand count (9), then 64 per operand (dtype * 3 + class).
  let key = VARIANT_CODE[variant] + 5 * nops, m = 45;
  for (let k = 0; k < nops; k++, m *= 64) {
    key += (DTYPE_CODE.get(dtypes[k])! * 3 + CLASS_CODE[classes[k]]) * m;
  }
  let fast = FAST.get(spec);
  if (!fast) FAST.set(spec, fast = new Map());
  let kern = fast.get(key);
  if (!kern) fast.set(key, kern = kernelFor(spec, dtypes, classes, variant));
  return kern;
}

/**
 * Runs `spec` elementwise over `shape`. `ops` holds the inputs, then the outputs, then
 * optionally a bool `where` mask; all already broadcast to `shape` (strides 0 where they
 * repeat). Outputs must not overlap inputs unless they are the same elements.
 */
export function runLoop(spec: LoopSpec, shape: readonly number[], ops: readonly Operand[]): void {
  const nops = ops.length, ndim = shape.length;
  let total = 1;
  for (let d = 0; d < ndim; d++) total *= shape[d];
  if (total === 0) return;
  // Iteration order: largest stride first, judged by the outputs (and the where mask), then
  // the inputs (the first operand that moves along a dimension decides), so that the
  // output's contiguous axis is the inner one. Ties keep the axis order.
  const nin = spec.loopIn.length;
  const dims: number[] = [], weights: number[] = [];
  for (let d = 0; d < ndim; d++) {
    if (shape[d] === 1) continue;
    let w = 0;
    for (let j = 0; j < nops; j++) {
      const s = ops[j < nops - nin ? nin + j : j - (nops - nin)].strides[d];
      if (s !== 0) {
        w = Math.abs(s);
        break;
      }
    }
    let p = dims.length;
    while (p > 0 && weights[p - 1] < w) p--;
    dims.splice(p, 0, d);
    weights.splice(p, 0, w);
  }
  // Coalesce neighbours that are one run in every operand.
  const sh: number[] = [];
  const st: number[][] = [];
  for (let k = 0; k < nops; k++) st.push([]);
  for (const d of dims) {
    const m = sh.length - 1;
    let merge = m >= 0;
    for (let k = 0; merge && k < nops; k++) merge = st[k][m] === ops[k].strides[d] * shape[d];
    if (merge) {
      sh[m] *= shape[d];
      for (let k = 0; k < nops; k++) st[k][m] = ops[k].strides[d];
    } else {
      sh.push(shape[d]);
      for (let k = 0; k < nops; k++) st[k].push(ops[k].strides[d]);
    }
  }
  while (sh.length < 2) {
    sh.unshift(1);
    for (let k = 0; k < nops; k++) st[k].unshift(0);
  }
  const nd = sh.length;
  const n0 = sh[nd - 2], n1 = sh[nd - 1];
  const dtypes: DType[] = [], classes: StrideClass[] = [];
  // Tile when an operand walks the outer loop faster than the inner one (a transposed read).
  let tiled = false;
  for (let k = 0; k < nops; k++) {
    const s1 = st[k][nd - 1], s0 = st[k][nd - 2];
    dtypes.push(ops[k].dtype);
    classes.push(s1 === 0 ? "0" : s1 === 1 ? "1" : "s");
    if (Math.abs(s1) > Math.abs(s0) && s0 !== 0) tiled = true;
  }
  tiled &&= n0 >= TILE && n1 >= TILE;
  const kern = lookup(
    spec,
    dtypes,
    classes,
    chooseVariant(spec, dtypes, classes, tiled ? TILE : n1),
  );
  // Kernel arguments: n0, n1, then (data, offset, outer stride, inner stride) per operand,
  // in storage slots (complex elements are two slots).
  const args: unknown[] = [n0, n1];
  for (let k = 0; k < nops; k++) {
    const l = DTYPES[dtypes[k]].lanes;
    args.push(ops[k].data, ops[k].offset * l, st[k][nd - 2] * l, st[k][nd - 1] * l);
  }
  if (nd === 2) {
    if (tiled) runTiles(kern, args, nops);
    else kern(...args);
    return;
  }
  // Odometer over the outer dimensions.
  const base = ops.map((o) => o.offset);
  const idx = new Array<number>(nd - 2).fill(0);
  for (;;) {
    for (let k = 0; k < nops; k++) args[3 + 4 * k] = base[k] * DTYPES[dtypes[k]].lanes;
    if (tiled) runTiles(kern, args, nops);
    else kern(...args);
    let d = nd - 3;
    for (; d >= 0; d--) {
      idx[d]++;
      for (let k = 0; k < nops; k++) base[k] += st[k][d];
      if (idx[d] < sh[d]) break;
      for (let k = 0; k < nops; k++) base[k] -= st[k][d] * sh[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** Runs `kern` over the last two dimensions in TILE × TILE blocks (`args` holds the plane). */
function runTiles(kern: Kernel, args: unknown[], nops: number): void {
  const n0 = args[0] as number, n1 = args[1] as number;
  const start = args.slice();
  for (let i0 = 0; i0 < n0; i0 += TILE) {
    for (let j0 = 0; j0 < n1; j0 += TILE) {
      start[0] = Math.min(TILE, n0 - i0);
      start[1] = Math.min(TILE, n1 - j0);
      for (let k = 0; k < nops; k++) {
        const o = args[3 + 4 * k] as number, a = args[4 + 4 * k] as number;
        const b = args[5 + 4 * k] as number;
        start[3 + 4 * k] = o + i0 * a + j0 * b;
      }
      kern(...start);
    }
  }
}
