// The reduction engine behind sum, prod, min, max, any, all and their NaN variants.
//
// Two strategies, chosen by memory layout, as NumPy's iterator does:
// - "inner": the array's fastest-varying axis is reduced. Each output element folds one or
//   more runs of input; float sums over a run use NumPy's pairwise summation (8 accumulators,
//   blocks of 128, recursive halving), so results match NumPy bit for bit on contiguous data.
// - "outer": the fastest axis is kept. The output (initialised with the identity or the first
//   slice) is streamed against the input row by row: `out[j] = op(out[j], a[i, j])`, never
//   walking columns.
// Loops are generated per (operation, input dtype, accumulator dtype, stride class).
import { allocate, type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { compile, realTo, repr } from "../../core/_kernel.ts";
import { copy, copyInto } from "../../core/copy.ts";
import { view } from "../../core/views.ts";

/** The reducing operations the engine knows. */
export type RedOp = "sum" | "prod" | "max" | "min" | "fmax" | "fmin" | "any" | "all";

const IDENTITY: Record<RedOp, number | null> = {
  sum: 0,
  prod: 1,
  max: null,
  min: null,
  fmax: null,
  fmin: null,
  any: 0,
  all: 1,
};

const NUMPY_NAME: Record<RedOp, string> = {
  sum: "add",
  prod: "multiply",
  max: "maximum",
  min: "minimum",
  fmax: "fmax",
  fmin: "fmin",
  any: "logical_or",
  all: "logical_and",
};

/** Statements folding value `v` (or `vr, vi`) into accumulator `acc` (or `ar, ai`). */
function fold(op: RedOp, acc: DType, inRun = false): string {
  const r = repr(acc);
  const f32 = acc === "float32" || acc === "float16";
  // float16: NumPy's half loops keep a float32 accumulator within one run of a reduction
  // and round to float16 between runs and in elementwise (streaming) steps.
  const wrap = (e: string) =>
    acc === "float16" && !inRun
      ? `Math.f16round(Math.fround(${e}))`
      : f32
      ? `Math.fround(${e})`
      : e;
  const z = r === "big" ? "0n" : "0";
  if (r === "cplx") {
    switch (op) {
      case "sum":
        return f32
          ? "ar = Math.fround(ar + vr); ai = Math.fround(ai + vi);"
          : "ar += vr; ai += vi;";
      case "prod":
        return "{ const t = ar * vr - ai * vi; ai = ar * vi + ai * vr; ar = t; }";
      case "max":
      case "min":
      case "fmax":
      case "fmin": {
        const better = op === "max" || op === "fmax"
          ? "(vr > ar || (vr === ar && vi > ai))"
          : "(vr < ar || (vr === ar && vi < ai))";
        const vNan = "(vr !== vr || vi !== vi)", aNan = "(ar !== ar || ai !== ai)";
        const take = op === "max" || op === "min"
          ? `(!${aNan} && (${vNan} || ${better}))`
          : `(${aNan} ? !${vNan} : (!${vNan} && ${better}))`;
        return `if (${take}) { ar = vr; ai = vi; }`;
      }
      case "any":
        return "if (vr !== 0 || vi !== 0) return 1;";
      case "all":
        return "if (vr === 0 && vi === 0) return 0;";
    }
  }
  const intWrap = r === "num" && DTYPES[acc].kind !== "f";
  switch (op) {
    case "sum":
      return intWrap ? `acc = ${realTo("float64", acc, "acc + v")};` : `acc = ${wrap("acc + v")};`;
    case "prod":
      if (r === "big") return "acc = BigInt.asIntN(64, acc * v);";
      if (intWrap) return `acc = ${realTo("float64", acc, "Math.imul(acc, v)")};`;
      return `acc = ${wrap("acc * v")};`;
    case "max":
      return r === "big" ? "if (v > acc) acc = v;" : "if (v > acc || v !== v) acc = v;";
    case "min":
      return r === "big" ? "if (v < acc) acc = v;" : "if (v < acc || v !== v) acc = v;";
    case "fmax":
      return r === "big" ? "if (v > acc) acc = v;" : "if (v > acc || acc !== acc) acc = v;";
    case "fmin":
      return r === "big" ? "if (v < acc) acc = v;" : "if (v < acc || acc !== acc) acc = v;";
    case "any":
      return `if (v !== ${z}) return 1;`;
    case "all":
      return `if (v === ${z}) return 0;`;
  }
}

/** Reads element expression `e` of dtype `from` as accumulator `acc`: declares `v` or `vr, vi`. */
function readAs(from: DType, acc: DType, e0: string, e1: string): string {
  if (repr(acc) === "cplx") {
    return repr(from) === "cplx"
      ? `const vr = ${e0}, vi = ${e1};`
      : `const vr = ${realTo(from, "float64", e0)}, vi = 0;`;
  }
  // any/all on bool accumulators read the raw value's truthiness through the input dtype.
  if (repr(from) === "cplx") return `const v = ${realTo("float64", acc, e0)};`;
  return `const v = ${realTo(from, acc, e0)};`;
}

type Run = (
  d: TypedArray,
  p: number,
  n: number,
  s: number,
  scratch: Float64Array,
  init?: number | bigint,
) => number | bigint;
const RUNS = new Map<string, Run>();

/**
 * A function folding `n` elements of `d` from slot `p` with slot stride `s`. Returns the
 * accumulator; complex accumulators are written to `scratch[0..1]` (the return is unused).
 * For any/all the result is 0/1 and the accumulator dtype is the input dtype.
 */
function runFor(op: RedOp, from: DType, acc: DType): Run {
  const key = `${op}|${from}|${acc}`;
  let f = RUNS.get(key);
  if (f) return f;
  const lanes = DTYPES[from].lanes;
  const el = (i: string) => [`d[p + (${i}) * s]`, `d[p + (${i}) * s + 1]`];
  const cplx = repr(acc) === "cplx";
  const anyAll = op === "any" || op === "all";
  const id = IDENTITY[op];
  let src: string;
  if (anyAll) {
    const [e0, e1] = el("i");
    const test = repr(from) === "cplx"
      ? (op === "any"
        ? `if (${e0} !== 0 || ${e1} !== 0) return 1;`
        : `if (${e0} === 0 && ${e1} === 0) return 0;`)
      : (op === "any" ? `if (${e0} != 0) return 1;` : `if (${e0} == 0) return 0;`);
    src = `return function run(d, p, n, s, scratch) {
  for (let i = 0; i < n; i++) { ${test} }
  return ${op === "any" ? 0 : 1};
};`;
  } else if (op === "sum" && DTYPES[acc].kind === "f") {
    // NumPy's pairwise summation.
    const f32 = acc !== "float64";
    const add = (a: string, b: string) => (f32 ? `Math.fround(${a} + ${b})` : `(${a} + ${b})`);
    // A complex input summed into a real dtype contributes its real parts, as NumPy.
    const rf = repr(from) === "cplx" ? "float64" : from;
    const rd = (i: string) => realTo(rf, acc, `d[p + (${i}) * s]`);
    const regs = Array.from({ length: 8 }, (_, j) => `r${j}`);
    // Two copies of the same algorithm: one for unit stride (the common contiguous case, whose
    // indexing V8 optimises much better), one for any stride.
    const body = (name: string, rdAt: (i: string) => string, step: string) => `
function ${name}(d, p, n, s) {
  if (n < 8) {
    let res = -0;
    for (let i = 0; i < n; i++) res = ${add("res", rdAt("i"))};
    return res;
  }
  if (n <= 128) {
    ${regs.map((r, j) => `let ${r} = ${rdAt(String(j))};`).join(" ")}
    let i = 8;
    const m = n - (n % 8);
    for (; i < m; i += 8) {
      ${regs.map((r, j) => `${r} = ${add(r, rdAt(`i + ${j}`))};`).join("\n      ")}
    }
    let res = ${add(add(add("r0", "r1"), add("r2", "r3")), add(add("r4", "r5"), add("r6", "r7")))};
    for (; i < n; i++) res = ${add("res", rdAt("i"))};
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  const left = ${name}(d, p, n2, s);
  return ${add("left", `${name}(d, p + n2${step}, n - n2, s)`)};
}`;
    const rd1 = (i: string) => realTo(rf, acc, `d[p + ${i}]`);
    src = `${body("unit", rd1, "")}
${body("strided", rd, " * s")}
return function run(d, p, n, s, scratch) {
  return s === 1 ? unit(d, p, n, s) : strided(d, p, n, s);
};`;
  } else if (op === "sum" && cplx && repr(from) === "cplx") {
    // NumPy's complex pairwise summation: the same blocks over the interleaved scalars,
    // with four (re, im) accumulator pairs.
    const f32 = acc !== "complex128";
    const add = (a: string, b: string) => (f32 ? `Math.fround(${a} + ${b})` : `(${a} + ${b})`);
    const lanesAt = (k: number) => [`d[q + ${k} * s]`, `d[q + ${k} * s + 1]`];
    src = `return function run(d, p, n, s, scratch) {
  const N = 2 * n;
  if (N < 8) {
    let rr = -0, ri = -0;
    for (let i = 0; i < n; i++) { rr = ${add("rr", "d[p + i * s]")}; ri = ${
      add("ri", "d[p + i * s + 1]")
    }; }
    scratch[0] = rr; scratch[1] = ri;
    return 0;
  }
  if (N <= 128) {
    let q = p;
    let r0 = ${lanesAt(0)[0]}, r1 = ${lanesAt(0)[1]}, r2 = ${lanesAt(1)[0]}, r3 = ${lanesAt(1)[1]};
    let r4 = ${lanesAt(2)[0]}, r5 = ${lanesAt(2)[1]}, r6 = ${lanesAt(3)[0]}, r7 = ${lanesAt(3)[1]};
    let i = 4;
    const m = (N - (N % 8)) / 2;
    for (; i < m; i += 4) {
      q = p + i * s;
      ${
      [0, 1, 2, 3].map((k) =>
        `r${2 * k} = ${add(`r${2 * k}`, lanesAt(k)[0])}; r${2 * k + 1} = ${
          add(`r${2 * k + 1}`, lanesAt(k)[1])
        };`
      ).join("\n      ")
    }
    }
    let rr = ${add(add("r0", "r2"), add("r4", "r6"))}, ri = ${
      add(add("r1", "r3"), add("r5", "r7"))
    };
    for (; i < n; i++) { rr = ${add("rr", "d[p + i * s]")}; ri = ${add("ri", "d[p + i * s + 1]")}; }
    scratch[0] = rr; scratch[1] = ri;
    return 0;
  }
  let n2 = Math.floor(N / 2);
  n2 -= n2 % 8;
  const e2 = n2 / 2;
  run(d, p, e2, s, scratch);
  const lr = scratch[0], li = scratch[1];
  run(d, p + e2 * s, n - e2, s, scratch);
  scratch[0] = ${add("lr", "scratch[0]")}; scratch[1] = ${add("li", "scratch[1]")};
  return 0;
};`;
  } else {
    const [e0, e1] = el("i");
    const [f0, f1] = el("0");
    const first = repr(from) === "cplx"
      ? `let ar = ${f0}, ai = ${f1};`
      : `let ar = ${realTo(from, "float64", f0)}, ai = 0;`;
    const init = cplx
      ? (id === null ? first : `let ar = ${id}, ai = 0;`)
      : (id === null
        ? `let acc = ${realTo(from, acc, f0)};`
        : `let acc = ${repr(acc) === "big" ? `${id}n` : id};`);
    // A real accumulator may continue from a previous run (\`init\`), as NumPy's inner
    // loops continue from the output element.
    src = `return function run(d, p, n, s, scratch, init) {
  ${init}
  let i0 = ${id === null ? 1 : 0};
  ${cplx ? "" : "if (init !== undefined) { acc = init; i0 = 0; }"}
  for (let i = i0; i < n; i++) {
    ${readAs(from, acc, e0, e1)}
    ${fold(op, acc, true)}
  }
  ${cplx ? "scratch[0] = ar; scratch[1] = ai; return 0;" : "return acc;"}
};`;
  }
  f = compile(`// reduce run ${key} lanes=${lanes}\n${src}`) as Run;
  RUNS.set(key, f);
  return f;
}

type Acc2 = (
  n0: number,
  n1: number,
  o: TypedArray,
  po: number,
  oa: number,
  ob: number,
  d: TypedArray,
  pa: number,
  aa: number,
  ab: number,
) => void;
const ACCS = new Map<string, Acc2>();

/** A 2-D streaming kernel `out[i, j] = op(out[i, j], a[i, j])` with `out` of the acc dtype. */
function accFor(op: RedOp, from: DType, acc: DType, inner: "1" | "s"): Acc2 {
  const key = `${op}|${from}|${acc}|${inner}`;
  let f = ACCS.get(key);
  if (f) return f;
  const cplx = repr(acc) === "cplx";
  const lanesIn = DTYPES[from].lanes, lanesOut = DTYPES[acc].lanes;
  const oi = inner === "1" ? (lanesOut === 2 ? "qo + 2 * j" : "qo + j") : "qo + j * ob";
  const ai = inner === "1" ? (lanesIn === 2 ? "qa + 2 * j" : "qa + j") : "qa + j * ab";
  const anyAll = op === "any" || op === "all";
  let body: string;
  if (anyAll) {
    const t = repr(from) === "cplx" ? `(d[${ai}] !== 0 || d[${ai} + 1] !== 0)` : `(d[${ai}] != 0)`;
    body = op === "any" ? `if (${t}) o[${oi}] = 1;` : `if (!${t}) o[${oi}] = 0;`;
  } else if (cplx) {
    body = `let ar = o[${oi}], ai = o[${oi} + 1];
      ${readAs(from, acc, `d[${ai}]`, `d[${ai} + 1]`)}
      ${fold(op, acc)}
      o[${oi}] = ar; o[${oi} + 1] = ai;`;
  } else {
    body = `let acc = o[${oi}];
      ${readAs(from, acc, `d[${ai}]`, `d[${ai} + 1]`)}
      ${fold(op, acc)}
      o[${oi}] = acc;`;
  }
  const src = `// reduce stream ${key}
return function acc2(n0, n1, o, po, oa, ob, d, pa, aa, ab) {
  for (let i = 0; i < n0; i++) {
    const qo = po + i * oa, qa = pa + i * aa;
    for (let j = 0; j < n1; j++) {
      ${body}
    }
  }
};`;
  f = compile(src) as Acc2;
  ACCS.set(key, f);
  return f;
}

type Combine = (acc: number | bigint, v: number | bigint) => number | bigint;
const COMBINES = new Map<string, Combine>();
/** Folds one partial result into another (the same rule as within a run). */
function combine(op: RedOp, acc: DType, a: number | bigint, b: number | bigint): number | bigint {
  const key = `${op}|${repr(acc)}|${acc}`;
  let f = COMBINES.get(key);
  if (!f) {
    f = compile(
      `// reduce combine ${key}\nreturn function (acc, v) { ${fold(op, acc)} return acc; };`,
    ) as Combine;
    COMBINES.set(key, f);
  }
  return f(a, b);
}

/** Odometer over `shape` yielding the offsets `sum(idx[d] * strides[d])` in C order. */
function* offsets(shape: readonly number[], strides: readonly number[]): Generator<number> {
  const n = shape.length;
  const idx = new Array<number>(n).fill(0);
  let off = 0;
  let total = 1;
  for (const s of shape) total *= s;
  for (let k = 0; k < total; k++) {
    yield off;
    for (let d = n - 1; d >= 0; d--) {
      idx[d]++;
      off += strides[d];
      if (idx[d] < shape[d]) break;
      off -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
}

/** Merges neighbouring dims (already ordered outer → inner) that form one run in every stride list. */
function coalesce(shape: number[], strides: number[][]): [number[], number[][]] {
  const sh: number[] = [];
  const st: number[][] = strides.map(() => []);
  shape.forEach((n, d) => {
    const m = sh.length - 1;
    if (m >= 0 && strides.every((s, k) => st[k][m] === s[d] * n)) {
      sh[m] *= n;
      strides.forEach((s, k) => (st[k][m] = s[d]));
    } else {
      sh.push(n);
      strides.forEach((s, k) => st[k].push(s[d]));
    }
  });
  return [sh, st];
}

/**
 * Reduces `a` over `axes` (sorted, distinct) with `op`, accumulating in `acc` and returning
 * an array of dtype `outDtype` (kept axes as size 1 when `keepdims`).
 */
export function reduceAxes(
  a: NDArray,
  axes: readonly number[],
  op: RedOp,
  acc: DType,
  outDtype: DType,
  keepdims: boolean,
  where: string,
): NDArray {
  // NumPy's iterator walks reduced axes with negative strides backwards (in memory order);
  // doing the same keeps the order of the additions, and so the rounding, identical.
  if (axes.some((i) => a.strides[i] < 0)) {
    let off = a.offset;
    const st = a.strides.slice();
    for (const i of axes) {
      if (st[i] < 0) {
        off += (a.shape[i] - 1) * st[i];
        st[i] = -st[i];
      }
    }
    a = a.shape.some((n) => n === 0) ? a : view(a, a.shape, st, off);
  }
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outShape = kept.map((i) => a.shape[i]);
  const keepShape = a.shape.map((s, i) => (axes.includes(i) ? 1 : s));
  const finalShape = keepdims ? keepShape : outShape;
  const nOut = outShape.reduce((x, y) => x * y, 1);
  const nRed = axes.reduce((x, i) => x * a.shape[i], 1);
  const anyAll = op === "any" || op === "all";
  const accType: DType = anyAll ? "bool" : acc;
  const out = new NDArray(accType, allocate(accType, nOut), outShape);
  const finish = (r: NDArray): NDArray => {
    const c = r.dtype === outDtype ? r : copy(r, outDtype);
    return new NDArray(outDtype, c.data, finalShape);
  };
  if (nOut === 0) return finish(out);
  if (nRed === 0) {
    const id = IDENTITY[op];
    if (id === null) {
      throw new RangeError(
        `${where}: zero-size array to reduction operation ${NUMPY_NAME[op]} which has no identity`,
      );
    }
    if (id !== 0) copyInto(out, new NDArray("float64", Float64Array.of(id), []));
    return finish(out);
  }
  const lanesIn = DTYPES[a.dtype].lanes, lanesAcc = DTYPES[accType].lanes;
  const dims = a.shape.map((_, i) => i).filter((i) => a.shape[i] !== 1);
  // Among axes of equal smallest stride the last is innermost, as in NumPy's iterator (a
  // sliding-window view has stride 1 on both axes; its window axis is the inner one).
  const fastest = dims.reduce(
    (best, d) => (Math.abs(a.strides[d]) <= Math.abs(a.strides[best]) ? d : best),
    dims[0] ?? 0,
  );
  const inner = dims.length === 0 || axes.includes(fastest);
  if (inner) {
    // Reduced dims ordered outer → inner by stride and coalesced into runs.
    const red = axes.filter((i) => a.shape[i] !== 1).sort((x, y) =>
      Math.abs(a.strides[y]) - Math.abs(a.strides[x])
    );
    const [rs, rst] = coalesce(red.map((i) => a.shape[i]), [red.map((i) => a.strides[i])]);
    const n = rs.length ? rs[rs.length - 1] : 1;
    const s = (rst[0].length ? rst[0][rst[0].length - 1] : 0) * lanesIn;
    const outerShape = rs.slice(0, -1), outerStrides = rst[0].slice(0, -1).map((x) => x * lanesIn);
    const run = runFor(op, a.dtype, accType);
    const scratch = new Float64Array(2);
    const keptSt = kept.map((i) => a.strides[i] * lanesIn);
    const od = out.data;
    let k = 0;
    const bigAcc = repr(accType) === "big";
    if (outerShape.length === 0 && lanesAcc === 1) {
      // One run per output element: a plain loop over the (coalesced) kept axes.
      const [ks, kst] = coalesce(outShape, [keptSt]);
      if (ks.length <= 1) {
        const step = kst[0][0] ?? 0, p0 = a.offset * lanesIn;
        for (let q = 0; q < nOut; q++) {
          const v = run(a.data, p0 + q * step, n, s, scratch);
          od[q] = bigAcc ? v as bigint : v as number;
        }
        return finish(out);
      }
    }
    for (const base of offsets(outShape, keptSt)) {
      const p0 = a.offset * lanesIn + base;
      if (outerShape.length === 0) {
        const v = run(a.data, p0, n, s, scratch);
        if (lanesAcc === 2) {
          od[2 * k] = scratch[0];
          od[2 * k + 1] = scratch[1];
        } else od[k] = bigAcc ? v as bigint : v as number;
      } else {
        let total: number | bigint | null = null;
        let tr = 0, ti = 0;
        const continues = op !== "sum" && !anyAll && lanesAcc === 1;
        for (const ro of offsets(outerShape, outerStrides)) {
          const cont = continues && total !== null;
          const v = run(
            a.data,
            p0 + ro,
            n,
            s,
            scratch,
            cont ? total as number | bigint : undefined,
          );
          if (lanesAcc === 2) {
            if (op === "sum") {
              tr += scratch[0];
              ti += scratch[1];
            } else if (total === null) {
              tr = scratch[0];
              ti = scratch[1];
              total = 0;
            } else {
              const c = complexCombine(op, tr, ti, scratch[0], scratch[1]);
              tr = c[0];
              ti = c[1];
            }
          } else if (continues) {
            total = accType === "float16" ? Math.f16round(v as number) : v;
          } else if (total === null) {
            total = accType === "float16" ? Math.f16round(v as number) : v;
          } else total = combine(op, accType, total, v);
        }
        if (lanesAcc === 2) {
          od[2 * k] = tr;
          od[2 * k + 1] = ti;
        } else od[k] = total as number;
      }
      k++;
    }
    return finish(out);
  }
  // Outer: stream rows of `a` into the accumulator.
  const id = IDENTITY[op];
  if (id === null) {
    const first = view(a, keepShape, a.strides, a.offset);
    copyInto(out.reshape(keepShape), first);
  } else if (id !== 0) {
    copyInto(out, new NDArray("float64", Float64Array.of(id), []));
  }
  const outFull = out.reshape(keepShape);
  const order = dims.slice().sort((x, y) =>
    Math.abs(a.strides[y]) - Math.abs(a.strides[x]) || x - y
  );
  const [sh, st] = coalesce(order.map((d) => a.shape[d]), [
    order.map((d) => outFull.strides[d] * (axes.includes(d) ? 0 : 1)),
    order.map((d) => a.strides[d]),
  ]);
  while (sh.length < 2) {
    sh.unshift(1);
    st[0].unshift(0);
    st[1].unshift(0);
  }
  const nd = sh.length;
  const innerClass = st[0][nd - 1] === 1 && st[1][nd - 1] === 1 ? "1" : "s";
  const kern = accFor(op, a.dtype, accType, innerClass);
  const oa = st[0][nd - 2] * lanesAcc, ob = st[0][nd - 1] * lanesAcc;
  const aa = st[1][nd - 2] * lanesIn, ab = st[1][nd - 1] * lanesIn;
  const outerShape = sh.slice(0, -2);
  const oOut = st[0].slice(0, -2).map((x) => x * lanesAcc),
    oIn = st[1].slice(0, -2).map((x) => x * lanesIn);
  const offO = [...offsets(outerShape, oOut)];
  let k = 0;
  for (const offA of offsets(outerShape, oIn)) {
    kern(
      sh[nd - 2],
      sh[nd - 1],
      out.data,
      offO[k++],
      oa,
      ob,
      a.data,
      a.offset * lanesIn + offA,
      aa,
      ab,
    );
  }
  return finish(out);
}

type CCombine = (ar: number, ai: number, vr: number, vi: number) => [number, number];
const CCOMBINES = new Map<RedOp, CCombine>();
function complexCombine(
  op: RedOp,
  ar: number,
  ai: number,
  vr: number,
  vi: number,
): [number, number] {
  let f = CCOMBINES.get(op);
  if (!f) {
    f = compile(
      `// reduce complex combine ${op}\nreturn function (ar, ai, vr, vi) { ${
        fold(op, "complex128")
      } return [ar, ai]; };`,
    ) as CCombine;
    CCOMBINES.set(op, f);
  }
  return f(ar, ai, vr, vi);
}
