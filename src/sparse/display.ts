// SciPy's repr/str for sparse matrices, and the Jupyter MIME bundle (text/plain: the str;
// text/html: a summary table and the first stored entries).
import { DTYPES } from "../core/dtype.ts";
import { formatFloatPositional, formatFloatScientific } from "../core/print.ts";
import type { SparseMatrix } from "./_base.ts";
import { fmtShape2 } from "./_factory.ts";
import { coordinatesOf } from "./_convert.ts";

const NAMES = { csr: "Compressed Sparse Row", csc: "Compressed Sparse Column", coo: "COOrdinate" };
/** SciPy's `maxprint`: beyond this many stored entries, str shows the first and last halves. */
const MAX_PRINT = 50;
/** Entries shown in the HTML table (the first ones; then the last few). */
const HTML_HEAD = 10, HTML_TAIL = 5;

/** SciPy's repr: `<Compressed Sparse Row sparse matrix of dtype 'float64'\n\twith …>`. */
export function sparseRepr(a: SparseMatrix): string {
  return `<${NAMES[a.format]} sparse matrix of dtype '${a.dtype}'\n\twith ${a.nnz} stored ` +
    `elements and shape ${fmtShape2(a.shape)}>`;
}

/** A float as NumPy's scalar `str` writes it (`1.0`, `1e-05`, `1.2345678901234568e+17`). */
function floatStr(x: number, bits: "float64" | "float32", trim: "0" | "-"): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const ax = Math.abs(x);
  if (ax === 0 || (ax >= 1e-4 && ax < 1e16)) return formatFloatPositional(x, { dtype: bits, trim });
  return formatFloatScientific(x, { dtype: bits, trim: "-" });
}

/** One stored value as SciPy's str shows it: Python's repr of the value as a Python scalar. */
function valueStr(d: ArrayLike<number | bigint>, dtype: string, k: number): string {
  const info = DTYPES[dtype as keyof typeof DTYPES];
  if (dtype === "bool") return d[k] ? "True" : "False";
  if (info.kind === "i" || info.kind === "u") return String(d[k]);
  // SciPy prints Python scalars (`data.tolist()`): float32 values as the doubles they are
  const bits = "float64";
  if (info.kind === "f") return floatStr(d[k] as number, bits, "0");
  const re = d[2 * k] as number, im = d[2 * k + 1] as number;
  const ims = floatStr(Math.abs(im), bits, "-");
  if (re === 0 && !Object.is(re, -0)) return `${im < 0 ? "-" : ""}${ims}j`;
  const sign = im < 0 || Object.is(im, -0) ? "-" : "+";
  const rs = Object.is(re, -0) ? "-0" : floatStr(re, bits, "-");
  return `(${rs}${sign}${ims}j)`;
}

/** The positions shown when there are `n` entries and room for `max`: -1 marks the gap. */
function shown(n: number, head: number, tail: number): number[] {
  if (n <= head + tail) return Array.from({ length: n }, (_, k) => k);
  return [
    ...Array.from({ length: head }, (_, k) => k),
    -1,
    ...Array.from({ length: tail }, (_, k) => n - tail + k),
  ];
}

/** SciPy's str: the repr, then `  Coords\tValues` and up to 50 `  (r, c)\tvalue` lines. */
export function sparseToString(a: SparseMatrix): string {
  const head = sparseRepr(a);
  if (a.nnz === 0) return head;
  const { rows, cols } = coordinatesOf(a);
  const d = a.data.data as ArrayLike<number | bigint>;
  const half = MAX_PRINT >> 1;
  const lines = shown(a.nnz, half, half).map((k) =>
    k < 0 ? "  :\t:" : `  (${rows[k]}, ${cols[k]})\t${valueStr(d, a.dtype, k)}`
  );
  return `${head}\n  Coords\tValues\n${lines.join("\n")}`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Density as a short percentage (`0.0123%`). */
function density(a: SparseMatrix): string {
  const size = a.shape[0] * a.shape[1];
  if (size === 0) return "n/a";
  const p = (100 * a.nnz) / size;
  return `${p === 0 ? "0" : p.toPrecision(3)}%`;
}

const STYLE = "font-family:monospace;text-align:right;border-collapse:collapse";
const HEAD_STYLE = "text-align:left;padding-right:1em";

/**
 * The Jupyter MIME bundle of a sparse matrix: `text/plain` is SciPy's str; `text/html` has a
 * summary (format, shape, dtype, stored entries, density) and a table of the first stored
 * entries (then the last few).
 */
export function displayBundle(a: SparseMatrix): Record<string, string> {
  const { rows, cols } = coordinatesOf(a);
  const d = a.data.data as ArrayLike<number | bigint>;
  const summary: [string, string][] = [
    ["format", `${a.format} (${NAMES[a.format]})`],
    ["shape", fmtShape2(a.shape)],
    ["dtype", a.dtype],
    ["stored entries", String(a.nnz)],
    ["density", density(a)],
  ];
  let html = `<div class="nd-sparse"><table style="${STYLE}"><tbody>`;
  for (const [k, v] of summary) {
    html += `<tr><th style="${HEAD_STYLE}">${esc(k)}</th><td style="text-align:left">${
      esc(v)
    }</td></tr>`;
  }
  html += "</tbody></table>";
  if (a.nnz > 0) {
    html += `<table class="nd-sparse-entries" style="${STYLE}"><thead><tr><th>row</th>` +
      "<th>col</th><th>value</th></tr></thead><tbody>";
    for (const k of shown(a.nnz, HTML_HEAD, HTML_TAIL)) {
      html += k < 0
        ? "<tr><td>⋮</td><td>⋮</td><td>⋮</td></tr>"
        : `<tr><td>${rows[k]}</td><td>${cols[k]}</td><td>${esc(valueStr(d, a.dtype, k))}</td></tr>`;
    }
    html += "</tbody></table>";
  }
  html += "</div>";
  return { "text/plain": sparseToString(a), "text/html": html };
}
