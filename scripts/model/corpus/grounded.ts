const EN_NUMBER =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b/gi;

/**
 * What a reply names that its prompt does not hold, or null: a person, nickname or place of the
 * story, a capitalised English word not at a sentence start, a number word or a run of Chinese numerals.
 * Such a reply would teach the model to say things it was not given.
 */
export function ungrounded(line: string, prompt: string, words: readonly string[]): string | null {
  for (const w of words) if (line.includes(w) && !prompt.includes(w)) return w;
  for (const sentence of line.split(/(?<=[.!?:;…—])\s+/u))
    for (const m of sentence.slice(1).matchAll(/(?<=[\s“"‘'(])[A-Z][A-Za-z’']*/gu))
      if (!/^I(?:$|[’'])/u.test(m[0]) && !prompt.includes(m[0])) return m[0];
  for (const m of line.matchAll(EN_NUMBER))
    if (!prompt.toLowerCase().includes(m[0].toLowerCase())) return m[0];
  for (const m of line.matchAll(/[零一二两三四五六七八九十百千万]{2,}/gu))
    if (!prompt.includes(m[0])) return m[0];
  return null;
}
