export * from './schema/common.js';
export * from './schema/phases.js';
export * from './schema/story-file.js';
export * from './schema/character-file.js';
export * from './schema/story.js';
