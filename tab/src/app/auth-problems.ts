import type { ApiError } from '../api/api-client';

/**
 * Sign-in problems can surface from any API call (a token expires, consent is withdrawn). They are
 * announced here, and the session shows the consent prompt or the explanation over whatever is on
 * screen, so that unsaved changes stay in memory meanwhile.
 */
export class AuthProblems {
  private listeners = new Set<(error: ApiError) => void>();

  report(error: ApiError): void {
    for (const listener of this.listeners) listener(error);
  }

  subscribe(listener: (error: ApiError) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
