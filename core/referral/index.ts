export * from './referral-draft.js';
export {
  buildReferral,
  leftOutStatement,
  referralPlainText,
  type BuildReferralInput,
  type ReferralCase,
} from './build-referral.js';
export { longDate } from '../dates.js';
