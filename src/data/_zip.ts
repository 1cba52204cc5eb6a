// `Dataset.zip`: tuples or objects of the elements of several datasets, until the shortest
// ends.
import { closeAsync, Node, resolve } from "./_node.ts";
import { type ElementSpec, INFINITE_CARDINALITY, UNKNOWN_CARDINALITY } from "./spec.ts";

/** `Dataset.zip(a, b, ...)` (tuples) or `Dataset.zip({ k: a, ... })` (objects). */
export class ZipNode extends Node {
  constructor(inputs: readonly Node[], readonly keys: readonly string[] | null) {
    super(inputs, "");
  }
  #shape(vals: unknown[]): unknown {
    if (this.keys === null) return vals;
    const out: Record<string, unknown> = {};
    this.keys.forEach((k, i) => out[k] = vals[i]);
    return out;
  }
  *iterSync(): Iterator<unknown> {
    const its = this.inputs.map((n) => n.iterSync());
    try {
      for (;;) {
        const vals = new Array(its.length);
        for (let i = 0; i < its.length; i++) {
          const r = its[i].next();
          if (r.done) {
            its.splice(i, 1);
            return;
          }
          vals[i] = resolve(r.value);
        }
        yield this.#shape(vals);
      }
    } finally {
      for (const it of its) it.return?.();
    }
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    const its = this.inputs.map((n) => n.iterAsync());
    try {
      for (;;) {
        const rs = await Promise.all(its.map((it) => it.next()));
        const ended = rs.findIndex((r) => r.done);
        if (ended >= 0) {
          its.splice(ended, 1);
          return;
        }
        yield this.#shape(rs.map((r) => resolve(r.value)));
      }
    } finally {
      await Promise.all(its.map(closeAsync));
    }
  }
  cardinality(): number {
    let out = INFINITE_CARDINALITY;
    for (const n of this.inputs) {
      const c = n.cardinality();
      if (c === UNKNOWN_CARDINALITY) return c;
      if (c !== INFINITE_CARDINALITY) out = out === INFINITE_CARDINALITY ? c : Math.min(out, c);
    }
    return out;
  }
  spec(): ElementSpec | null {
    const specs = this.inputs.map((n) => n.spec());
    if (specs.some((s) => s === null)) return null;
    return this.#shape(specs) as ElementSpec;
  }
  describe(): string {
    return this.keys === null ? `zip(${this.inputs.length})` : `zip({${this.keys.join(", ")}})`;
  }
}
