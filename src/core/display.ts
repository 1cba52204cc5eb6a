/**
 * The MIME bundle Deno's Jupyter kernel shows for an NDArray: the NumPy-style repr as
 * `text/plain`, and an HTML table as `text/html`.
 *
 * @module
 */
import type { NDArray } from "./ndarray.ts";
import { repr } from "./print.ts";
import { formatElements, shownPositions } from "./_print_format.ts";

const THRESHOLD = 1000;
const EDGE = 3;

/** Escapes text for HTML element content and attribute values. */
function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) =>
      c === "&"
        ? "&amp;"
        : c === "<"
        ? "&lt;"
        : c === ">"
        ? "&gt;"
        : c === '"'
        ? "&quot;"
        : "&#39;",
  );
}

/** The indices shown along an axis of length `n`, `-1` standing for the elided middle. */
function axisIndices(n: number, summarise: boolean): number[] {
  if (!summarise || n <= 2 * EDGE) return Array.from({ length: n }, (_, i) => i);
  const head = Array.from({ length: EDGE }, (_, i) => i);
  const tail = Array.from({ length: EDGE }, (_, i) => n - EDGE + i);
  return [...head, -1, ...tail];
}

function caption(a: NDArray): string {
  const shape = a.ndim === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(", ")})`;
  return `NDArray shape=${shape} dtype=${a.dtype}`;
}

const TABLE_STYLE = "font-family:monospace;text-align:right;border-collapse:collapse";
const NOTE_STYLE = "text-align:left;font-size:smaller;opacity:0.7";
const CAPTION_STYLE = "caption-side:bottom;" + NOTE_STYLE;

function table(a: NDArray): string {
  const summarise = a.size > THRESHOLD;
  const words = formatElements(a, shownPositions(a, summarise, EDGE), {
    precision: 8,
    floatmode: "maxprec",
    suppressSmall: false,
    sign: "-",
  }).map((w) => esc(w.trim()));
  const rows = a.ndim === 2 ? axisIndices(a.shape[0], summarise) : [0];
  const cols = axisIndices(a.shape[a.ndim - 1], summarise);
  let html = `<table class="nd-array" style="${TABLE_STYLE}">` +
    `<caption style="${CAPTION_STYLE}">${esc(caption(a))}</caption><thead><tr>`;
  if (a.ndim === 2) html += "<th></th>";
  for (const c of cols) html += c < 0 ? "<th>…</th>" : `<th>${c}</th>`;
  html += "</tr></thead><tbody>";
  let next = 0;
  for (const r of rows) {
    html += "<tr>";
    if (a.ndim === 2) html += r < 0 ? "<th>⋮</th>" : `<th>${r}</th>`;
    if (r < 0) {
      for (const c of cols) html += c < 0 ? "<td>⋱</td>" : "<td>⋮</td>";
    } else {
      for (const c of cols) html += c < 0 ? "<td>…</td>" : `<td>${words[next++]}</td>`;
    }
    html += "</tr>";
  }
  return html + "</tbody></table>";
}

/**
 * A Jupyter MIME bundle for an array: `text/plain` is its NumPy-style {@linkcode repr};
 * `text/html` is a table of the elements for 1-D and 2-D arrays (summarised like the repr,
 * with `…`/`⋮` for the elided middle beyond 1000 elements) and the repr in a `<pre>` for
 * other ranks, both captioned with the shape and dtype. `NDArray`'s
 * `[Symbol.for("Jupyter.display")]()` returns it, so notebooks show arrays as tables.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const b = nd.displayBundle(nd.array([[1, 2], [3, 4]]));
 * console.assert(b["text/plain"] === "array([[1, 2],\n       [3, 4]])");
 * console.assert(b["text/html"].includes("<td>4</td>"));
 * console.assert(b["text/html"].includes("shape=(2, 2) dtype=int64"));
 * ```
 */
export function displayBundle(a: NDArray): Record<string, string> {
  const text = repr(a);
  const html = (a.ndim === 1 || a.ndim === 2) && a.size > 0
    ? table(a)
    : `<div class="nd-array"><pre style="margin:0">${esc(text)}</pre>` +
      `<div style="${NOTE_STYLE}">${esc(caption(a))}</div></div>`;
  return { "text/plain": text, "text/html": html };
}
