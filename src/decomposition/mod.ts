/**
 * `nd.decomposition`: factorized tensors (CP, Tucker, tensor train) and the decompositions
 * that compute them, after TensorLy.
 *
 * @module
 */

export { cpFlipSign, cpNormalize, CPTensor, cpToTensor } from "./cp_tensor.ts";
export type { CPFlipSignOpts, CPLikeInput } from "./cp_tensor.ts";
export { tuckerNormalize, TuckerTensor, tuckerToTensor } from "./tucker_tensor.ts";
export type { TuckerLikeInput } from "./tucker_tensor.ts";
export { TTTensor, ttToTensor } from "./tt_tensor.ts";
export { randomCp, randomTt, randomTucker } from "./random_tensors.ts";
export type { RandomCpOpts, RandomTensorOpts, RngLike } from "./random_tensors.ts";
export { Tucker, tucker } from "./tucker.ts";
export type { TuckerOpts, TuckerRank } from "./tucker.ts";
export { TuckerResult } from "./tucker_result.ts";
export { partialTucker } from "./partial_tucker.ts";
export type {
  HooiBaseOpts,
  PartialTuckerOpts,
  PartialTuckerResult,
  SvdMethod,
  TuckerInit,
} from "./partial_tucker.ts";
export { NonNegativeTucker, nonNegativeTucker } from "./non_negative_tucker.ts";
export type { NonNegativeTuckerOpts } from "./non_negative_tucker.ts";
export { NonNegativeTuckerHals, nonNegativeTuckerHals } from "./non_negative_tucker_hals.ts";
export type { NonNegativeTuckerHalsOpts } from "./non_negative_tucker_hals.ts";
export { TensorTrain, tensorTrain } from "./tensor_train.ts";
export type { TensorTrainOpts, TTRank } from "./tensor_train.ts";
export { TensorRing, tensorRing, TRTensor, trToTensor } from "./tensor_ring.ts";
export type { TensorRingOpts, TRRank } from "./tensor_ring.ts";
export { Parafac2, parafac2 } from "./parafac2.ts";
export type { Parafac2Opts } from "./parafac2.ts";
export { Parafac2Result, Parafac2Tensor, randomParafac2 } from "./parafac2_tensor.ts";
export type { RandomParafac2Opts } from "./parafac2_tensor.ts";
export { robustPca } from "./robust_pca.ts";
export type { RobustPcaOpts, RobustPcaResult } from "./robust_pca.ts";
export { CPResult } from "./cp_result.ts";
export type { CPCallback, CPCommonOpts } from "./cp_options.ts";
export { parafac } from "./parafac.ts";
export type { ParafacOpts } from "./parafac.ts";
export { nonNegativeParafac } from "./non_negative_parafac.ts";
export type { NonNegativeParafacOpts } from "./non_negative_parafac.ts";
export { nonNegativeParafacHals } from "./non_negative_parafac_hals.ts";
export type { NonNegativeParafacHalsOpts } from "./non_negative_parafac_hals.ts";
export { randomisedParafac } from "./randomised_parafac.ts";
export type { RandomisedParafacOpts } from "./randomised_parafac.ts";
export { CP, NonNegativeCP, NonNegativeCPHals, RandomisedCP } from "./cp_classes.ts";
