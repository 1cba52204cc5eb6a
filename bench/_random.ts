// Random-number workloads: 10M float64 uniforms and 10M standard normals from a seeded PCG64
// Generator (the same streams as NumPy's `default_rng(0)`), beside Math.random.
import * as nd from "../mod.ts";
import type { Workload } from "./_workload.ts";

const N = 10_000_000;

/** The random-number workloads. */
export const RANDOM: Workload[] = [
  {
    id: "random_10m",
    title: "10M random() float64 doubles",
    suite: "random",
    target: 1.5,
    impls: {
      nd: () => {
        const rng = nd.random.defaultRng(0);
        return () => rng.random(N);
      },
      js: () => () => {
        const out = new Float64Array(N);
        for (let i = 0; i < N; i++) out[i] = Math.random();
        return out;
      },
    },
    notes: { js: "Math.random (xorshift128+), not NumPy's stream" },
  },
  {
    id: "random_10m_out",
    title: "10M random() float64 doubles into out (no fresh memory)",
    suite: "random",
    impls: {
      nd: () => {
        const rng = nd.random.defaultRng(0), out = nd.empty([N]);
        return () => rng.random({ out });
      },
    },
  },
  {
    id: "normal_10m",
    title: "10M standardNormal() float64 (ziggurat)",
    suite: "random",
    impls: {
      nd: () => {
        const rng = nd.random.defaultRng(0);
        return () => rng.standardNormal({ size: N });
      },
    },
  },
];
