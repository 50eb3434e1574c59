import { RehabilitationProgram } from './program.js';
import { Measure } from './measure.js';

export * from './program.js';
export * from './measure.js';
export * from './refs.js';
export const entities = [RehabilitationProgram, Measure];
