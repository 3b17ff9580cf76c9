import type { PaneApi } from '../api/api-client.js';
import type { ProfileStore } from '../settings/profile-store.js';
import type { WordDocument } from '../word/word-document.js';

/** Everything the task pane reaches outside itself; main.tsx builds the real ones, tests pass fakes. */
export interface PaneServices {
  api: PaneApi;
  /** Null outside Word (preview mode): nothing can be inserted or checked. */
  word: WordDocument | null;
  profiles: ProfileStore;
  copyText(text: string): Promise<void>;
  /** Today's date in the school's time zone, ISO `YYYY-MM-DD`. */
  today(): string;
  /** The safeguarding team the pane works for, when the user is in more than one (memory only). */
  team: { get(): string | undefined; set(teamId: string): void };
}

/** A team choice held in memory for this session; the API client reads it on every call. */
export function teamChoice(): PaneServices['team'] {
  let chosen: string | undefined;
  return { get: () => chosen, set: (teamId) => void (chosen = teamId) };
}

/** How the pane found its host: still looking, in Word, or a plain browser. */
export type HostStatus = 'connecting' | 'word' | 'preview';
