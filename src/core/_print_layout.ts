// The nested-bracket layout of NumPy's `_formatArray`: rows wrapped at the line width, the
// continuation lines indented past the opening brackets, blank lines between blocks of 3-D
// and higher arrays, and `...` in place of the middle of summarised axes.
import type { NDArray } from "./ndarray.ts";
import type { Resolved } from "./_print_options.ts";

/** Appends `word` to `line`, first moving to a new line if it would pass `width`. */
function extend(
  acc: { s: string; line: string },
  word: string,
  width: number,
  indent: string,
): void {
  if (acc.line.length + word.length > width && acc.line.length > indent.length) {
    acc.s += acc.line.trimEnd() + "\n";
    acc.line = indent;
  }
  acc.line += word;
}

/** Lays out formatted elements (C order of the shown ones) as NumPy's `_formatArray`. */
export function layout(
  a: NDArray,
  words: readonly string[],
  o: Resolved,
  summarise: boolean,
): string {
  let next = 0;
  const sep = o.separator;
  const sepEnd = sep.trimEnd();
  const edge = o.edgeitems;
  const rec = (axis: number, indent: string, width: number): string => {
    if (axis === a.ndim) return words[next++];
    const inner = indent + " ";
    const innerWidth = width - 1;
    const n = a.shape[axis];
    const summary = summarise && 2 * edge < n;
    const lead = summary ? edge : 0;
    const trail = summary ? edge : n;
    const left = a.ndim - axis;
    let s = "";
    if (left === 1) {
      const w = width - Math.max(sepEnd.length, 1);
      const acc = { s: "", line: indent };
      for (let i = 0; i < lead; i++) {
        extend(acc, rec(axis + 1, inner, innerWidth), w, indent);
        acc.line += sep;
      }
      if (summary) {
        extend(acc, "...", w, indent);
        acc.line += sep;
      }
      for (let i = trail; i > 1; i--) {
        extend(acc, rec(axis + 1, inner, innerWidth), w, indent);
        acc.line += sep;
      }
      extend(acc, rec(axis + 1, inner, innerWidth), w, indent);
      s = acc.s + acc.line;
    } else {
      const lineSep = sepEnd + "\n".repeat(left - 1);
      for (let i = 0; i < lead; i++) s += indent + rec(axis + 1, inner, innerWidth) + lineSep;
      if (summary) s += indent + "..." + lineSep;
      for (let i = trail; i > 1; i--) s += indent + rec(axis + 1, inner, innerWidth) + lineSep;
      s += indent + rec(axis + 1, inner, innerWidth);
    }
    return "[" + s.slice(indent.length) + "]";
  };
  return rec(0, " " + " ".repeat(o.prefix.length), o.linewidth);
}
