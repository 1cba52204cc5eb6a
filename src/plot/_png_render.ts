/**
 * SVG → PNG through resvg, loaded on first use: the native `@resvg/resvg-js` binding when the
 * process may load it (`--allow-ffi --allow-sys --allow-read`, as `deno jupyter` and
 * `deno test -A` grant), else `@resvg/resvg-wasm` (`--allow-read`: the .wasm file and the
 * system fonts it is handed, since WebAssembly cannot look fonts up itself).
 *
 * @module
 */

/** Which resvg build renders PNGs: `"native"` (resvg-js) or `"wasm"` (resvg-wasm). */
export type PngRenderer = "native" | "wasm";

/** What {@linkcode pngSupport} found. */
export interface PngSupport {
  /** The renderer that loaded, or null when none did. */
  renderer: PngRenderer | null;
  /** Why each renderer that was tried did not load (empty when the first one did). */
  reasons: string[];
}

type Render = (svg: string, scale: number, background: string) => Uint8Array;

const NATIVE = "npm:@resvg/resvg-js@2.6.2";
const WASM = "npm:@resvg/resvg-wasm@2.6.2";

function granted(name: "ffi" | "sys" | "read"): boolean {
  try {
    return Deno.permissions.querySync({ name }).state === "granted";
  } catch {
    return false;
  }
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

async function loadNative(): Promise<Render> {
  const missing = (["ffi", "sys", "read"] as const).filter((p) => !granted(p));
  if (missing.length > 0) {
    throw new Error(`needs ${missing.map((p) => `--allow-${p}`).join(" ")}`);
  }
  const { Resvg } = await import("@resvg/resvg-js");
  return (svg, scale, background) =>
    new Resvg(svg, {
      fitTo: { mode: "zoom", value: scale },
      background,
      font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    }).render().asPng();
}

const FONT_DIRS = [
  "/usr/share/fonts",
  "/usr/local/share/fonts",
  "/System/Library/Fonts",
  "/Library/Fonts",
  "C:\\Windows\\Fonts",
];

/** Up to 24 MiB of .ttf/.otf files from the usual font folders, sans-serif regular first. */
async function systemFonts(): Promise<Uint8Array[]> {
  const paths: string[] = [];
  const walk = async (dir: string, depth: number) => {
    try {
      for await (const e of Deno.readDir(dir)) {
        const p = `${dir}/${e.name}`;
        if (e.isDirectory && depth < 4) await walk(p, depth + 1);
        else if (/\.(ttf|otf)$/i.test(e.name)) paths.push(p);
      }
    } catch {
      // a folder that is missing or unreadable has no fonts for us
    }
  };
  for (const d of FONT_DIRS) await walk(d, 0);
  const rank = (p: string) =>
    (/sans/i.test(p) ? 0 : 2) + (/bold|italic|oblique|light|condensed|mono/i.test(p) ? 1 : 0);
  paths.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const fonts: Uint8Array[] = [];
  let total = 0;
  for (const p of paths) {
    const bytes = await Deno.readFile(p).catch(() => null);
    if (bytes === null || total + bytes.length > 24 << 20) continue;
    fonts.push(bytes);
    total += bytes.length;
  }
  return fonts;
}

async function loadWasm(): Promise<Render> {
  if (!granted("read")) throw new Error("needs --allow-read");
  const mod = await import("@resvg/resvg-wasm");
  const url = new URL(import.meta.resolve("@resvg/resvg-wasm/index_bg.wasm"));
  await mod.initWasm(await Deno.readFile(url));
  const fontBuffers = await systemFonts();
  return (svg, scale, background) =>
    new mod.Resvg(svg, {
      fitTo: { mode: "zoom", value: scale },
      background,
      font: { fontBuffers, defaultFontFamily: "DejaVu Sans", loadSystemFonts: false },
    }).render().asPng();
}

const loaded = new Map<PngRenderer, Promise<Render>>();

function load(r: PngRenderer): Promise<Render> {
  let p = loaded.get(r);
  if (p === undefined) {
    p = r === "native" ? loadNative() : loadWasm();
    loaded.set(r, p);
    // A renderer refused for lack of permission may load after a later grant.
    p.catch(() => loaded.delete(r));
  }
  return p;
}

/** The renderer to use: the one asked for, else the first of native and wasm that loads. */
export async function pngRenderer(
  which: PngRenderer | "auto" = "auto",
): Promise<{ render: Render | null; support: PngSupport }> {
  const order: PngRenderer[] = which === "auto" ? ["native", "wasm"] : [which];
  const reasons: string[] = [];
  for (const r of order) {
    try {
      return { render: await load(r), support: { renderer: r, reasons } };
    } catch (e) {
      reasons.push(`${r === "native" ? NATIVE : WASM}: ${errorText(e)}`);
    }
  }
  return { render: null, support: { renderer: null, reasons } };
}
