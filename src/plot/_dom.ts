/**
 * The DOM under `nd.plot`: one linkedom document (with a canvas shim) that Observable Plot
 * draws into, and the composition of Plot's SVG, legends and a title into one standalone SVG
 * document.
 *
 * @module
 */
import { parseHTML, Plot } from "./_deps.ts";
import { CanvasShim } from "./_canvas.ts";

export const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** The DOM element API used here (Deno has no DOM types; linkedom provides the objects). */
export interface DomElement {
  readonly tagName: string;
  readonly attributes: ArrayLike<{ name: string; value: string }>;
  readonly childNodes: ArrayLike<DomElement>;
  readonly firstChild: DomElement | null;
  textContent: string | null;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  appendChild(child: DomElement): DomElement;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

/** A Plot chart: its root element and the scales Plot computed. */
export interface PlotChart extends DomElement {
  scale(name: string): { domain?: unknown[]; range?: unknown[] } | undefined;
  legend(name: string, options?: Record<string, unknown>): DomElement | undefined;
}

interface DomDocument {
  createElementNS(ns: string, name: string): DomElement;
  createTextNode(text: string): DomElement;
}

let theDocument: DomDocument | null = null;
let canvasScale = 1;

/** The shared linkedom document; `createElement("canvas")` makes a {@linkcode CanvasShim}. */
export function plotDocument(): DomDocument {
  if (theDocument !== null) return theDocument;
  const html = "<!DOCTYPE html><html><head></head><body></body></html>";
  const { document } = parseHTML(html) as unknown as { document: unknown };
  const d = document as DomDocument & {
    createElement(name: string, ...rest: unknown[]): unknown;
  };
  const create = d.createElement.bind(d);
  d.createElement = (name: string, ...rest: unknown[]) =>
    String(name).toLowerCase() === "canvas" ? new CanvasShim(canvasScale) : create(name, ...rest);
  theDocument = d;
  return d;
}

/**
 * `Plot.plot` drawing into the shared document; its raster images are stored enlarged
 * `rasterScale` times (see {@linkcode CanvasShim}).
 */
export function plotChart(options: Record<string, unknown>, rasterScale = 1): PlotChart {
  const document = plotDocument();
  canvasScale = rasterScale;
  try {
    return Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as PlotChart;
  } finally {
    canvasScale = 1;
  }
}

/** A new SVG element with attributes. */
export function svgElement(name: string, attrs: Record<string, string | number> = {}): DomElement {
  const e = plotDocument().createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A `<text>` element. */
export function svgText(text: string, attrs: Record<string, string | number>): DomElement {
  const e = svgElement("text", attrs);
  e.appendChild(plotDocument().createTextNode(text));
  return e;
}

/** A piece of a figure: an SVG group of a known size, stacked by {@linkcode compose}. */
export interface Block {
  node: DomElement;
  width: number;
  height: number;
}

function num(s: string | null, fallback: number): number {
  const v = s === null ? NaN : Number(s);
  return Number.isFinite(v) ? v : fallback;
}

/**
 * Plot's `<svg>` as a `<g>` block: its presentation attributes and class (which its `<style>`
 * refers to) move to the group; width, height and viewBox go.
 */
export function svgBlock(svg: DomElement): Block {
  const width = num(svg.getAttribute("width"), 640), height = num(svg.getAttribute("height"), 400);
  const g = svgElement("g");
  for (const { name, value } of Array.from(svg.attributes)) {
    if (!["width", "height", "viewBox", "viewbox", "xmlns", "style"].includes(name)) {
      g.setAttribute(name, value);
    }
  }
  while (svg.firstChild !== null) g.appendChild(svg.firstChild);
  return { node: g, width, height };
}

/** The colour-ramp legend of a chart's color scale, as a block. */
export function colorLegend(chart: PlotChart, label: string | undefined, width: number): Block {
  const legend = chart.legend("color", {
    document: plotDocument(),
    label: label ?? null,
    width,
    marginLeft: 10,
    marginRight: 20,
  });
  if (legend === undefined) throw new Error("plot: the chart has no color scale");
  return svgBlock(legend);
}

/** A row of colour swatches with labels (Plot's own swatches legend is HTML, not SVG). */
export function swatches(
  labels: readonly string[],
  colors: readonly string[],
  maxWidth: number,
): Block {
  const g = svgElement("g", { "font-size": 10, "font-family": "system-ui, sans-serif" });
  let x = 10, y = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = 22 + 6.5 * labels[i].length + 14;
    if (x > 10 && x + w > maxWidth) {
      x = 10;
      y += 16;
    }
    g.appendChild(svgElement("path", {
      d: `M${x},${y + 8}h16`,
      stroke: colors[i % colors.length],
      "stroke-width": 2,
    }));
    g.appendChild(svgText(labels[i], { x: x + 20, y: y + 8, dy: "0.32em", fill: "currentColor" }));
    x += w;
  }
  return { node: g, width: maxWidth, height: y + 18 };
}

/** Attributes holding coordinates, whose numbers are rounded to 2 decimals. */
const NUMERIC = new Set([
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "cx",
  "cy",
  "r",
  "width",
  "height",
  "d",
  "transform",
  "points",
]);

function roundNumbers(s: string): string {
  return s.replace(/-?\d*\.\d{3,}(?:e[-+]?\d+)?/gi, (m) => {
    const v = Math.round(Number(m) * 100) / 100;
    return Object.is(v, -0) ? "0" : String(v);
  });
}

/** Options of {@linkcode compose}. */
export interface ComposeOpts {
  title?: string;
  background?: string | null;
}

/**
 * Stacks blocks vertically under an optional title into one standalone `<svg>` document
 * (with `xmlns`), rounding coordinates to 2 decimals to keep it compact.
 */
export function compose(blocks: readonly Block[], opts: ComposeOpts = {}): {
  svg: string;
  width: number;
  height: number;
} {
  const width = Math.ceil(Math.max(...blocks.map((b) => b.width)));
  const root = svgElement("svg", {
    width,
    height: 0,
    viewBox: "",
    "font-family": "system-ui, sans-serif",
    "font-size": 10,
  });
  if (opts.background) {
    root.appendChild(svgElement("rect", { width: "100%", height: "100%", fill: opts.background }));
  }
  let y = 0;
  if (opts.title) {
    root.appendChild(svgText(opts.title, {
      x: width / 2,
      y: 20,
      "text-anchor": "middle",
      "font-size": 15,
      "font-weight": "bold",
      fill: "currentColor",
    }));
    y = 30;
  }
  for (const b of blocks) {
    if (y > 0) b.node.setAttribute("transform", `translate(0,${y})`);
    root.appendChild(b.node);
    y += b.height;
  }
  const height = Math.ceil(y);
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  for (const e of root.querySelectorAll("*")) {
    for (const { name, value } of Array.from(e.attributes)) {
      if (NUMERIC.has(name)) e.setAttribute(name, roundNumbers(value));
    }
  }
  const html = root.outerHTML;
  const xlink = /\sxlink:/.test(html) ? ` xmlns:xlink="${XLINK_NS}"` : "";
  const svg = `<svg xmlns="${SVG_NS}"${xlink}` + html.slice(4);
  return { svg, width, height };
}
