import type { Storage, StoreItem } from 'botbuilder';
import type { IsoDate } from '../../../core/index.js';
import type { ConversationScope } from './turn-info.js';

/**
 * Where the bot is installed, so that it can post review digests later. Ids and addresses only: no
 * names (of staff, teams or channels) and never child data (DESIGN §6).
 */
export interface Installation {
  /** `team:<team id>` for a team, `conversation:<id>` for a chat. */
  key: string;
  scope: ConversationScope;
  /** The conversation to post to: the channel chosen at install, or the chat. */
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  botId: string;
  tenantId?: string;
  teamId?: string;
  teamAadGroupId?: string;
  installedOn: IsoDate;
  /** The last school day a review digest was posted (or found nothing to post). */
  lastDigestOn?: IsoDate;
}

interface RegistryDocument extends StoreItem {
  installations: Record<string, Installation>;
}

export interface DigestClaim {
  claimed: boolean;
  /** The day claimed before, to give back if posting fails. */
  previous?: IsoDate;
}

const DOCUMENT_KEY = 'hsb-bot/installations';
const ATTEMPTS = 5;

export function installationKey(
  scope: ConversationScope,
  ids: { teamId?: string; conversationId: string },
): string {
  return scope === 'channel' && ids.teamId ? `team:${ids.teamId}` : `conversation:${ids.conversationId}`;
}

/**
 * One small document in the bot's storage (memory locally, Azure Blob Storage in Microsoft 365), updated
 * with optimistic concurrency: a write carries the ETag it read and is retried when another instance
 * wrote first, so that two instances cannot both claim the same day's digest.
 */
export class InstallationRegistry {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: Storage) {}

  async list(): Promise<Installation[]> {
    const doc = await this.read();
    return Object.values(doc?.installations ?? {});
  }

  async get(key: string): Promise<Installation | undefined> {
    return (await this.read())?.installations[key];
  }

  async findTeam(teamId: string): Promise<Installation | undefined> {
    return this.get(`team:${teamId}`);
  }

  /** Records an installation; true when it is new (so that the welcome is posted once). */
  add(installation: Installation): Promise<boolean> {
    return this.update((installs) => {
      const existing = installs[installation.key];
      if (existing) {
        const refreshed = {
          ...installation,
          lastDigestOn: existing.lastDigestOn,
          installedOn: existing.installedOn,
        };
        if (JSON.stringify(refreshed) === JSON.stringify(existing)) return { changed: false, result: false };
        installs[installation.key] = stripUndefined(refreshed);
        return { changed: true, result: false };
      }
      installs[installation.key] = stripUndefined(installation);
      return { changed: true, result: true };
    });
  }

  remove(key: string): Promise<boolean> {
    return this.update((installs) => {
      if (!installs[key]) return { changed: false, result: false };
      delete installs[key];
      return { changed: true, result: true };
    });
  }

  /** Marks `day`'s digest as taken for this installation; false when it already was (or it is gone). */
  claimDigest(key: string, day: IsoDate): Promise<DigestClaim> {
    return this.update<DigestClaim>((installs) => {
      const install = installs[key];
      if (!install || (install.lastDigestOn !== undefined && install.lastDigestOn >= day)) {
        return { changed: false, result: { claimed: false } };
      }
      const previous = install.lastDigestOn;
      installs[key] = { ...install, lastDigestOn: day };
      return { changed: true, result: previous ? { claimed: true, previous } : { claimed: true } };
    });
  }

  /** Gives a claimed day back after a failed post, so that the next run tries again. */
  releaseDigest(key: string, day: IsoDate, previous: IsoDate | undefined): Promise<void> {
    return this.update((installs) => {
      const install = installs[key];
      if (!install || install.lastDigestOn !== day) return { changed: false, result: undefined };
      const { lastDigestOn: _day, ...rest } = install;
      installs[key] = previous ? { ...rest, lastDigestOn: previous } : rest;
      return { changed: true, result: undefined };
    });
  }

  private async read(): Promise<RegistryDocument | undefined> {
    const items = await this.storage.read([DOCUMENT_KEY]);
    return items[DOCUMENT_KEY] as RegistryDocument | undefined;
  }

  /** Serialised in this process; retried on an ETag conflict with another process. */
  private update<T>(
    change: (installs: Record<string, Installation>) => { changed: boolean; result: T },
  ): Promise<T> {
    const run = this.queue.then(async () => {
      for (let attempt = 1; ; attempt++) {
        const current = await this.read();
        const installs: Record<string, Installation> = structuredClone(current?.installations ?? {});
        const { changed, result } = change(installs);
        if (!changed) return result;
        try {
          await this.storage.write({
            [DOCUMENT_KEY]: {
              installations: installs,
              eTag: current?.eTag ?? '*',
            } satisfies RegistryDocument,
          });
          return result;
        } catch (error) {
          if (attempt >= ATTEMPTS) throw error;
        }
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
