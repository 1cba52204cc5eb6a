/**
 * Walkthrough 3 — nd with machine-learning frameworks: nd arrays as TensorFlow.js tensors, a
 * `tf.data` pipeline built from nd arrays training a tiny model, scikit-learn-style scaling
 * (original against scaled features), and ONNX Runtime inference on nd inputs. The frameworks
 * are passed in (`npm:@tensorflow/tfjs`, `npm:onnxruntime-web`), as nd has no hard dependency
 * on them. Each step returns its numbers and a figure; `run` does them all for the demo.
 *
 * @module
 */

import * as nd from "../../mod.ts";
import { matmulAddModel } from "../onnx_model.ts";
import type { Output } from "./_output.ts";

/** The part of TensorFlow.js the walkthrough uses (pass `import * as tf from "@tensorflow/tfjs"`). */
// deno-lint-ignore no-explicit-any
export type Tf = any;
/** The part of ONNX Runtime the walkthrough uses (pass `import * as ort from "onnxruntime-web"`). */
// deno-lint-ignore no-explicit-any
export type Ort = any;

/** A synthetic regression problem: 4 features on very different scales, y linear in them. */
export function regressionData(n = 2000): { X: nd.NDArray; y: nd.NDArray } {
  const rng = nd.random.defaultRng(8);
  const base = rng.standardNormal({ size: [n, 4] }) as nd.NDArray;
  const X = base.mul([1, 10, 100, 0.01]).add([0, 50, -300, 1]); // scales 1 … 100, shifted
  const w = nd.array([2, -0.3, 0.01, 50]);
  const y = nd.matmul(X, w).add(rng.normal(0, 0.1, { size: [n] }) as nd.NDArray);
  return { X, y: y.reshape([n, 1]) };
}

/** nd ↔ tfjs round trip. */
export interface TfTensorResult {
  shape: number[];
  dtype: string;
  roundTrip: boolean;
  sum: number;
}

/** An nd matrix as a tfjs tensor (float64 becomes float32), a tfjs op, and back. */
export function tfTensors(tf: Tf): TfTensorResult {
  const a = nd.arange(12).astype("float32").reshape([3, 4]);
  const t = nd.interop.toTf(a, tf);
  const doubled = nd.interop.fromTf(tf.mul(t, 2)) as nd.NDArray;
  const back = nd.interop.fromTf(t) as nd.NDArray;
  const r = {
    shape: t.shape as number[],
    dtype: t.dtype as string,
    roundTrip: nd.allclose(back, a) && nd.allclose(doubled, a.mul(2)),
    sum: tf.sum(t).dataSync()[0] as number,
  };
  t.dispose();
  return r;
}

/** A tiny model trained through `model.fitDataset` on an nd pipeline. */
export interface TrainResult {
  epochs: number;
  losses: number[];
  figure: nd.plot.Figure;
}

/**
 * Scales the features with `nd.ml.StandardScaler`, builds a shuffled, batched
 * `nd.data.Dataset`, hands it to a one-layer tfjs model through `nd.interop.toTfDataset`, and
 * records the loss per epoch.
 */
export async function trainThroughPipeline(tf: Tf, epochs = 12): Promise<TrainResult> {
  const { X, y } = regressionData();
  const Xs = new nd.ml.StandardScaler().fitTransform(X);
  const ys = y.sub(nd.mean(y)).div(nd.std(y));
  const ds = nd.data.Dataset.fromTensorSlices([Xs, ys]).shuffle(512, { seed: 0 }).batch(64);
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });
  model.compile({ optimizer: tf.train.adam(0.05), loss: "meanSquaredError" });
  const h = await model.fitDataset(nd.interop.toTfDataset(ds, tf), { epochs, verbose: 0 });
  const losses = h.history.loss as number[];
  model.dispose();
  return {
    epochs,
    losses,
    figure: nd.plot.line(nd.arange(1, epochs + 1), losses, {
      title: "Training loss through nd.data → tf.data (fitDataset)",
      xLabel: "epoch",
      yLabel: "mean squared error",
    }),
  };
}

