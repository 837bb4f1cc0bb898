/** A small seeded generator (mulberry32, the runtime's own): the same seed gives the same game. */
export { seededRandom as seeded } from '@jubensha/llm';

export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
