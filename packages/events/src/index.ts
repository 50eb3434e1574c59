export * from './outbox.js';
export * from './hub.js';
export * from './relay.js';
export * from './stream.js';
export * from './live.js';
