import { profileVariables, type SchoolProfile } from '../../../core/content/school-profile.js';

/**
 * Where the school's details are kept. In Word: the document's own settings, so they travel with the
 * policy. In preview mode: this browser's storage. Only the school-profile fields can be written,
 * so nothing about a child can end up here (DESIGN §6).
 */
export interface ProfileStore {
  readonly where: 'document' | 'browser';
  load(): SchoolProfile;
  save(profile: SchoolProfile): Promise<void>;
}

export const PROFILE_KEY = 'hsb.schoolProfile';

const MAX_LENGTH = 200;

/**
 * The school-profile fields and nothing else, each a short text: schoolProfileSchema's rules (a test
 * holds the two together), checked by hand so the schema library stays out of the pane's bundle.
 */
export function isSchoolProfile(value: unknown): value is SchoolProfile {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([key, v]) =>
      (profileVariables as readonly string[]).includes(key) &&
      (v === undefined || (typeof v === 'string' && v.trim().length <= MAX_LENGTH)),
  );
}

function parse(value: unknown): SchoolProfile {
  return isSchoolProfile(value) ? value : {};
}

/** Trims each value and drops blank ones, so an emptied field reads as missing, not as an empty name. */
function clean(profile: SchoolProfile): SchoolProfile {
  if (!isSchoolProfile(profile)) throw new Error('Only school details can be saved.');
  return Object.fromEntries(
    Object.entries(profile).flatMap(([k, v]) => (v && v.trim() ? [[k, v.trim()]] : [])),
  );
}

type Settings = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

export function documentProfileStore(settings: Settings, succeeded: Office.AsyncResultStatus): ProfileStore {
  return {
    where: 'document',
    load: () => parse(settings.get(PROFILE_KEY)),
    save: (profile) =>
      new Promise((resolve, reject) => {
        settings.set(PROFILE_KEY, clean(profile));
        settings.saveAsync((result) =>
          result.status === succeeded
            ? resolve()
            : reject(new Error('The document settings were not saved.')),
        );
      }),
  };
}

export function browserProfileStore(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): ProfileStore {
  let memory: SchoolProfile = {};
  return {
    where: 'browser',
    load: () => {
      try {
        const raw = storage?.getItem(PROFILE_KEY);
        return raw ? parse(JSON.parse(raw)) : memory;
      } catch {
        return memory;
      }
    },
    save: async (profile) => {
      memory = clean(profile);
      try {
        storage?.setItem(PROFILE_KEY, JSON.stringify(memory));
      } catch {
        // Storage can be disabled or full; the profile then lasts for this visit only.
      }
    },
  };
}
