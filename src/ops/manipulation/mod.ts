// Barrel: re-exports this folder's public functions.
export { atleast1d, atleast2d, atleast3d } from "./atleast_1d.ts";
export { concatenate, type ConcatenateOpts } from "./concatenate.ts";
export {
  columnStack,
  dstack,
  hstack,
  stack,
  type StackDTypeOpts,
  type StackOpts,
  vstack,
} from "./stack.ts";
export {
  arraySplit,
  dsplit,
  hsplit,
  type SectionsOrIndices,
  split,
  type SplitOpts,
  vsplit,
} from "./split.ts";
export { flip, fliplr, type FlipOpts, flipud } from "./flip.ts";
export { roll, type RollOpts } from "./roll.ts";
export { tile } from "./tile.ts";
export { repeat, type RepeatOpts } from "./repeat.ts";
export { pad, type PadMode, type PadOpts } from "./pad.ts";
export { take, type TakeOpts } from "./take.ts";
export { takeAlongAxis } from "./take_along_axis.ts";
export { put, type PutOpts } from "./put.ts";
export { copyto, type CopytoOpts } from "./copyto.ts";
export { where } from "./where.ts";
export { ravel, type RavelOpts } from "./ravel.ts";
export type { IndexMode } from "./_indices.ts";
export { insert, type InsertOpts } from "./insert.ts";
export { deleteEntries as delete, type DeleteOpts } from "./delete.ts";
export { append, type AppendOpts } from "./append.ts";
