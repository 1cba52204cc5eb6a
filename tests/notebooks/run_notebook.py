"""Executes a Jupyter notebook headless with its kernel and reports every cell's outputs.

    python3 tests/notebooks/run_notebook.py NOTEBOOK [--out EXECUTED.ipynb] [--timeout 300]

Written on jupyter_client rather than `nbconvert --execute` because the Deno kernel sometimes
publishes a cell's output after the cell's `idle` status (seen in 3-12% of cells), which
nbconvert drops: after `idle` and the execute reply, this runner keeps draining IOPub until the
channel has been quiet for QUIET seconds. The kernel starts in the notebook's folder, so
`import * as nd from "../mod.ts"` and the project's deno.json are found.

Prints one JSON object: {"cells": [{"index", "outputs": [{"type", "mimes"|"name"|"ename"...}],
"error": ...}], "errors": n}; exits 1 when a cell raised or an error output appeared.
"""
import argparse
import json
import os
import queue
import sys
import time

import nbformat
from jupyter_client.manager import start_new_kernel

QUIET = 1.0


def run(path, out_path, timeout):
    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "deno")
    km, kc = start_new_kernel(kernel_name=kernel, cwd=os.path.dirname(os.path.abspath(path)))
    report = {"notebook": path, "kernel": kernel, "cells": [], "errors": 0}
    try:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            outputs, err = execute(kc, cell.source, timeout)
            cell.outputs = outputs
            summary = []
            for o in outputs:
                if o.output_type in ("display_data", "execute_result"):
                    summary.append({"type": o.output_type, "mimes": sorted(o.data.keys())})
                elif o.output_type == "stream":
                    summary.append({"type": "stream", "name": o.name, "text": o.text[-500:]})
                elif o.output_type == "error":
                    summary.append({"type": "error", "ename": o.ename, "evalue": o.evalue})
            if err or any(s["type"] == "error" for s in summary):
                report["errors"] += 1
            report["cells"].append({"index": index, "outputs": summary, "error": err,
                                    "expect": cell.metadata.get("nd", {}).get("expect", [])})
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    if out_path:
        nbformat.write(nb, out_path)
    return report


def execute(kc, source, timeout):
    msg_id = kc.execute(source, store_history=True)
    outputs, err = [], None
    idle = replied = False
    deadline = time.time() + timeout
    last = time.time()
    while True:
        if time.time() > deadline:
            return outputs, f"timed out after {timeout} s"
        if idle and replied and time.time() - last > QUIET:
            return outputs, err
        try:
            msg = kc.get_iopub_msg(timeout=0.1)
        except queue.Empty:
            if not replied:
                try:
                    reply = kc.get_shell_msg(timeout=0.01)
                    if reply["parent_header"].get("msg_id") == msg_id:
                        replied = True
                        if reply["content"].get("status") == "error":
                            c = reply["content"]
                            err = f"{c.get('ename')}: {c.get('evalue')}"
                except queue.Empty:
                    pass
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        last = time.time()
        t, c = msg["msg_type"], msg["content"]
        if t == "status" and c.get("execution_state") == "idle":
            idle = True
        elif t == "stream":
            outputs.append(nbformat.v4.new_output("stream", name=c["name"], text=c["text"]))
        elif t in ("display_data", "execute_result"):
            kind = "execute_result" if t == "execute_result" else "display_data"
            o = nbformat.v4.new_output(kind, data=c.get("data", {}), metadata=c.get("metadata", {}))
            if kind == "execute_result":
                o.execution_count = c.get("execution_count")
            outputs.append(o)
        elif t == "error":
            outputs.append(nbformat.v4.new_output(
                "error", ename=c.get("ename", ""), evalue=c.get("evalue", ""),
                traceback=c.get("traceback", [])))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebook")
    p.add_argument("--out")
    p.add_argument("--timeout", type=float, default=300)
    a = p.parse_args()
    report = run(a.notebook, a.out, a.timeout)
    print(json.dumps(report))
    sys.exit(1 if report["errors"] else 0)


if __name__ == "__main__":
    main()
