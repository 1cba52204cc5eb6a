/**
 * The pinned npm packages behind `nd.plot`: Observable Plot draws, linkedom is its DOM.
 * Only `src/plot/` imports them (plotting stays out of the core).
 *
 * @module
 */
export * as Plot from "npm:@observablehq/plot@0.6.17";
export { DOMParser, parseHTML } from "npm:linkedom@0.18.15";
