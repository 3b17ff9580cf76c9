export * from './owner-id.js';
