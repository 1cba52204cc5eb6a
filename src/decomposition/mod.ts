/**
 * `nd.decomposition`: factorized tensors (CP, Tucker, tensor train) and the decompositions
 * that compute them, after TensorLy.
 *
 * @module
 */

export { cpFlipSign, cpNormalize, CPTensor, cpToTensor } from "./cp_tensor.ts";
export type { CPFlipSignOpts, CPLikeInput } from "./cp_tensor.ts";
export { TuckerTensor, tuckerToTensor } from "./tucker_tensor.ts";
export { TTTensor, ttToTensor } from "./tt_tensor.ts";
export { randomCp, randomTt, randomTucker } from "./random_tensors.ts";
export type { RandomCpOpts, RandomTensorOpts, RngLike } from "./random_tensors.ts";
