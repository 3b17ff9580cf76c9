/**
 * `CANCELLED`: the user closed the sign-in or consent prompt.
 * `UNAVAILABLE`: neither Office single sign-on nor the sign-in window could be used here.
 * `FAILED`: Microsoft's sign-in answered with an error.
 */
export type SignInFailure = 'CANCELLED' | 'UNAVAILABLE' | 'FAILED';

export class SignInError extends Error {
  constructor(readonly code: SignInFailure) {
    super(
      code === 'CANCELLED'
        ? 'Sign-in was cancelled. Sign in to see your school’s assessments.'
        : code === 'UNAVAILABLE'
          ? 'Sign-in could not start. Allow pop-ups for this site and try again; if it still fails, ask your IT team to check the add-in’s set-up.'
          : 'Microsoft sign-in did not complete. Please try again.',
    );
    this.name = 'SignInError';
  }
}

/** What the sign-in page sends back to the pane (through Office's dialog, or to the opener). */
export type SignInMessage =
  | { type: 'hsb-sign-in'; status: 'token'; token: string }
  | { type: 'hsb-sign-in'; status: 'error'; code: SignInFailure };

export function parseSignInMessage(raw: unknown): SignInMessage | null {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  if (m.type !== 'hsb-sign-in') return null;
  if (m.status === 'token' && typeof m.token === 'string' && m.token) {
    return { type: 'hsb-sign-in', status: 'token', token: m.token };
  }
  if (m.status === 'error' && (m.code === 'CANCELLED' || m.code === 'UNAVAILABLE' || m.code === 'FAILED')) {
    return { type: 'hsb-sign-in', status: 'error', code: m.code };
  }
  return null;
}
