/**
 * `nd.tenalg`: tensor algebra in TensorLy's C-order conventions — unfoldings, n-mode products,
 * Khatri–Rao and Kronecker products, MTTKRP, outer and inner products.
 *
 * @module
 */

export { fold, unfold } from "./unfold.ts";
export { modeDot, multiModeDot } from "./mode_dot.ts";
export type { ModeDotOpts, MultiModeDotOpts } from "./mode_dot.ts";
export { khatriRao } from "./khatri_rao.ts";
export type { KhatriRaoOpts } from "./khatri_rao.ts";
export { kronecker } from "./kronecker.ts";
export type { KroneckerOpts } from "./kronecker.ts";
export { mttkrp } from "./mttkrp.ts";
export type { CPLike } from "./mttkrp.ts";
export { inner, outer } from "./outer_inner.ts";
export type { InnerOpts } from "./outer_inner.ts";
