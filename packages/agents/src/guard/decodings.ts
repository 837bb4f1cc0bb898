/** A numeric entity as the character it names; one past U+10FFFF names none and is read as written. */
function entity(written: string, code: number): string {
  return Number.isSafeInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : written;
}

/**
 * Other readings of a reply under which a secret could hide: reversed, and any base64 or hex run
 * decoded. The guard checks each reading for must-not-reveal phrases.
 */
export function readings(text: string): string[] {
  const out = [text, [...text].reverse().join('')];
  for (const run of text.match(/[A-Za-z0-9+/=_-]{12,}/g) ?? []) {
    try {
      const b = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
      if (b && !b.includes('\ufffd')) out.push(b);
    } catch {
      // not base64
    }
  }
  for (const run of text.match(/(?:[0-9a-fA-F]{2}[\s:]?){6,}/g) ?? []) {
    const hex = run.replace(/[\s:]/g, '');
    const b = Buffer.from(hex.slice(0, hex.length - (hex.length % 2)), 'hex').toString('utf8');
    if (b && !b.includes('\ufffd')) out.push(b);
  }
  // Unicode escapes (\u6211) and HTML entities (&#25105;).
  if (/\\u[0-9a-fA-F]{4}|&#x?[0-9a-fA-F]+;/.test(text)) {
    out.push(
      text
        .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
        .replace(/&#x([0-9a-fA-F]+);/g, (m, h: string) => entity(m, parseInt(h, 16)))
        .replace(/&#(\d+);/g, (m, d: string) => entity(m, parseInt(d, 10))),
    );
  }
  return out;
}
