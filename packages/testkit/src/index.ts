export * from './database.js';
export * from './graphql.js';
export * from './identities.js';
export * from './fuzz.js';
export * from './channels.js';
