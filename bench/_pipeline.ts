// Data-pipeline workloads (issue 8's speed target: a shuffled, batched (32) pipeline over 1M
// rows × 20 float64 features delivers ≥ 1M rows/s). One run is one epoch over the 1M rows,
// so rows/s = 1e6 / (time in s). The features and the float64 labels are bench/_data.ts's
// shared inputs, wrapped without copying.
import * as nd from "../mod.ts";
import { Dataset } from "../src/data/mod.ts";
import { f64 } from "./_data.ts";
import type { Workload } from "./_workload.ts";

const ROWS = 1_000_000, FEATURES = 20, BATCH = 32, BUFFER = 10_000;

/** The 1M × 20 features and 1M labels, as NDArrays over the shared inputs. */
function inputs(): [nd.NDArray, nd.NDArray] {
  return [
    nd.asarray(f64(ROWS * FEATURES, 1)).reshape([ROWS, FEATURES]),
    nd.asarray(f64(ROWS, 2)),
  ];
}

/** One epoch: every batch is read (its first value summed) so that none can be skipped. */
function epoch(ds: Dataset<[nd.NDArray, nd.NDArray]>): () => number {
  return () => {
    let s = 0;
    for (const [xb, yb] of ds) s += (xb.data as Float64Array)[0] + (yb.data as Float64Array)[0];
    return s;
  };
}

/** The pipeline workloads. */
export const PIPELINE: Workload[] = [
  {
    id: "pipeline_1m",
    title:
      "Dataset over 1M rows x 20 float64 (+ labels): shuffle(10k buffer), batch(32), one epoch (rows/s = 1e6 / time)",
    suite: "ml",
    impls: {
      nd: () => {
        const [x, y] = inputs();
        return epoch(Dataset.fromTensorSlices([x, y]).shuffle(BUFFER, { seed: 0 }).batch(BATCH));
      },
      js: () => {
        const x = f64(ROWS * FEATURES, 1), y = f64(ROWS, 2);
        const order = new Int32Array(ROWS);
        let seed = 1;
        return () => {
          // A full Fisher-Yates permutation (xorshift draws), then 32-row gathers.
          for (let i = 0; i < ROWS; i++) order[i] = i;
          for (let i = ROWS - 1; i > 0; i--) {
            seed ^= seed << 13;
            seed ^= seed >>> 17;
            seed ^= seed << 5;
            const j = (seed >>> 0) % (i + 1);
            const t = order[i];
            order[i] = order[j];
            order[j] = t;
          }
          let s = 0;
          for (let start = 0; start < ROWS; start += BATCH) {
            const n = Math.min(BATCH, ROWS - start);
            const xb = new Float64Array(n * FEATURES), yb = new Float64Array(n);
            for (let k = 0; k < n; k++) {
              const r = order[start + k];
              for (let j = 0; j < FEATURES; j++) xb[k * FEATURES + j] = x[r * FEATURES + j];
              yb[k] = y[r];
            }
            s += xb[0] + yb[0];
          }
          return s;
        };
      },
    },
    notes: {
      js: "a plain-array full permutation and row gathers into fresh Float64Arrays (no pipeline)",
    },
  },
  {
    id: "pipeline_1m_ordered",
    title: "Dataset over 1M rows x 20 float64 (+ labels): batch(32) in order, one epoch",
    suite: "ml",
    impls: {
      nd: () => {
        const [x, y] = inputs();
        return epoch(Dataset.fromTensorSlices([x, y]).batch(BATCH));
      },
    },
  },
];
