/**
 * The words every rendering uses for a child who must not be named there: one source, so the stage,
 * documents, referral, export and tab say the same thing.
 */
export const ANOTHER_CHILD = 'another child';

/** What stands where a name was removed from text that has no case pseudonyms (e.g. an erasure reason). */
export const NAME_REMOVED = '[name removed]';
