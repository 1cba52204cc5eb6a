// Generated elementwise loops over strided buffers.
//
// One kernel is generated (with `new Function`) per operation, per combination of storage and
// loop dtypes, and per pattern of inner strides (0 = broadcast and hoisted, 1 = contiguous,
// s = general). Each kernel walks two dimensions; the driver coalesces the operands'
// dimensions, calls the kernel over the last two, tiles them when an input is transposed
// relative to the output, and steps an odometer over any others. The operation's code is
// inlined into each kernel: a shared loop calling an op callback goes megamorphic in V8.
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
  bool: (e) => `((${e}) !== 0 ? 1 : 0)`,
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
    if (to === "bool") return `((${e}) !== 0n ? 1 : 0)`;
    if (DTYPES[to].kind === "f") return `Number(${e})`;
    return numTo("float64", to, `Number(BigInt.asIntN(32, ${e}))`);
  }
  // big → big
  if (from === to) return e;
  return to === "uint64" ? `BigInt.asUintN(64, ${e})` : `BigInt.asIntN(64, ${e})`;
}

type StrideClass = "0" | "1" | "s";

function genKernel(
  spec: LoopSpec,
  dtypes: readonly DType[],
  classes: readonly StrideClass[],
): string {
  const nin = spec.loopIn.length, nout = spec.loopOut.length;
  const nops = dtypes.length; // nin + nout (+1 for a where mask)
  const hasWhere = nops > nin + nout;
  const params = ["n0", "n1"];
  for (let k = 0; k < nops; k++) params.push(`D${k}`, `p${k}`, `a${k}`, `b${k}`);
  const lanes = (k: number) => DTYPES[dtypes[k]].lanes;
  const at = (k: number, lane: number) => {
    const c = classes[k];
    const base = c === "0"
      ? `q${k}`
      : c === "1"
      ? (lanes(k) === 2 ? `q${k} + 2 * j` : `q${k} + j`)
      : `q${k} + j * b${k}`;
    return `D${k}[${base}${lane ? " + 1" : ""}]`;
  };
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
      const src = repr(from) === "cplx" ? at(k, 0) : at(k, 0);
      const f = repr(from) === "cplx" ? "float64" : from;
      lines.push(`const x${k} = ${realTo(f, to, src)};`);
    }
    (classes[k] === "0" ? hoisted : inner).push(...lines);
  }
  const outDecl = rs.map((r, k) =>
    repr(spec.loopOut[k]) === "cplx" ? `let ${r}r, ${r}i;` : `let ${r};`
  );
  const writes: string[] = [];
  for (let k = 0; k < nout; k++) {
    const o = nin + k, from = spec.loopOut[k], to = dtypes[o];
    if (repr(to) === "cplx") {
      if (repr(from) === "cplx") writes.push(`${at(o, 0)} = r${k}r; ${at(o, 1)} = r${k}i;`);
      else writes.push(`${at(o, 0)} = ${realTo(from, "float64", `r${k}`)}; ${at(o, 1)} = 0;`);
    } else if (repr(from) === "cplx") {
      writes.push(`${at(o, 0)} = ${realTo("float64", to, `r${k}r`)};`);
    } else {
      writes.push(`${at(o, 0)} = ${realTo(from, to, `r${k}`)};`);
    }
  }
  let body = [...inner, ...outDecl, spec.body(xs, rs), ...writes].join("\n      ");
  if (hasWhere) body = `if (${at(nops - 1, 0)} !== 0) {\n      ${body}\n      }`;
  const qs = Array.from({ length: nops }, (_, k) => `q${k} = p${k} + i * a${k}`).join(", ");
  return `// ${spec.key} [${dtypes.join(",")}] ${classes.join("")}
return function kernel(${params.join(", ")}) {
  for (let i = 0; i < n0; i++) {
    const ${qs};
    ${hoisted.join("\n    ")}
    for (let j = 0; j < n1; j++) {
      ${body}
    }
  }
};`;
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
): Kernel {
  const key = `${spec.key}|${dtypes.join(",")}|${classes.join("")}`;
  let k = CACHE.get(key);
  if (!k) {
    k = compile(genKernel(spec, dtypes, classes)) as Kernel;
    CACHE.set(key, k);
  }
  return k;
}

