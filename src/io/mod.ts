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
