import type { SignInFailure } from '../../../core/api/browser-sign-in.js';

/** What the sign-in page sends back to the pane through Office's dialog. */
export type SignInMessage =
  | { type: 'hsb-sign-in'; status: 'token'; token: string }
  | { type: 'hsb-sign-in'; status: 'error'; code: SignInFailure };

const FAILURES: readonly string[] = ['CONSENT_REQUIRED', 'CANCELLED', 'UNAVAILABLE', 'FAILED'];

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
  if (m.status === 'error' && typeof m.code === 'string' && FAILURES.includes(m.code)) {
    return { type: 'hsb-sign-in', status: 'error', code: m.code as SignInFailure };
  }
  return null;
}
