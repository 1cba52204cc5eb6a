/**
 * What every `nd.ml` estimator shares: the fitted state (`nFeaturesIn`), the `NotFittedError`
 * and feature-count checks, `getParams`, and a scikit-learn-style repr (only the options that
 * differ from the defaults, camelCased) with a Jupyter display that adds a table of the fitted
 * attributes.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { repr } from "../core/print.ts";
import { NotFittedError } from "./not_fitted_error.ts";
import { featureCountError, type Mat, toMat } from "./_validation.ts";

/** Escapes text for HTML element content. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A parameter or attribute value as short text. */
function fmtValue(v: unknown, arrays: "short" | "full"): string {
  if (v instanceof NDArray) {
    if (arrays === "full") return repr(v, { threshold: 24, edgeitems: 3 });
    return `NDArray(shape=[${v.shape.join(",")}])`;
  }
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v === null || v === undefined || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    const parts = v.map((x) => fmtValue(x, arrays));
    return parts.some((p) => p.includes("\n"))
      ? `[\n${parts.join(",\n")}\n]`
      : `[${parts.join(", ")}]`;
  }
  const ctor = (v as { constructor?: { name?: string } }).constructor?.name;
  if (ctor && ctor !== "Object") return `${ctor}(...)`;
  const entries = Object.entries(v as Record<string, unknown>);
  return `{ ${entries.map(([k, x]) => `${k}: ${fmtValue(x, arrays)}`).join(", ")} }`;
}

/**
 * The base of the `nd.ml` transformers and PCA. Subclasses call {@linkcode Estimator.fitted}
 * at the end of `fit`, {@linkcode Estimator.checkFitted} and
 * {@linkcode Estimator.checkFeatures} (or {@linkcode Estimator.readFitted}) before using fitted
 * state, and describe themselves through `getParams` and `fittedAttributes`.
 */
export abstract class Estimator {
  readonly #name: string;
  readonly #defaults: Readonly<Record<string, unknown>>;
  #nFeaturesIn: number | undefined;

  /** An estimator named `name` (its class name) whose options default to `defaults`. */
  protected constructor(name: string, defaults: Record<string, unknown>) {
    this.#name = name;
    this.#defaults = defaults;
  }

  /** The class name, as in messages. */
  protected get estimatorName(): string {
    return this.#name;
  }

  /** The options this estimator was built with, as one object. */
  abstract getParams(): object;

  /** The fitted attributes shown by the Jupyter display, name → value. */
  protected abstract fittedAttributes(): Record<string, unknown>;

  /** The number of features seen in `fit` (scikit-learn's `n_features_in_`). */
  get nFeaturesIn(): number {
    this.checkFitted();
    return this.#nFeaturesIn as number;
  }

  /** Whether `fit` (or `partialFit`) has run. */
  get isFitted(): boolean {
    return this.#nFeaturesIn !== undefined;
  }

  /** Records that `fit` has run on `nFeatures` features. */
  protected fitted(nFeatures: number): void {
    this.#nFeaturesIn = nFeatures;
  }

  /** Forgets the fitted state (scikit-learn's `_reset`). */
  protected unfit(): void {
    this.#nFeaturesIn = undefined;
  }

  /** Throws {@linkcode NotFittedError} unless fitted. */
  protected checkFitted(): void {
    if (this.#nFeaturesIn === undefined) throw new NotFittedError(this.#name);
  }

  /** Throws unless fitted on `cols` features. */
  protected checkFeatures(cols: number): void {
    this.checkFitted();
    if (cols !== this.#nFeaturesIn) {
      throw featureCountError(this.#name, cols, this.#nFeaturesIn as number);
    }
  }

  /**
   * `X` for a method that needs the fitted state: throws {@linkcode NotFittedError} unless
   * fitted, then reads `X` as a matrix (`toMat`) and checks its number of features.
   */
  protected readFitted(X: ArrayLike): Mat {
    this.checkFitted();
    const m = toMat(X, this.#name);
    this.checkFeatures(m.cols);
    return m;
  }

  /**
   * `X` for `partialFit` (or a transform that works unfitted): read as a matrix (`toMat`), its
   * number of features checked once fitted.
   */
  protected readNext(X: ArrayLike): Mat {
    const m = toMat(X, this.#name);
    if (this.isFitted) this.checkFeatures(m.cols);
    return m;
  }

  /** scikit-learn's repr: the class name and the options that differ from the defaults. */
  toString(): string {
    const params = this.getParams() as Record<string, unknown>;
    const changed: string[] = [];
    for (const [k, v] of Object.entries(params)) {
      const shown = fmtValue(v, "short");
      if (k in this.#defaults && fmtValue(this.#defaults[k], "short") === shown) continue;
      changed.push(`${k}=${shown}`);
    }
    return `${this.#name}(${changed.join(", ")})`;
  }

  /** Jupyter's display: the repr, and an HTML table of the fitted attributes. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const text = this.toString();
    let body: string;
    if (!this.isFitted) {
      body = `<div style="opacity:0.7">not fitted</div>`;
    } else {
      const rows = Object.entries({ nFeaturesIn: this.#nFeaturesIn, ...this.fittedAttributes() })
        .map(([k, v]) =>
          `<tr><th style="text-align:left;vertical-align:top">${esc(k)}</th>` +
          `<td style="text-align:left"><pre style="margin:0">${
            esc(fmtValue(v, "full"))
          }</pre></td></tr>`
        ).join("");
      body = `<table style="font-family:monospace;border-collapse:collapse">${rows}</table>`;
    }
    return {
      "text/plain": text,
      "text/html": `<div class="nd-ml"><pre style="margin:0"><b>${
        esc(text)
      }</b></pre>${body}</div>`,
    };
  }
}
