export * from './sms.js';
export * from './smsc.js';
export * from './email.js';
export * from './texts.js';
export * from './policy.js';
export * from './config.js';
