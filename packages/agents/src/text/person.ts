import type { Language } from './language.js';

/**
 * Script text is written to the player ("你九点零六分推开门", "you pushed the door"); at the table the
 * character says it of itself. Quoted speech inside the text keeps its own persons.
 */
export function firstPerson(text: string, language: Language): string {
  return mapOutsideQuotes(text, language === 'zh' ? zhFirst : enFirst);
}

/** Runs `f` over the parts of `text` outside quotation marks. */
function mapOutsideQuotes(text: string, f: (s: string) => string): string {
  const parts = text.split(/(“[^”]*”|「[^」]*」|"[^"]*")/);
  return parts.map((p, i) => (i % 2 === 1 ? p : f(p))).join('');
}

function zhFirst(s: string): string {
  return s.replace(/你们/g, '我们').replace(/妳|你|您/g, '我');
}

/** Words after which "you" is the subject: a verb follows. */
const EN_VERBISH =
  /^(?:were|was|are|am|had|have|did|do|does|don't|didn't|can|could|will|would|should|shall|may|might|must|never|always|still|just|also|only|then|once|even|already|too|alone|both|yourself|\w+ed|\w+ing|went|came|saw|heard|knew|thought|took|got|made|said|told|found|left|kept|felt|ran|sat|stood|hid|wrote|tore|brought|bought|caught|held|put|set|let|met|lost|paid|sent|spent|understood|began|became|drank|ate|gave|gone|seen|know|think|want|need|see|hear|love|hate|like|remember|believe|owe|live|keep|find|say|tell|go|come|get|take|give|make|sing|play|begin|cannot|can't|won't|wouldn't|couldn't|shouldn't|haven't|hadn't|weren't|wasn't|aren't|isn't)\b/i;

/** Words after which "you" is the object: prepositions and verbs that take one. */
const OBJECT_AFTER =
  /\b(?:at|to|for|with|from|of|by|about|on|onto|into|upon|behind|beside|near|than|like|without|toward|towards|against|between|among|around|past|through|over|under|told|tell|tells|gave|give|gives|saw|see|sees|let|lets|made|make|makes|asked|ask|sent|send|showed|show|taught|teach|promised|promise|owe|owes|owed|warned|warn|call|called|love|loves|loved|hate|hates|need|needs|want|wants|help|helps|meet|met|left|leave|keep|kept|know|knew|remember|remembers|believe|believes|trust|trusts|hurt|hurts|pay|paid|took|take|brought|bring)\s+$/i;

function enFirst(s: string): string {
  let out = s
    .replace(/\byourself\b/g, 'myself')
    .replace(/\bYourself\b/g, 'Myself')
    .replace(/\byours\b/g, 'mine')
    .replace(/\bYours\b/g, 'Mine')
    .replace(/\byour\b/g, 'my')
    .replace(/\bYour\b/g, 'My')
    .replace(/\byou're\b/gi, (m) => (m[0] === 'Y' ? "I'm" : "I'm"))
    .replace(/\byou've\b/gi, "I've")
    .replace(/\byou'd\b/gi, "I'd")
    .replace(/\byou'll\b/gi, "I'll")
    .replace(/\byou are\b/g, 'I am')
    .replace(/\bYou are\b/g, 'I am')
    .replace(/\byou were\b/g, 'I was')
    .replace(/\bYou were\b/g, 'I was')
    .replace(/\byou weren't\b/gi, "I wasn't");
  // "you" before a verb is the subject (I); at a clause's end, or after a verb or preposition, the object (me).
  out = out.replace(/\b[Yy]ou\b(\s*)(\S*)/g, (_m, space: string, next: string, at: number, all: string) => {
    const before = all.slice(0, at);
    // At a sentence's or clause's start, or before a verb, "you" is the subject.
    const opens =
      /(?:^|[.!?;:—–]\s*|\b(?:and|but|so|then|when|while|because|if|as|until|that|where)\s+)$/i.test(before);
    const verb = EN_VERBISH.test(next) && !/^\w*thing\b/i.test(next);
    const ends = !/^\w/.test(next);
    const object =
      OBJECT_AFTER.test(before) ||
      (!opens &&
        (/\b(?:\w+ed|\w+ing)\s+$/i.test(before) ||
          /^(?:to|as|into|the|a|an|up|out|down|off|back|away|in|on|at|with|from|for|of|about|here|there|home)\b/i.test(
            next,
          )));
    return `${verb || (!ends && (opens || !object)) ? 'I' : 'me'}${space}${next}`;
  });
  return out;
}

/** How far a text is in the second person (script-like): the share of its words that are you/your/你. */
export function secondPersonShare(text: string): number {
  const zh = (text.match(/你|您/g) ?? []).length;
  const en = (text.match(/\b(?:you|your|yours|yourself)\b/gi) ?? []).length;
  const words = (text.match(/[\u3400-\u9fff]|[A-Za-z]+/g) ?? []).length || 1;
  return (zh + en) / words;
}
