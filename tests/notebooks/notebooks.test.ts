// Executes every notebook in notebooks/ headless through the real Jupyter client with the Deno
// kernel (tests/notebooks/run_notebook.py), failing on any error output and on any code cell
// whose metadata `nd.expect` lists MIME types (or "stdout") it did not produce. Outside CI, when Jupyter or
// the Deno kernelspec is missing, the tests are skipped with the reason printed; with CI=true
// they fail instead (.ci/run installs Jupyter and the kernel).
import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url).pathname;
const runner = `${root}tests/notebooks/run_notebook.py`;
const inCI = Deno.env.get("CI") === "true";

interface CellReport {
  index: number;
  outputs: {
    type: string;
    mimes?: string[];
    name?: string;
    ename?: string;
    evalue?: string;
    text?: string;
  }[];
  error: string | null;
  expect: string[];
}
interface Report {
  notebook: string;
  cells: CellReport[];
  errors: number;
}

async function findJupyter(): Promise<{ python: string } | { reason: string }> {
  const check = "import jupyter_client, nbformat\n" +
    "from jupyter_client.kernelspec import KernelSpecManager\n" +
    "assert 'deno' in KernelSpecManager().find_kernel_specs(), 'no deno kernelspec'";
  const reasons: string[] = [];
  for (const python of ["/usr/bin/python3", "python3"]) {
    try {
      const r = await new Deno.Command(python, { args: ["-c", check], stderr: "piped" }).output();
      if (r.success) return { python };
      reasons.push(`${python}: ${new TextDecoder().decode(r.stderr).trim().split("\n").at(-1)}`);
    } catch (e) {
      reasons.push(`${python}: ${(e as Error).message}`);
    }
  }
  return { reason: reasons.join("; ") };
}

const jupyter = await findJupyter();
if ("reason" in jupyter && !inCI) {
  console.log(`notebook tests skipped: Jupyter with the Deno kernel not found (${jupyter.reason})`);
}
const ignore = "reason" in jupyter && !inCI;

async function execute(
  path: string,
): Promise<{ code: number; report: Report | null; err: string }> {
  if ("reason" in jupyter) {
    assert.fail(`Jupyter with the Deno kernel is required: ${jupyter.reason}`);
  }
  const r = await new Deno.Command(jupyter.python, {
    args: [runner, path, "--timeout", "600"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(r.stdout).trim();
  let report: Report | null = null;
  try {
    report = JSON.parse(out.split("\n").at(-1) ?? "");
  } catch {
    report = null;
  }
  return { code: r.code, report, err: new TextDecoder().decode(r.stderr) };
}

function checkReport(report: Report): void {
  for (const c of report.cells) {
    const errors = c.outputs.filter((o) => o.type === "error");
    assert.ok(
      c.error === null && errors.length === 0,
      `cell ${c.index}: ${c.error ?? ""} ${
        errors.map((e) => `${e.ename}: ${e.evalue}`).join("; ")
      }`,
    );
    // What a cell produced: the MIME types of its displays, and "stdout"/"stderr" for printed
    // text (so that a cell whose printed figures the kernel dropped after idle fails too).
    const mimes = new Set(
      c.outputs.flatMap((o) => o.mimes ?? (o.type === "stream" && o.name ? [o.name] : [])),
    );
    for (const m of c.expect) assert.ok(mimes.has(m), `cell ${c.index} did not output ${m}`);
  }
}

Deno.test({ name: "notebook runner: outputs, expectations and errors", ignore }, async () => {
  const path = `${root}notebooks/_runner_selftest.ipynb`;
  const cell = (source: string, expect: string[] = []) => ({
    cell_type: "code",
    id: crypto.randomUUID().slice(0, 8),
    metadata: { nd: { expect } },
    execution_count: null,
    outputs: [],
    source,
  });
  const nb = {
    cells: [
      cell('import * as nd from "../mod.ts";\nnd.arange(6).reshape([2, 3])', [
        "text/html",
        "text/plain",
      ]),
      cell('console.log("printed")', ["stdout"]),
      cell('throw new Error("on purpose")'),
    ],
    metadata: { kernelspec: { display_name: "Deno", language: "typescript", name: "deno" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  Deno.writeTextFileSync(path, JSON.stringify(nb));
  try {
    const { code, report, err } = await execute(path);
    assert.ok(report !== null, err);
    assert.equal(code, 1); // the third cell raised
    assert.equal(report.errors, 1);
    checkReport({ ...report, cells: report.cells.slice(0, 2) });
    assert.equal(report.cells[1].outputs[0].text, "printed\n");
    // A cell that was expected to print and did not fails the check.
    const silent = { ...report.cells[1], outputs: [], expect: ["stdout"] };
    assert.throws(() => checkReport({ ...report, cells: [silent] }), /did not output stdout/);
    assert.equal(report.cells[2].outputs.at(-1)?.evalue, "on purpose");
  } finally {
    Deno.removeSync(path);
  }
});

const notebooks = [...Deno.readDirSync(`${root}notebooks`)]
  .filter((e) => e.isFile && e.name.endsWith(".ipynb") && !e.name.startsWith("_"))
  .map((e) => e.name)
  .sort();

for (const name of notebooks) {
  Deno.test({ name: `notebook ${name} runs without errors`, ignore }, async () => {
    const { code, report, err } = await execute(`${root}notebooks/${name}`);
    assert.ok(report !== null, `the runner failed: ${err.slice(-2000)}`);
    checkReport(report);
    assert.equal(code, 0, err.slice(-2000));
  });
}
