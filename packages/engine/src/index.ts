import type { Story } from '@jubensha/story';
export type EngineStory = Story;
