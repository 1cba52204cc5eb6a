/**
 * What the walkthroughs share: timing, and where their results go when they run as scripts
 * (the demo prints the figures' key numbers and writes each plot as an SVG file; the notebooks
 * call the same steps and let Jupyter display the results).
 *
 * @module
 */

import type * as nd from "../../mod.ts";

/** The median wall time of `runs` calls of `f` (after one warm-up call), in milliseconds. */
export function timeMs(f: () => unknown, runs = 5): number {
  f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[runs >> 1];
}

/** Where a walkthrough run reports: progress lines and named figures. */
export interface Output {
  /** One line of progress or of results. */
  log(line: string): void;
  /** A figure to keep, under a file-friendly name. */
  figure(name: string, fig: nd.plot.Figure): void;
}

/** An Output that prints lines and writes figures as `<dir>/<name>.svg`. */
export function fileOutput(dir: string): Output & { written: string[] } {
  Deno.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  return {
    written,
    log: (line) => console.log(line),
    figure(name, fig) {
      const path = `${dir}/${name}.svg`;
      Deno.writeTextFileSync(path, fig.toSVG());
      written.push(path);
    },
  };
}
