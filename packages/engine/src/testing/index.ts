/**
 * Test helpers other packages may use (`@jubensha/engine/testing`): the bundled stories and the
 * secret-text index with its leak checks, so the server's tests judge leaks by the same rules.
 */
export { BUNDLED, loadBundled } from './bundled.js';
export { leaks, literalLeaks, secretTexts, type SecretIndex } from './secrets.js';
export { decodeStep, stepArb, type Step } from './walk.js';
