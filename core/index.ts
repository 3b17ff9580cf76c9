export * from './errors.js';
export * from './dates.js';
export * from './validation.js';
export * from './assessment/index.js';
export * from './repositories/assessment-repository.js';
export * from './repositories/document-archive.js';
export * from './documents/index.js';
export * from './content/index.js';