/** The source of the kernel `run` would use for an all-contiguous 1-D loop (for debugging). */
export function kernelSource(spec: LoopSpec, dtypes: readonly DType[]): string {
  return genKernel(spec, dtypes, dtypes.map(() => "1"));
}

const TILE = 64;

/**
 * Runs `spec` elementwise over `shape`. `ops` holds the inputs, then the outputs, then
 * optionally a bool `where` mask; all already broadcast to `shape` (strides 0 where they
 * repeat). Outputs must not overlap inputs unless they are the same elements.
 */
export function runLoop(spec: LoopSpec, shape: readonly number[], ops: readonly Operand[]): void {
  const nops = ops.length;
  let total = 1;
  for (const s of shape) total *= s;
  if (total === 0) return;
  // Iteration order: largest stride first, judged by the outputs, then the inputs (the first
  // operand that moves along a dimension decides), so the output's contiguous axis is inner.
  const nin = spec.loopIn.length;
  const order = [...ops.slice(nin), ...ops.slice(0, nin)];
  const weight = (d: number) => {
    for (const o of order) if (o.strides[d] !== 0) return Math.abs(o.strides[d]);
    return 0;
  };
  const dims = shape.map((_, i) => i).filter((i) => shape[i] !== 1);
  dims.sort((x, y) => weight(y) - weight(x) || x - y);
  // Coalesce neighbours that are one run in every operand.
  const sh: number[] = [];
  const st: number[][] = ops.map(() => []);
  for (const d of dims) {
    const m = sh.length - 1;
    if (m >= 0 && ops.every((o, k) => st[k][m] === o.strides[d] * shape[d])) {
      sh[m] *= shape[d];
      for (let k = 0; k < nops; k++) st[k][m] = ops[k].strides[d];
    } else {
      sh.push(shape[d]);
      for (let k = 0; k < nops; k++) st[k].push(ops[k].strides[d]);
    }
  }
  while (sh.length < 2) {
    sh.unshift(1);
    for (const s of st) s.unshift(0);
  }
  const nd = sh.length;
  const lanes = ops.map((o) => DTYPES[o.dtype].lanes);
  const inner = st.map((s) => s[nd - 1]);
  const classes: StrideClass[] = inner.map((s) => (s === 0 ? "0" : s === 1 ? "1" : "s"));
  const kern = kernelFor(spec, ops.map((o) => o.dtype), classes);
  const args: unknown[] = new Array(2 + 4 * nops);
  const setArgs = (n0: number, n1: number, base: readonly number[]) => {
    args[0] = n0;
    args[1] = n1;
    for (let k = 0; k < nops; k++) {
      args[2 + 4 * k] = ops[k].data;
      args[3 + 4 * k] = base[k] * lanes[k];
      args[4 + 4 * k] = st[k][nd - 2] * lanes[k];
      args[5 + 4 * k] = inner[k] * lanes[k];
    }
  };
  const n0 = sh[nd - 2], n1 = sh[nd - 1];
  // Tile when an input walks the outer loop faster than the inner one (a transposed read).
  const tiled = n0 >= TILE && n1 >= TILE &&
    st.some((s) => Math.abs(s[nd - 1]) > Math.abs(s[nd - 2]) && s[nd - 2] !== 0);
  const runPlane = (base: number[]) => {
    if (!tiled) {
      setArgs(n0, n1, base);
      kern(...args);
      return;
    }
    const b = base.slice();
    for (let i0 = 0; i0 < n0; i0 += TILE) {
      for (let j0 = 0; j0 < n1; j0 += TILE) {
        for (let k = 0; k < nops; k++) b[k] = base[k] + i0 * st[k][nd - 2] + j0 * st[k][nd - 1];
        setArgs(Math.min(TILE, n0 - i0), Math.min(TILE, n1 - j0), b);
        kern(...args);
      }
    }
  };
  const base = ops.map((o) => o.offset);
  if (nd === 2) {
    runPlane(base);
    return;
  }
  // Odometer over the outer dimensions.
  const idx = new Array<number>(nd - 2).fill(0);
  const cur = base.slice();
  for (;;) {
    runPlane(cur);
    let d = nd - 3;
    for (; d >= 0; d--) {
      idx[d]++;
      for (let k = 0; k < nops; k++) cur[k] += st[k][d];
      if (idx[d] < sh[d]) break;
      for (let k = 0; k < nops; k++) cur[k] -= st[k][d] * sh[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}
