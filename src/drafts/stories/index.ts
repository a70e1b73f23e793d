/** The stories wirecopy can write, in the order they are considered. */
import { smallCapsDaily } from './small-caps-daily.ts';
import type { Story } from './story.ts';

export const STORIES: readonly Story[] = [smallCapsDaily];
