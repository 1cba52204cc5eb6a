// Validation of the print options into the resolved set the formatters and layout read.
import type { Array2StringOpts } from "./print.ts";
import type { ElementOpts } from "./_print_format.ts";

/** Every print option, validated and defaulted. */
export interface Resolved extends ElementOpts {
  separator: string;
  threshold: number;
  edgeitems: number;
  linewidth: number;
  prefix: string;
  suffix: string;
}

const FLOATMODES: readonly string[] = ["fixed", "unique", "maxprec", "maxprec_equal"];

export function intOpt(where: string, name: string, v: unknown, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(`${where}: ${name} must be an integer, got ${String(v)}`);
  }
  if (v < min) throw new RangeError(`${where}: ${name} must be at least ${min}, got ${v}`);
  return v;
}

export function resolve(where: string, o: Array2StringOpts): Resolved {
  const floatmode = o.floatmode ?? "maxprec";
  if (!FLOATMODES.includes(floatmode)) {
    throw new RangeError(
      `${where}: floatmode must be one of "fixed", "unique", "maxprec", "maxprec_equal", got ${
        JSON.stringify(floatmode)
      }`,
    );
  }
  const sign = o.sign ?? "-";
  if (sign !== "-" && sign !== "+" && sign !== " ") {
    throw new RangeError(`${where}: sign must be "-", "+" or " ", got ${JSON.stringify(sign)}`);
  }
  const threshold = o.threshold ?? 1000;
  if (typeof threshold !== "number" || Number.isNaN(threshold)) {
    throw new TypeError(`${where}: threshold must be a number, got ${String(threshold)}`);
  }
  if (threshold < 0) {
    throw new RangeError(`${where}: threshold must be at least 0, got ${threshold}`);
  }
  for (const k of ["separator", "prefix", "suffix"] as const) {
    if (o[k] !== undefined && typeof o[k] !== "string") {
      throw new TypeError(`${where}: ${k} must be a string, got ${typeof o[k]}`);
    }
  }
  return {
    precision: intOpt(where, "precision", o.precision, 8, 0),
    floatmode,
    suppressSmall: !!o.suppressSmall,
    sign,
    separator: o.separator ?? " ",
    threshold,
    edgeitems: intOpt(where, "edgeitems", o.edgeitems, 3, 1),
    linewidth: intOpt(where, "linewidth", o.linewidth, 75, 1),
    prefix: o.prefix ?? "",
    suffix: o.suffix ?? "",
  };
}
