export * from './types.js';
export * from './facts.js';
export * from './calendar.js';
export * from './suppression.js';
export * from './tables.js';
export * from './summary.js';
export * from './trends.js';
