// Helpers of the plot tests: SVG well-formedness, element counts, embedded PNGs.
import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import { unzlibSync } from "fflate";

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

function checkText(s: string, where: number): void {
  for (let i = s.indexOf("&"); i >= 0; i = s.indexOf("&", i + 1)) {
    ENTITY.lastIndex = i;
    assert(ENTITY.test(s), `bare & at ${where + i}: ${JSON.stringify(s.slice(i, i + 12))}`);
  }
  assert(!s.includes("<"), `< in text or attribute at ${where}`);
}

/**
 * Strict XML well-formedness (linkedom's parser is lenient): balanced tags, quoted unique
 * attributes, escaped text; one root element.
 */
export function assertWellFormedXml(xml: string): void {
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"]*")*)\s*(\/?)>/y;
  const attr = /\s+([A-Za-z_][\w:.-]*)="([^"]*)"/g;
  const stack: string[] = [];
  let roots = 0, i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim() !== "") assert(stack.length > 0, `text outside the root at ${i}`);
    checkText(text, i);
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      assert(end > 0, `unclosed comment at ${lt}`);
      i = end + 3;
      continue;
    }
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    assert(m !== null, `malformed tag at ${lt}: ${JSON.stringify(xml.slice(lt, lt + 40))}`);
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      assert(attrs === "" && !selfClose, `malformed end tag </${name}>`);
      assert.equal(stack.pop(), name, `end tag </${name}> does not match`);
    } else {
      if (stack.length === 0) roots++;
      const seen = new Set<string>();
      for (const a of attrs.matchAll(attr)) {
        assert(!seen.has(a[1]), `duplicate attribute ${a[1]} on <${name}>`);
        seen.add(a[1]);
        checkText(a[2], lt);
      }
      if (!selfClose) stack.push(name);
    }
    i = tag.lastIndex;
  }
  assert.deepEqual(stack, [], "unclosed elements");
  assert.equal(roots, 1, "one root element");
}

/** A parsed element (linkedom's). */
export interface El {
  tagName: string;
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** Parsed SVG document, after the strict checks; the root is an <svg> with the xmlns. */
export function parseSvg(svg: string): { root: El; all(selector: string): El[] } {
  assertWellFormedXml(svg);
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml") as unknown as {
    documentElement: El;
    querySelectorAll(s: string): Iterable<El>;
  };
  const root = doc.documentElement;
  assert.equal(root.tagName, "svg");
  assert.equal(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  return { root, all: (s) => [...doc.querySelectorAll(s)] };
}

/** Text contents of all <text> elements. */
export function texts(svg: string): string[] {
  return parseSvg(svg).all("text").map((t) => t.textContent ?? "");
}

/** Children of the mark group `<g aria-label="label">` with the given tag. */
export function marks(svg: string, label: string, tag: string): El[] {
  return parseSvg(svg).all(`g[aria-label="${label}"] > ${tag}`);
}

/** Width and height of a PNG file, after checking its signature and IHDR. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "PNG signature");
  assert.equal(new TextDecoder().decode(bytes.subarray(12, 16)), "IHDR");
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** The PNGs embedded as `data:image/png;base64,` hrefs, decoded. */
export function embeddedPngs(svg: string): Uint8Array[] {
  return parseSvg(svg).all("image").map((img) => {
    const href = img.getAttribute("href") ?? img.getAttribute("xlink:href") ?? "";
    assert(href.startsWith("data:image/png;base64,"), `image href ${href.slice(0, 30)}`);
    return Uint8Array.from(atob(href.slice(22)), (c) => c.charCodeAt(0));
  });
}

/** Asserts that `f` throws `cls` with exactly `message`. */
export function assertThrowsMsg(
  f: () => unknown,
  cls: typeof TypeError | typeof RangeError,
  message: string,
): void {
  assert.throws(f, (e: unknown) => {
    assert(e instanceof cls, `expected ${cls.name}, got ${(e as Error)?.constructor?.name}`);
    assert.equal((e as Error).message, message);
    return true;
  });
}

/** RGBA pixels of a PNG written by nd's encoder (8-bit RGBA, filter 0 on every row). */
export function pngPixels(bytes: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const { width, height } = pngSize(bytes);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assert.equal(bytes[24], 8, "bit depth");
  assert.equal(bytes[25], 6, "colour type RGBA");
  const parts: Uint8Array[] = [];
  for (let at = 8; at < bytes.length;) {
    const len = v.getUint32(at);
    const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
    if (type === "IDAT") parts.push(bytes.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = unzlibSync(new Uint8Array(parts.flatMap((p) => [...p])));
  assert.equal(raw.length, (width * 4 + 1) * height);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    assert.equal(raw[y * (width * 4 + 1)], 0, "filter type");
    rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}
