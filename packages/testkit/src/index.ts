export * from './database.js';
export * from './graphql.js';
export * from './identities.js';
export * from './platform.js';
export * from './web.js';
export * from './fuzz.js';
export * from './nca-pki.js';
export * from './ncalayer.js';
