/**
 * What the tab needs from whatever hosts it: Teams (teams-host.ts, the only module that imports
 * teams-js) or a plain browser in local mode (browser-host.ts). Everything else receives a Host, so
 * component tests pass a small fake.
 */
import type { TokenRequest } from '../../../core/api/browser-client';

export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where Teams shows the tab; `content` is a channel or personal tab, or a plain browser. */
export type FrameKind = 'content' | 'settings' | 'remove' | 'sidePanel' | 'meetingStage' | 'other';

export interface HostContext {
  frame: FrameKind;
  theme: HostTheme;
  /**
   * The tab instance's entity id; a meeting tab keeps its linked case here (`case:<id>`, or
   * `assessment:<id>` from before meetings were linked to cases).
   */
  entityId?: string;
  /** Teams' subEntityId from a deep link (bot cards put an assessment id here). */
  subPageId?: string;
  /** Set inside a meeting (side panel, stage, meeting chat tab). */
  meetingId?: string;
  /** The Microsoft 365 group id of the team whose channel holds the tab. */
  teamId?: string;
}

/** A tab instance's settings, saved by Teams (pages.config.setConfig). */
export interface TabConfig {
  entityId: string;
  /** Relative to /tab/: the host makes it absolute. */
  route: string;
  suggestedDisplayName: string;
}

export interface MeetingParticipant {
  displayName: string;
  /** Guests and external (federated or anonymous) users are named in the share-to-stage warning. */
  kind: 'member' | 'guest' | 'external';
}

export interface TabConfigurator {
  /** Called when the user presses Save in Teams' configuration dialog; resolve with the settings. */
  onSave(handler: () => Promise<TabConfig>): void;
  setValid(valid: boolean): void;
  /** Changes this tab's settings from its content or side panel (linking a meeting to a case). */
  save(config: TabConfig): Promise<void>;
}

export interface StageSharing {
  /** Whether Teams lets this user share to the stage (organisers and presenters). */
  canShare(): Promise<boolean>;
  /** Shares `route` (relative to /tab/) to the meeting stage. */
  share(route: string): Promise<void>;
  /** Who is in the meeting, when the host can tell; null when it cannot. */
  participants(): Promise<MeetingParticipant[] | null>;
}

export interface Host {
  kind: 'teams' | 'browser';
  context: HostContext;
  /**
   * A bearer token for our API, or undefined where there is no sign-in (local mode). With a
   * request (the server asked for consent or refused the last token) it may prompt the user.
   * Rejects with a SignInError.
   */
  getToken(request?: TokenRequest): Promise<string | undefined>;
  /** Runs the interactive sign-in and consent prompt; resolves when the user has consented. */
  requestConsent(): Promise<void>;
  /** Tells the host the first screen has rendered (Teams hides its loading indicator). */
  notifyReady(): void;
  onThemeChange(handler: (theme: HostTheme) => void): () => void;
  /** Present only in Teams' configuration frame or where settings may change (side panel). */
  configurator: TabConfigurator | null;
  /** Present in a meeting side panel (Teams) and, as a preview, in a plain browser. */
  stage: StageSharing | null;
}

export const ASSESSMENT_ENTITY_PREFIX = 'assessment:';
export const CASE_ENTITY_PREFIX = 'case:';

/** What a meeting tab is linked to: a case, or (links made before cases) one plan of a case. */
export type MeetingLink = { kind: 'case'; id: string } | { kind: 'plan'; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The link kept in a tab's entity id; anything but a well-formed id is no link at all. */
export function meetingLink(entityId: string | undefined): MeetingLink | undefined {
  if (!entityId) return undefined;
  for (const [prefix, kind] of [
    [CASE_ENTITY_PREFIX, 'case'],
    [ASSESSMENT_ENTITY_PREFIX, 'plan'],
  ] as const) {
    const id = entityId.startsWith(prefix) ? entityId.slice(prefix.length) : undefined;
    if (id && UUID.test(id)) return { kind, id: id.toLowerCase() };
  }
  return undefined;
}

/** The entity id that links a meeting tab to a case: ids only, never anything about a child. */
export function caseEntityId(caseId: string): string {
  return `${CASE_ENTITY_PREFIX}${caseId}`;
}
