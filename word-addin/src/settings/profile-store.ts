import { schoolProfileSchema, type SchoolProfile } from '../../../core/content/school-profile.js';

/**
 * Where the school's details are kept. In Word: the document's own settings, so they travel with the
 * policy. In preview mode: this browser's storage. Only the school-profile fields can be written
 * (the schema is strict), so nothing about a child can end up here (DESIGN §6).
 */
export interface ProfileStore {
  readonly where: 'document' | 'browser';
  load(): SchoolProfile;
  save(profile: SchoolProfile): Promise<void>;
}

export const PROFILE_KEY = 'hsb.schoolProfile';

function parse(value: unknown): SchoolProfile {
  const parsed = schoolProfileSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}

/** Drops blank fields so an emptied field reads as missing, not as an empty name. */
function clean(profile: SchoolProfile): SchoolProfile {
  const strict = schoolProfileSchema.parse(profile);
  return Object.fromEntries(
    Object.entries(strict).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
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
