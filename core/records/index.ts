export * from './transfer.js';
export * from './retention.js';
export * from './subject-access.js';
export * from './erasure.js';
export * from './records-service.js';
