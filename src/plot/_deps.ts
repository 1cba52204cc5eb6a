/**
 * The pinned npm packages behind `nd.plot`: Observable Plot draws, linkedom is its DOM.
 * Only `src/plot/` imports them (plotting stays out of the core).
 *
 * @module
 */
export * as Plot from "@observablehq/plot";
export { DOMParser, parseHTML } from "linkedom";
