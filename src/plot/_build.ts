/**
 * The last step of every plot function: blocks (legends, the chart) under a title into a
 * {@linkcode Figure}; and the colour schemes the colour options accept.
 *
 * @module
 */
import { type Block, compose } from "./_dom.ts";
import { Figure } from "./figure.ts";
import type { Common } from "./_input.ts";

/** A figure of `kind` from blocks stacked top to bottom under the title. */
export function figure(kind: string, c: Common, blocks: readonly Block[]): Figure {
  const { svg, width, height } = compose(blocks, { title: c.title, background: c.background });
  return new Figure(svg, { kind, title: c.title, width, height });
}

/** Observable Plot's continuous colour schemes (d3-scale-chromatic's interpolators). */
export const COLOR_SCALES: readonly string[] = [
  "viridis",
  "magma",
  "inferno",
  "plasma",
  "cividis",
  "turbo",
  "warm",
  "cool",
  "cubehelix",
  "blues",
  "greens",
  "greys",
  "oranges",
  "purples",
  "reds",
  "bugn",
  "bupu",
  "gnbu",
  "orrd",
  "pubu",
  "pubugn",
  "purd",
  "rdpu",
  "ylgn",
  "ylgnbu",
  "ylorbr",
  "ylorrd",
  "brbg",
  "prgn",
  "piyg",
  "puor",
  "rdbu",
  "rdgy",
  "rdylbu",
  "rdylgn",
  "spectral",
  "burd",
  "buylrd",
  "rainbow",
  "sinebow",
];

/** A colour scheme option, checked and lower-cased. */
export function colorScale(v: unknown, fallback: string, where: string): string {
  if (v === undefined) return fallback;
  const s = typeof v === "string" ? v.toLowerCase() : null;
  if (s === null || !COLOR_SCALES.includes(s)) {
    throw new RangeError(
      `${where}: unknown colorScale ${JSON.stringify(v)}: use one of ${COLOR_SCALES.join(", ")}`,
    );
  }
  return s;
}

/** The default colour of single-series marks (Observable's first categorical colour). */
export const MARK_COLOR = "#4269d0";
