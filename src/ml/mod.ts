/**
 * `nd.ml`: scikit-learn's preprocessing transformers, PCA and `trainTestSplit` over nd arrays,
 * with scikit-learn's options, fitted attributes (camelCased) and numbers.
 *
 * Dtypes follow scikit-learn's rule: a float32 NDArray is transformed into a float32 array (by
 * `transform`, `fitTransform` and `inverseTransform`), any other input (float64, float16,
 * integers, bools, JS arrays) into float64; the dtype of each call's output follows that
 * call's input, whatever `fit` saw (the `FloatDTypeOf<X>` type says which). Values are
 * computed as scikit-learn computes them on float32 data (float64 accumulations where it
 * accumulates in float64, results rounded to float32 where NumPy rounds them), so they match
 * its float32 results, most of them to the last bit. Fitted attributes keep the dtype
 * scikit-learn gives them: float32 after a float32 fit for MinMaxScaler, MaxAbsScaler,
 * RobustScaler's `center`, SimpleImputer's "median" and "constant" `statistics`,
 * KBinsDiscretizer's "kmeans" `binEdges` and all of PCA's arrays; float64 otherwise (the
 * StandardScaler statistics, QuantileTransformer's quantiles, PowerTransformer's lambdas...).
 * Exceptions, as in scikit-learn: the encoders' output dtype is their `dtype` option (float64
 * by default), KBinsDiscretizer's is its `dtype` option when set, and SimpleImputer's
 * `inverseTransform` and the one-hot KBinsDiscretizer's always return float64.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const z = new nd.ml.StandardScaler().fitTransform([[1, 10], [3, 30]]);
 * assert.deepEqual(z.toArray(), [[-1, -1], [1, 1]]);
 * const x32 = nd.array([[1, 10], [3, 30], [4, 20]], { dtype: "float32" });
 * const scaler = new nd.ml.MinMaxScaler().fit(x32);
 * assert.equal(scaler.transform(x32).dtype, "float32");
 * assert.equal(scaler.scale.dtype, "float32");
 * assert.equal(scaler.transform(x32.astype("float64")).dtype, "float64");
 * ```
 *
 * @module
 */

export { NotFittedError } from "./not_fitted_error.ts";
export type { FloatDTypeOf } from "./_float_dtype.ts";
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
export type { KBinsDiscretizerOpts, KBinsDTypeOf } from "./kbins_discretizer.ts";
export { SimpleImputer } from "./simple_imputer.ts";
export type { ImputeStrategy, SimpleImputerOpts } from "./simple_imputer.ts";
export { PCA } from "./pca.ts";
export type { PCAOpts } from "./pca.ts";
export { trainTestSplit } from "./train_test_split.ts";
export type { Splittable, TrainTestSplitOpts } from "./train_test_split.ts";
