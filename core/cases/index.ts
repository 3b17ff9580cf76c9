export type { StoreManaged } from './common.js';
export * from './child.js';
export * from './case.js';
export * from './chronology.js';
export { addYears } from './dates.js';
export {
  CaseService,
  planKindFor,
  emptyPlanContent,
  emptyAgencies,
  planKindNames,
  type Signer,
  type CaseServiceOptions,
  type NewParticipant,
  type OpenCaseInput,
} from './case-service.js';
export { tokeniseNames } from './free-text.js';
