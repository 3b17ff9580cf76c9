export * from './owner-id.js';
export * from './assignments.js';
export * from './my-actions.js';
export * from './actions-service.js';
export * from './people.js';
export * from './outbox.js';
