// Barrel: re-exports this folder's public functions.
export {};
