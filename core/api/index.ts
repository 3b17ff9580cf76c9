export * from './headers.js';
export * from './error-body.js';
export * from './retry-after.js';
export * from './paths.js';
export * from './queries.js';
export * from './responses.js';
export * from './contract.js';
export * from './records.js';
