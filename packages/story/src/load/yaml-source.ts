import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { DataPath } from '../diagnostics/data-path.js';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.js';

/**
 * A parsed YAML text that remembers where every node came from. `firstLine` is the file line the text starts
 * on (1 for a whole file, 2 for front-matter after its opening `---`), so positions are always file positions.
 */
export interface YamlSource {
  file: string;
  data: unknown;
  /** The position of the node at `path`, or of its nearest ancestor that exists. */
  locate(path: DataPath, key?: string): SourcePosition;
  /**
   * For an unknown `key` of a flow map (`{ … }`) that follows another pair: that pair written with its text
   * quoted, e.g. `en: 'He asked, gets no answer'`. An unquoted comma there ends a text and turns the rest into
   * a key, which is almost always what happened.
   */
  quotedFix(path: DataPath, key: string): string | undefined;
}

/** A text as a single-quoted YAML scalar. */
export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function parseYamlSource(
  text: string,
  file: string,
  firstLine: number,
): { source: YamlSource; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + firstLine - 1, col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const [severity, list] of [
    ['error', doc.errors],
    ['warning', doc.warnings],
  ] as const) {
    for (const e of list) {
      diagnostics.push({
        severity,
        code: severity === 'error' ? 'YAML_SYNTAX' : 'YAML_WARNING',
        // The parser's own "at line …" counts from the YAML text, not the file: the position below is the file's.
        message: explain(e.code, text.slice(e.pos[0], e.pos[1]).trim(), e.message),
        ...position(e.pos[0]),
      });
    }
  }
  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS();
    } catch (error) {
      // toJS refuses alias bombs ("excessive alias count") and the like: bad input, not a crash.
      diagnostics.push({
        severity: 'error',
        code: 'YAML_SYNTAX',
        message: error instanceof Error ? error.message : String(error),
        ...position(0),
      });
    }
  }
  return {
    source: {
      file,
      data,
      locate: (path, key) => position(offsetOf(doc, path, key)),
      quotedFix: (path, key) => quotedFix(doc, text, path, key),
    },
    diagnostics,
  };
}

/**
 * The parser's message, without its own "at line …" (it counts from the YAML text, not the file), and with the
 * likely fix where one mistake explains it: a text holding ": " inside `{ … }` is read as a nested map.
 */
function explain(code: string, source: string, message: string): string {
  const plain = message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  if (code === 'BLOCK_IN_FLOW' && source.includes(': '))
    return `quote this text: ${singleQuoted(source)}. Inside { … } an unquoted ": " starts a key (${plain})`;
  return plain;
}

function quotedFix(doc: Document, text: string, path: DataPath, key: string): string | undefined {
  const map = nodeAt(doc, path);
  if (!isMap(map) || !map.flow) return undefined;
  const index = map.items.findIndex((p) => isPair(p) && scalarValue(p.key) === key);
  const before = map.items[index - 1];
  const pair = map.items[index];
  if (index < 1 || !isPair(before) || !isPair(pair) || !isScalar(before.value)) return undefined;
  if (before.value.type !== 'PLAIN') return undefined;
  // A key that looks like one and has a value (`zhh: 茶`) is a misspelt key, not the rest of a text.
  if (pair.value !== null && /^[A-Za-z_$][\w$-]*$/.test(key)) return undefined;
  const start = rangeStart(before.value);
  const end = (isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : undefined)?.range?.[1];
  if (start === undefined || end === undefined) return undefined;
  return `${String(scalarValue(before.key))}: ${singleQuoted(text.slice(start, end).trim())}`;
}

function nodeAt(doc: Document, path: DataPath): unknown {
  let node: unknown = doc.contents;
  for (const step of path) {
    if (isMap(node)) node = node.items.find((p) => isPair(p) && scalarValue(p.key) === step)?.value;
    else if (isSeq(node) && typeof step === 'number') node = node.items[step];
    else return undefined;
  }
  return node;
}

/** Walks the document along the path; stops at the deepest node that exists. */
function offsetOf(doc: Document, path: DataPath, key?: string): number {
  const steps = key === undefined ? path : [...path, key];
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && scalarValue(p.key) === step);
      if (pair === undefined) break;
      const keyStart = rangeStart(pair.key);
      // An unknown or misspelt key is reported at the key itself.
      if (last && key !== undefined) return keyStart ?? offset;
      next = pair.value ?? pair.key;
      // A block list or map under a key starts on the next line; the key's line is where the author looks.
      if (last && (isMap(next) || isSeq(next)) && !next.flow && keyStart !== undefined) return keyStart;
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    } else {
      break;
    }
    const start = rangeStart(next);
    if (start === undefined) break;
    offset = start;
    node = next;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) ? (node as Node).range?.[0] : undefined;
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}
