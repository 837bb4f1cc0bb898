import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../i18n/index.js';

// jsdom has no CSS.escape, which user-event's arrow keys in a radio group call.
if (typeof globalThis.CSS === 'undefined') {
  Object.assign(globalThis, { CSS: { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } });
}

// Tests read English UI text; each test starts from an empty DOM and empty storage.
initI18n('en');
afterEach(() => {
  cleanup();
  localStorage.clear();
});
