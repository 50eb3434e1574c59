import { RehabilitationProgram } from './program.js';
import { Measure } from './measure.js';

export * from './program.js';
export * from './measure.js';
export * from './refs.js';
import { OutboxEvent } from '@aleumet/events';

export { OutboxEvent };
export const entities = [OutboxEvent, RehabilitationProgram, Measure];
