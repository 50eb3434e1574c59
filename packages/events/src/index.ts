export * from './outbox.js';
export * from './hub.js';
export * from './relay.js';
export * from './stream.js';
export * from './live.js';
export * from './commands.js';
export * from './commands.generated.js';
export * from './command-codegen.js';
