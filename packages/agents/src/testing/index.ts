/** Deterministic LanguageModel implementations for tests and playtests without a trained model. */
export { ScriptedModel, readPrompt, textStream } from './scripted-model.js';
export { AdversarialModel, ATTACKS, disguise, type Attack } from './adversarial-model.js';