/** Features before and after scaling. */
export interface ScalingResult {
  rawStd: nd.NDArray;
  scaledStd: nd.NDArray;
  figures: { raw: nd.plot.Figure; scaled: nd.plot.Figure; minMax: nd.plot.Figure };
}

/** The features' spread before and after `StandardScaler` and `MinMaxScaler`. */
export function scaling(): ScalingResult {
  const { X } = regressionData();
  const std = new nd.ml.StandardScaler().fitTransform(X);
  const mm = new nd.ml.MinMaxScaler().fitTransform(X);
  const cols = (a: nd.NDArray) => [0, 1, 2, 3].map((j) => a.slice(null, j));
  return {
    rawStd: nd.std(X, { axis: 0 }),
    scaledStd: nd.std(std, { axis: 0 }),
    figures: {
      raw: nd.plot.scatter(X.slice(null, 1), X.slice(null, 2), {
        title: "Original features 1 and 2 (scales 10 and 100)",
        xLabel: "feature 1",
        yLabel: "feature 2",
      }),
      scaled: nd.plot.scatter(std.slice(null, 1), std.slice(null, 2), {
        title: "The same points after StandardScaler (mean 0, standard deviation 1)",
        xLabel: "feature 1, scaled",
        yLabel: "feature 2, scaled",
      }),
      minMax: nd.plot.line(null, cols(mm).map((c) => nd.sort(c)), {
        labels: ["feature 0", "feature 1", "feature 2", "feature 3"],
        title: "After MinMaxScaler: every feature sorted, in [0, 1]",
      }),
    },
  };
}

/** ONNX Runtime on nd inputs. */
export interface OrtResult {
  outputShape: number[];
  maxDiff: number;
}

/** Runs a MatMul+Add ONNX model (built byte by byte) on an nd batch and checks it against nd. */
export async function onnxInference(ort: Ort): Promise<OrtResult> {
  const rng = nd.random.defaultRng(9);
  const w = rng.random([4, 3], { dtype: "float32" }) as nd.NDArray<"float32">;
  const b = rng.random([3], { dtype: "float32" }) as nd.NDArray<"float32">;
  const x = rng.random([5, 4], { dtype: "float32" }) as nd.NDArray<"float32">;
  const bytes = matmulAddModel("float32", 4, 3, w.data, b.data);
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ X: nd.interop.toOrt(x, ort) });
  const y = nd.interop.fromOrt(out.Y) as nd.NDArray;
  await session.release?.();
  const want = nd.matmul(x, w).add(b);
  return {
    outputShape: y.shape.slice(),
    maxDiff: nd.max(nd.abs(y.sub(want))).item() as number,
  };
}

/** Runs every step, reporting the key figures and keeping the plots. */
export async function run(out: Output, tf: Tf, ort: Ort): Promise<void> {
  out.log("3. Integration with ML frameworks");
  const t = tfTensors(tf);
  out.log(`   nd → tfjs: shape [${t.shape}], ${t.dtype}; round trip exact: ${t.roundTrip}`);
  const tr = await trainThroughPipeline(tf);
  out.log(
    `   tiny model through nd.data → tf.data: loss ${tr.losses[0].toFixed(3)} → ${
      tr.losses[tr.epochs - 1].toFixed(4)
    } in ${tr.epochs} epochs`,
  );
  out.figure("03_training_loss", tr.figure);
  const sc = scaling();
  out.log(
    `   StandardScaler: feature std [${
      Array.from(sc.rawStd.data as Float64Array).map((v) => v.toPrecision(3))
    }] → [${Array.from(sc.scaledStd.data as Float64Array).map((v) => v.toFixed(3))}]`,
  );
  out.figure("03_features_original", sc.figures.raw);
  out.figure("03_features_standardized", sc.figures.scaled);
  out.figure("03_features_minmax_scaled", sc.figures.minMax);
  const o = await onnxInference(ort);
  out.log(
    `   ONNX Runtime MatMul+Add on nd input: output [${o.outputShape}], max difference from nd ${
      o.maxDiff.toExponential(1)
    }`,
  );
}
