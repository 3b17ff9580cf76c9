import type { ApiClient } from '../api/api-client.js';
import type { ProfileStore } from '../settings/profile-store.js';
import type { WordDocument } from '../word/word-document.js';

/** Everything the task pane reaches outside itself; main.tsx builds the real ones, tests pass fakes. */
export interface PaneServices {
  api: ApiClient;
  /** Null outside Word (preview mode): nothing can be inserted or checked. */
  word: WordDocument | null;
  profiles: ProfileStore;
  copyText(text: string): Promise<void>;
  /** Today's date in the school's time zone, ISO `YYYY-MM-DD`. */
  today(): string;
}

/** How the pane found its host: still looking, in Word, or a plain browser. */
export type HostStatus = 'connecting' | 'word' | 'preview';
