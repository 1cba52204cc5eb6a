// Barrel: re-exports this folder's public functions.
export { fromNpy, toNpy } from "./npy.ts";
export type { ToNpyOpts } from "./npy.ts";
export { fromNpz, toNpz } from "./npz.ts";
export type { NpzArrays, ToNpzOpts } from "./npz.ts";
export { save } from "./save.ts";
export { savez } from "./savez.ts";
export { savezCompressed } from "./savez_compressed.ts";
export { load } from "./load.ts";
export type { LoadOpts } from "./load.ts";
export { mapInfo, Memmap, memmap } from "./memmap.ts";
export type { MemmapMode, MemmapOpts } from "./memmap.ts";
export type { MapInfo } from "./_mmap.ts";
export { openMemmap } from "./open_memmap.ts";
export type { OpenMemmapOpts } from "./open_memmap.ts";
export { chunks } from "./chunks.ts";
export type { ChunksOpts } from "./chunks.ts";
