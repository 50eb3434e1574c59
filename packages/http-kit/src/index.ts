export * from './http.js';
export * from './ws.js';
export * from './ws-operation.js';
export * from './limits.js';
