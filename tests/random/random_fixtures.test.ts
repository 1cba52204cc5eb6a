// nd.random against NumPy 2.4's own streams (tests/fixtures/fixtures_random.py): every value
// bit for bit, for many seeds and call sequences (the state carries over between calls).
// Two sets: scalar parameters (cases.json/random.npz) and array bounds and parameters broadcast
// against each other and against size (broadcast.json/broadcast.npz).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as random from "../../src/random/mod.ts";

interface Call {
  fn: string;
  args: unknown[];
  kw: Record<string, unknown>;
  key: string;
  scalar: boolean;
  dtype: string;
  sha256?: string;
  shape?: number[];
  head?: number[];
}
interface Case {
  name: string;
  kind: "generator" | "random_state" | "global";
  seed: unknown;
  calls: Call[];
}

const DIR = new URL("../fixtures/random/", import.meta.url);
const SETS = [
  { label: "random fixtures", cases: "cases.json", arrays: "random.npz" },
  { label: "random broadcast fixtures", cases: "broadcast.json", arrays: "broadcast.npz" },
].map((s) => ({
  label: s.label,
  cases: JSON.parse(Deno.readTextFileSync(new URL(s.cases, DIR))) as Case[],
  arrays: nd.load(new URL(s.arrays, DIR)) as Record<string, nd.NDArray>,
}));

/** Decodes {"bigint": "..."} back into a bigint. */
function dec(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dec);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.bigint === "string") return BigInt(o.bigint);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, dec(x)]));
  }
  return v;
}

type Any = (...a: unknown[]) => unknown;

function callGenerator(g: random.Generator, c: Call): unknown {
  const a = dec(c.args) as unknown[], kw = dec(c.kw) as Record<string, unknown>;
  const size = kw.size as random.Size | undefined;
  switch (c.fn) {
    case "random":
      return g.random({ size, dtype: kw.dtype as "float32" });
    case "integers":
      return (g.integers as Any)(a[0], a[1], {
        size,
        endpoint: kw.endpoint,
        dtype: kw.dtype === "bool_" ? "bool" : kw.dtype,
      });
    case "standard_normal":
      return g.standardNormal({ size, dtype: kw.dtype as "float32" });
    case "normal":
      return g.normal(a[0] as number, a[1] as number, { size });
    case "exponential":
      return g.exponential(a[0] as number, { size });
    case "uniform":
      return g.uniform(a[0] as number, a[1] as number, { size });
    case "choice":
      return g.choice(a[0] as number, kw as random.ChoiceOpts);
    case "permutation":
      return g.permutation(a[0] as number);
    case "shuffle": {
      const x = nd.array(a[0] as number[]);
      g.shuffle(x);
      return x;
    }
  }
  throw new Error(`unknown Generator call ${c.fn}`);
}

function callLegacy(rs: random.RandomState | typeof random, c: Call): unknown {
  const a = dec(c.args) as unknown[], kw = dec(c.kw) as Record<string, unknown>;
  const size = kw.size as random.Size | undefined;
  const r = rs as random.RandomState;
  switch (c.fn) {
    case "rand":
      return (rs.rand as Any)(...a);
    case "randn":
      return (rs.randn as Any)(...a);
    case "randint":
      return (rs.randint as Any)(a[0], a[1], { size, dtype: kw.dtype });
    case "random_sample":
      return rs.randomSample(size);
    case "normal":
      return r.normal(a[0] as number, a[1] as number, { size });
    case "uniform":
      return r.uniform(a[0] as number, a[1] as number, { size });
    case "standard_normal":
      return r.standardNormal(size);
    case "choice":
      return r.choice(a[0] as number, kw as random.ChoiceOpts);
    case "permutation":
      return r.permutation(a[0] as number);
    case "shuffle": {
      const x = nd.array(a[0] as number[]);
      r.shuffle(x);
      return x;
    }
  }
  throw new Error(`unknown RandomState call ${c.fn}`);
}

async function sha256(a: nd.NDArray): Promise<string> {
  const d = a.data;
  const bytes = new Uint8Array(d.byteLength);
  bytes.set(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
  const h = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(h, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Same dtype, shape and bits as NumPy's result. */
async function check(
  got: unknown,
  c: Call,
  where: string,
  ARRAYS: Record<string, nd.NDArray>,
): Promise<void> {
  if (c.scalar) {
    assert(!(got instanceof nd.NDArray), `${where}: expected a scalar, got an array`);
    const want = ARRAYS[c.key].item();
    if (typeof want === "number") assert(Object.is(got, want), `${where}: ${got} !== ${want}`);
    else if (typeof want === "bigint") assert.equal(got, want, where);
    else assert.equal(Number(got), Number(want), where);
    return;
  }
  assert(got instanceof nd.NDArray, `${where}: expected an NDArray, got ${typeof got}`);
  assert.equal(got.dtype, c.dtype === "bool_" ? "bool" : c.dtype, `${where}: dtype`);
  if (c.sha256) {
    assert.deepEqual(got.shape, c.shape, `${where}: shape`);
    assert.deepEqual(Array.from(got.data.slice(0, 3), Number), c.head, `${where}: head`);
    assert.equal(await sha256(got), c.sha256, `${where}: SHA-256 of the bytes`);
    return;
  }
  const want = ARRAYS[c.key];
  assert.deepEqual(got.shape, want.shape, `${where}: shape`);
  nd.testing.assertArrayEqual(got, want);
  const g = got.data, w = want.data;
  for (let i = 0; i < w.length; i++) {
    if (!Object.is(g[i], w[i])) assert.fail(`${where}: element ${i}: ${g[i]} !== ${w[i]}`);
  }
}

for (const set of SETS) {
  for (const kind of ["generator", "random_state", "global"] as const) {
    const cases = set.cases.filter((c) => c.kind === kind);
    if (cases.length === 0) continue;
    Deno.test(`${set.label}: ${kind}`, async (t) => {
      for (const cs of cases) {
        await t.step(`${cs.name} seed ${JSON.stringify(cs.seed)}`, async () => {
          const seed = dec(cs.seed) as random.SeedLike;
          let obj: random.Generator | random.RandomState | typeof random;
          if (kind === "generator") obj = random.defaultRng(seed);
          else if (kind === "random_state") obj = new random.RandomState(seed as number);
          else {
            random.seed(seed as number);
            obj = random;
          }
          for (const [i, c] of cs.calls.entries()) {
            const where = `${cs.name} call ${i} ${c.fn}(${JSON.stringify(c.args)}, ${
              JSON.stringify(c.kw)
            })`;
            const got = kind === "generator"
              ? callGenerator(obj as random.Generator, c)
              : callLegacy(obj as random.RandomState, c);
            await check(got, c, where, set.arrays);
          }
        });
      }
    });
  }
}
