/**
 * `nd.ml`: scikit-learn's preprocessing transformers, PCA and `trainTestSplit` over nd arrays,
 * with scikit-learn's options, fitted attributes (camelCased) and numbers.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const z = new nd.ml.StandardScaler().fitTransform([[1, 10], [3, 30]]);
 * assert.deepEqual(z.toArray(), [[-1, -1], [1, 1]]);
 * ```
 *
 * @module
 */

export { NotFittedError } from "./not_fitted_error.ts";
export { StandardScaler } from "./standard_scaler.ts";
export type { StandardScalerOpts } from "./standard_scaler.ts";
export { MinMaxScaler } from "./min_max_scaler.ts";
export type { MinMaxScalerOpts } from "./min_max_scaler.ts";
export { MaxAbsScaler } from "./max_abs_scaler.ts";
export type { MaxAbsScalerOpts } from "./max_abs_scaler.ts";
export { RobustScaler } from "./robust_scaler.ts";
export type { RobustScalerOpts } from "./robust_scaler.ts";
export { Normalizer } from "./normalizer.ts";
export type { NormalizerOpts, NormKind } from "./normalizer.ts";
export { QuantileTransformer } from "./quantile_transformer.ts";
export type { QuantileTransformerOpts } from "./quantile_transformer.ts";
export { PowerTransformer } from "./power_transformer.ts";
export type { PowerMethod, PowerTransformerOpts } from "./power_transformer.ts";
export type { RandomStateLike } from "./_random_state.ts";
export { OneHotEncoder } from "./one_hot_encoder.ts";
export type { OneHotEncoderOpts } from "./one_hot_encoder.ts";
export { OrdinalEncoder } from "./ordinal_encoder.ts";
export type { OrdinalEncoderOpts } from "./ordinal_encoder.ts";
export type { CategoricalInput, Category } from "./_categories.ts";
export { PolynomialFeatures } from "./polynomial_features.ts";
export type { PolynomialFeaturesOpts } from "./polynomial_features.ts";
export { KBinsDiscretizer } from "./kbins_discretizer.ts";
export type { KBinsDiscretizerOpts } from "./kbins_discretizer.ts";
export { SimpleImputer } from "./simple_imputer.ts";
export type { ImputeStrategy, SimpleImputerOpts } from "./simple_imputer.ts";
export { PCA } from "./pca.ts";
export type { PCAOpts } from "./pca.ts";
export { trainTestSplit } from "./train_test_split.ts";
export type { Splittable, TrainTestSplitOpts } from "./train_test_split.ts";
