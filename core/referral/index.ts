export * from './referral-draft.js';
export {
  buildReferral,
  leftOutStatement,
  referralPlainText,
  type BuildReferralInput,
  referralCaseSchema,
  type ReferralCase,
} from './build-referral.js';
export { participantRoleWords, listJoin } from './labels.js';
export { longDate } from '../dates.js';
