/** A path into a story's data, as zod and the validator name it. */
export type DataPath = readonly (string | number)[];

/** Formats a data path the way authors read it: `clues[3].pointsTo[0].weight`. */
export function formatPath(path: DataPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
