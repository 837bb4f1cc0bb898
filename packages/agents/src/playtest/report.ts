import type { PlaytestReport } from './playtest.js';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const num = (x: number) => String(Math.round(x * 10) / 10);
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The summary lines both the Markdown and the HTML start with. */
export function summaryLines(r: PlaytestReport): string[] {
  const failures =
    Object.entries(r.guard.failures)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  return [
    `story: ${r.story.id} (${r.story.title}), language ${r.language}, ${r.runs} run(s) from seed ${r.seed}`,
    `model: ${r.model}`,
    `endings: ${Object.entries(r.endings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `innocent votes for the culprit: ${pct(r.voteAccuracy)}; culprit self-votes: ${r.culpritSelfVotes}`,
    `evidence routes completed: ${Object.entries(r.routes)
      .map(([k, v]) => `${k} ${v}/${r.runs}`)
      .join(', ')}`,
    `clues found per search round (mean): ${r.cluesPerRound.map((c) => `act ${c.act} round ${c.round}: ${num(c.mean)}`).join('; ')}`,
    `AI lines: ${r.guard.lines} (cover claims told: ${r.lies}); guard failures: ${failures}; fallbacks to authored lines: ${r.guard.fallbacks}`,
    `tokens: prompt ${r.tokens.prompt}, completion ${r.tokens.completion}; ${num(r.msPerLine)} ms per AI line (wall clock)`,
    `AI lines worded by: ${Object.entries(r.sources)
      .map(([k, v]) => `${k} ${v}${r.guard.lines > 0 ? ` (${pct(v / r.guard.lines)})` : ''}`)
      .join(
        ', ',
      )}; model time per model line: median ${num(r.modelMsPerLine.median)} ms, p90 ${num(r.modelMsPerLine.p90)} ms`,
    ...(r.choices.lines > 0
      ? [
          `model choices: ${r.choices.lines} lines, ${num(r.choices.meanOffered)} wordings offered on average; the seat's own taken ${r.choices.own} times (${pct(r.choices.own / r.choices.lines)}), another ${r.choices.lines - r.choices.own} times`,
        ]
      : []),
    ...talkLines(r),
  ];
}

/** The talk metrics: what a player meets at the table. */
function talkLines(r: PlaytestReport): string[] {
  const t = r.talk;
  const share = (a: number, b: number) => (b === 0 ? 'n/a' : `${a}/${b} (${pct(a / b)})`);
  const ablation = [r.ablations.blindClues ? '--blind-clues' : '', r.ablations.noTalk ? '--no-talk' : '']
    .filter(Boolean)
    .join(' ');
  return [
    ...(ablation ? [`ablations: ${ablation}`] : []),
    `questions to AI seats answered on topic: ${share(t.answeredOnTopic, t.questions)}; answered at all: ${share(t.answered, t.questions)}; answers that are questions back: ${share(t.questionsBack, t.answered)}`,
    `distinct AI lines (within each game): ${share(t.distinct, t.lines)}; most repeated over all games: ${t.mostRepeated ? `${t.mostRepeated.count}× "${t.mostRepeated.text.slice(0, 60)}"` : 'none'}; most times one line in one game: ${t.maxRepeatsInGame}`,
    `lines with case content (a time, place or clue): ${share(t.caseContent, t.lines)}`,
    `cover claims told: ${t.coverTold.length}; questions to the culprit about the incident answered with a cover claim: ${share(t.culpritWindow.withCover, t.culpritWindow.questions)}, distinct claims per game: ${t.culpritWindow.claimsPerGame.join(', ') || 'n/a'}`,
    `culprit's mean reciprocal rank in innocent votes: ${num(t.mrr.innocent * 100)} (random ranking: ${num(t.mrr.random * 100)}, ${t.mrr.rankings} rankings)`,
  ];
}

export function markdownReport(r: PlaytestReport): string {
  const rows = (head: string[], body: (string | number)[][]) =>
    [
      `| ${head.join(' | ')} |`,
      `| ${head.map(() => '---').join(' | ')} |`,
      ...body.map((b) => `| ${b.join(' | ')} |`),
    ].join('\n');
  return [
    `# Playtest: ${r.story.title}`,
    '',
    ...summaryLines(r).map((l) => `- ${l}`),
    '',
    '## Votes',
    rows(['character', 'votes'], Object.entries(r.votes)),
    '',
    '## Phases (simulated minutes, mean)',
    rows(
      ['#', 'phase', 'minutes'],
      r.phaseMinutes.map((p) => [p.phase, p.kind, num(p.minutes)]),
    ),
    '',
    '## First game, table talk',
    ...r.sample.transcript.map((l) => `- **${l.speaker}** _(${l.act}, ${l.source})_: ${l.text}`),
    '',
    '## First game, host',
    ...r.sample.narration.map((n) => `- _${n.kind}_: ${n.text}`),
    '',
  ].join('\n');
}

/** A horizontal bar chart as inline SVG. */
function bars(title: string, data: [string, number][], format: (x: number) => string = num): string {
  const max = Math.max(1e-9, ...data.map(([, v]) => v));
  const h = 22;
  const body = data
    .map(
      ([k, v], i) =>
        `<text x="0" y="${i * h + 15}" font-size="12">${esc(k)}</text>` +
        `<rect x="180" y="${i * h + 4}" width="${Math.round((v / max) * 300)}" height="14" fill="#8a5a44"/>` +
        `<text x="${186 + Math.round((v / max) * 300)}" y="${i * h + 15}" font-size="12">${esc(format(v))}</text>`,
    )
    .join('');
  return `<h2>${esc(title)}</h2><svg role="img" aria-label="${esc(title)}" width="560" height="${data.length * h + 8}">${body}</svg>`;
}

export function htmlReport(r: PlaytestReport): string {
  return `<!doctype html><html lang="${r.language === 'zh' ? 'zh-CN' : 'en'}"><meta charset="utf-8"><title>Playtest: ${esc(r.story.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#222}li{margin:.2em 0}</style>
<h1>Playtest: ${esc(r.story.title)}</h1><ul>${summaryLines(r)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('')}</ul>
${bars('Vote distribution', Object.entries(r.votes))}
${bars(
  'Clues found per search round (mean)',
  r.cluesPerRound.map((c) => [`act ${c.act} round ${c.round}`, c.mean]),
)}
${bars('Evidence routes completed (runs)', Object.entries(r.routes))}
${bars('Endings (runs)', Object.entries(r.endings))}
${bars(
  'Guard failures',
  Object.entries(r.guard.failures).map(([k, v]) => [k, v ?? 0]),
)}
${bars(
  'Phase durations (simulated minutes, mean)',
  r.phaseMinutes.map((p) => [`${p.phase} ${p.kind}`, p.minutes]),
)}
${bars('Tokens', [
  ['prompt', r.tokens.prompt],
  ['completion', r.tokens.completion],
])}
<h2>First game</h2><ul>${r.sample.transcript.map((l) => `<li><b>${esc(l.speaker)}</b> <i>${esc(l.act)}</i>: ${esc(l.text)}</li>`).join('')}</ul>
</html>
`;
}
