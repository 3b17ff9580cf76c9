export * from './referral-draft.js';
export {
  buildReferral,
  leftOutStatement,
  referralPlainText,
  type BuildReferralInput,
} from './build-referral.js';
export { longDate } from '../dates.js';
