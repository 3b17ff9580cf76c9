export * from './referral-draft.js';
export { buildReferral, referralPlainText, type BuildReferralInput } from './build-referral.js';
export { longDate } from '../dates.js';
