/**
 * A model-independent token estimate for budgeting: one per CJK character, four Latin letters or
 * digits per token, one per other symbol. Small bilingual tokenizers land close to this.
 */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z0-9]/g)?.length ?? 0;
  const other = text.match(/[^\sA-Za-z0-9\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  return cjk + Math.ceil(latin / 4) + other;
}
