import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

function cells(html: string): string[] {
  return [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
}

function rows(html: string): string[][] {
  const body = html.slice(html.indexOf("<tbody>"));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((c) => c[1])
  );
}

Deno.test("displayBundle", async (t) => {
  await t.step("text/plain is the repr and Jupyter.display returns the bundle", () => {
    const a = nd.array([[1.5, 2], [3, 4]]);
    const b = nd.displayBundle(a);
    assert.deepEqual(Object.keys(b).sort(), ["text/html", "text/plain"]);
    assert.equal(b["text/plain"], nd.repr(a));
    const viaSymbol = (a as unknown as Record<symbol, () => Record<string, string>>)[
      Symbol.for("Jupyter.display")
    ]();
    assert.deepEqual(viaSymbol, b);
  });

  await t.step("2-D arrays become a table with row and column indices", () => {
    const html = nd.displayBundle(nd.array([[1.5, 2], [3, -4]]))["text/html"];
    assert.match(html, /^<table class="nd-array"/);
    assert.match(html, /<caption[^>]*>NDArray shape=\(2, 2\) dtype=float64<\/caption>/);
    assert.match(html, /<thead><tr><th><\/th><th>0<\/th><th>1<\/th><\/tr><\/thead>/);
    assert.deepEqual(rows(html), [["0", "1.5", "2."], ["1", "3.", "-4."]]);
  });

  await t.step("1-D arrays are a single row; cells use the repr's number format", () => {
    const html = nd.displayBundle(nd.array([1e-5, 1, 2]))["text/html"];
    assert.deepEqual(rows(html), [["1.e-05", "1.e+00", "2.e+00"]]);
    assert.match(html, /shape=\(3,\) dtype=float64/);
    const c = nd.displayBundle(nd.array([1, 2]).astype("complex64"))["text/html"];
    assert.deepEqual(cells(c), ["1.+0.j", "2.+0.j"]);
    assert.match(c, /dtype=complex64/);
    const b = nd.displayBundle(nd.array([true, false]))["text/html"];
    assert.deepEqual(cells(b), ["True", "False"]);
  });

  await t.step("big arrays are summarised like the repr", () => {
    const html = nd.displayBundle(nd.arange(2000).reshape([40, 50]))["text/html"];
    const r = rows(html);
    assert.equal(r.length, 7);
    assert.deepEqual(r[0], ["0", "0", "1", "2", "…", "47", "48", "49"]);
    assert.deepEqual(r[3], ["⋮", "⋮", "⋮", "⋮", "⋱", "⋮", "⋮", "⋮"]);
    assert.deepEqual(r[6], ["39", "1950", "1951", "1952", "…", "1997", "1998", "1999"]);
    assert.match(html, /<th>…<\/th><th>47<\/th>/);
    const long = nd.displayBundle(nd.arange(5000))["text/html"];
    assert.deepEqual(cells(long), ["0", "1", "2", "…", "4997", "4998", "4999"]);
    // a short axis is shown whole even when the array is summarised
    const tall = nd.displayBundle(nd.arange(2000).reshape([1000, 2]))["text/html"];
    assert.deepEqual(rows(tall)[0], ["0", "0", "1"]);
    assert.equal(rows(tall).length, 7);
  });

  await t.step("other ranks, 0-d and empty arrays show the repr in a <pre>", () => {
    const a = nd.arange(8).reshape([2, 2, 2]);
    const html = nd.displayBundle(a)["text/html"];
    assert.ok(html.includes(`<pre style="margin:0">${nd.repr(a)}</pre>`));
    assert.match(html, /NDArray shape=\(2, 2, 2\) dtype=int64/);
    const z = nd.displayBundle(nd.array(2.5))["text/html"];
    assert.match(z, /<pre[^>]*>array\(2\.5\)<\/pre>/);
    assert.match(z, /shape=\(\) dtype=float64/);
    const e = nd.displayBundle(nd.zeros([0, 3]))["text/html"];
    assert.match(e, /<pre[^>]*>array\(\[\], shape=\(0, 3\), dtype=float64\)<\/pre>/);
  });
});
