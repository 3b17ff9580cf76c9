export type { StoreManaged } from './common.js';
export * from './child.js';
export * from './case.js';
export * from './chronology.js';
export { addYears } from './dates.js';
