import { MatchStoreError } from './match-store-error.js';
import type { JsonObject, JsonValue } from './match-store.js';

/**
 * Serialises plain JSON, refusing anything `JSON.stringify` would silently turn into something else
 * (NaN, functions, class instances such as Date or Map, `undefined` in an array, cycles), so that what a
 * store hands back deep-equals what it was given. An object property set to `undefined` is dropped, as
 * if absent: callers' optional fields often hold it, and absent is what they mean.
 */
export function encodeJson(value: unknown, what: string): string {
  assertPlainJson(value, what, new Set());
  return JSON.stringify(value);
}

/** As {@link encodeJson}, for values that must be JSON objects (snapshots). */
export function encodeJsonObject(value: unknown, what: string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MatchStoreError('INVALID_INPUT', `${what} must be a JSON object`);
  }
  return encodeJson(value, what);
}

export function decodeJson(text: string): JsonValue {
  return JSON.parse(text) as JsonValue;
}

export function decodeJsonObject(text: string): JsonObject {
  return JSON.parse(text) as JsonObject;
}

function assertPlainJson(value: unknown, path: string, parents: Set<object>, inObject = false): void {
  switch (typeof value) {
    case 'undefined':
      if (inObject) return;
      throw invalid(path, 'is undefined, not JSON');
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(path, 'is not a finite number');
      return;
    case 'object':
      break;
    default:
      throw invalid(path, `is ${typeof value}, not JSON`);
  }
  if (value === null) return;
  if (parents.has(value)) throw invalid(path, 'is circular');
  const proto: unknown = Object.getPrototypeOf(value);
  parents.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) assertPlainJson(value[i], `${path}[${i}]`, parents);
  } else if (proto === Object.prototype || proto === null) {
    for (const [key, child] of Object.entries(value)) assertPlainJson(child, `${path}.${key}`, parents, true);
  } else {
    throw invalid(path, 'is not a plain object');
  }
  parents.delete(value);
}

function invalid(path: string, problem: string): MatchStoreError {
  return new MatchStoreError('INVALID_INPUT', `${path} ${problem}`);
}
