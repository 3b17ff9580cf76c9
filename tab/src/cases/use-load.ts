import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-client';

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiError };

/**
 * Loads what `load` fetches whenever its inputs change (the caller memoises it), ignoring answers
 * that arrive after the screen moved on; `reload` asks again.
 */
export function useLoad<T>(load: () => Promise<T>, fallback: string) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    load().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) =>
        live &&
        setLoaded({
          state: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', fallback),
        }),
    );
    return () => {
      live = false;
    };
  }, [load, attempt, fallback]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [loaded, reload] as const;
}
