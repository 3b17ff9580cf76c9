import { ApiError } from '../api/api-client.js';
import { SignInError } from '../../../core/api/browser-sign-in.js';

/** What to say when the server or sign-in refuses; never a library message. */
export function accessMessage(error: unknown): string {
  if (error instanceof SignInError) return error.message;
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'NOT_A_MEMBER':
        return 'You are signed in, but not as a member of your school’s safeguarding team, so its assessments are not shown. Ask your designated safeguarding lead to add you to the team.';
      case 'UNAUTHENTICATED':
        return 'Your sign-in was not accepted. Sign in again with your school account.';
      case 'CONSENT_REQUIRED':
        return 'Your organisation needs to allow the HSB assistant to use your account first. Try again, or ask your IT team to grant consent.';
      default:
        return error.message;
    }
  }
  return 'Something went wrong. Please try again.';
}
