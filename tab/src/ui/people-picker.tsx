import {
  Combobox,
  Field,
  Option,
  OptionGroup,
  makeStyles,
  tokens,
  type ComboboxProps,
} from '@fluentui/react-components';
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { ApiClient, Person } from '../api/api-client';

/** Finds staff whose name starts with `q` (blank: the safeguarding team); aborted when stale. */
export type PeopleSearch = (q: string, signal: AbortSignal) => Promise<Person[]>;

const PeopleContext = createContext<PeopleSearch | null>(null);

/** Gives every owner field below the server's people directory (GET /api/people). */
export function PeopleProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const search = useMemo<PeopleSearch>(() => (q, signal) => api.people(q, undefined, signal), [api]);
  return <PeopleContext.Provider value={search}>{children}</PeopleContext.Provider>;
}

/** An action's owner: a name as shown, and the person's id when chosen from the directory. */
export interface OwnerChoice {
  owner: string;
  ownerId?: string | undefined;
}

/** Waits this long after the last key before asking the directory, so a name typed fast is one call. */
export const PEOPLE_SEARCH_DELAY_MS = 250;

const groupLabels: Record<Person['source'], string> = {
  team: 'Safeguarding team',
  directory: 'School staff',
  local: 'Local directory',
};
const groupOrder: Person['source'][] = ['team', 'directory', 'local'];

/** The value of the option that keeps a typed name as it is; no directory id looks like it. */
const KEEP_TYPED = '\u0000typed';

/** Where the directory search is; the people found last stay offered while the next search runs. */
type Search = 'idle' | 'searching' | 'found' | 'failed';

const useStyles = makeStyles({
  combobox: { minWidth: 0, maxWidth: '100%' },
  job: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
});

export interface PeoplePickerProps {
  label: string;
  value: OwnerChoice;
  onChange: (value: OwnerChoice) => void;
  required?: boolean;
  /** A problem the save found with this field; shown instead of the picker's own notes. */
  problem?: string | undefined;
  /** The dotted path of the field, for the save problems' "go to the field" links. */
  path?: string;
}

function noteFor(value: OwnerChoice, search: Search): string {
  if (search === 'searching') return 'Searching the staff directory…';
  if (search === 'failed') {
    return 'The staff directory could not be searched. A name typed here is kept as written.';
  }
  if (value.ownerId) return 'Chosen from the directory: they are told, and see it in their actions.';
  if (value.owner.trim()) return 'A name typed freely: no one is told in Teams.';
  return 'Type a name to find a member of staff, or type any name and keep it.';
}

/**
 * The owner of a strategy or a support measure: a member of staff found in the directory (the
 * safeguarding team first, then the school's staff), or any name typed freely for someone outside
 * the school's tenant. Typing keeps the text as a free-text owner at once, so nothing typed is lost
 * if focus moves on; a person is chosen with Enter or a click only — arrow keys and Tab never
 * choose. Without a PeopleProvider it is a plain name box.
 */
export function PeoplePicker({ label, value, onChange, required, problem, path }: PeoplePickerProps) {
  const styles = useStyles();
  const searchPeople = useContext(PeopleContext);
  const [text, setText] = useState(value.owner);
  const [search, setSearch] = useState<Search>('idle');
  const [people, setPeople] = useState<Person[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<AbortController | null>(null);
  /** The last value this field sent, to tell its own changes from the record's (undo, reload, reset). */
  const sent = useRef(value.owner);

  useEffect(() => {
    if (value.owner !== sent.current) {
      sent.current = value.owner;
      setText(value.owner);
    }
  }, [value.owner]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  const emit = (next: OwnerChoice) => {
    sent.current = next.owner;
    onChange(next);
  };

  const runSearch = (q: string) => {
    clearTimeout(timer.current);
    pending.current?.abort();
    if (!searchPeople) return;
    setSearch('searching');
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      pending.current = controller;
      searchPeople(q, controller.signal).then(
        (found) => {
          if (pending.current !== controller) return;
          setPeople(found);
          setSearch('found');
        },
        () => {
          if (pending.current !== controller) return;
          setPeople([]);
          setSearch('failed');
        },
      );
    }, PEOPLE_SEARCH_DELAY_MS);
  };

  const typed = text.trim();
  // Offered once the search for this text has answered, below the people it found: appearing with
  // them keeps the list's order stable, so the first Arrow Down reaches the first person.
  const offerTyped = typed !== '' && search !== 'searching' && !people.some((p) => p.displayName === typed);

  const onOptionSelect: ComboboxProps['onOptionSelect'] = (event, data) => {
    if (!data.optionValue) {
      // Fluent's clear button; a selection cleared by typing is handled by onChange.
      if (event.type === 'click') {
        setText('');
        emit({ owner: '' });
      }
      return;
    }
    if (data.optionValue === KEEP_TYPED) {
      setText(typed);
      emit({ owner: typed });
      return;
    }
    const person = people.find((p) => p.id === data.optionValue);
    if (!person) return;
    setText(person.displayName);
    emit({ owner: person.displayName, ownerId: person.id });
  };

  // Fluent chooses the highlighted person on Tab; here Tab only moves on, keeping what was typed.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Tab') event.stopPropagation();
  };

  const note = noteFor(value, search);
  return (
    <Field label={label} required={required} validationMessage={problem} hint={problem ? undefined : note}>
      <div onKeyDownCapture={onKeyDownCapture}>
        <Combobox
          className={styles.combobox}
          data-path={path}
          freeform
          clearable
          // A search box, not a list to browse: no chevron, so one Tab stop per owner.
          expandIcon={null}
          autoComplete="off"
          value={text}
          selectedOptions={value.ownerId ? [value.ownerId] : []}
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            emit({ owner: next.trim() });
            runSearch(next.trim());
          }}
          onOpenChange={(_, data) => {
            if (data.open && search === 'idle') runSearch(typed);
          }}
          onOptionSelect={onOptionSelect}
        >
          {groupOrder.map((source) => {
            const group = people.filter((p) => p.source === source);
            if (group.length === 0) return null;
            return (
              <OptionGroup key={source} label={groupLabels[source]}>
                {group.map((p) => (
                  <Option key={p.id} value={p.id} text={p.displayName}>
                    {p.displayName}
                    {p.jobTitle && <span className={styles.job}>{p.jobTitle}</span>}
                  </Option>
                ))}
              </OptionGroup>
            );
          })}
          {offerTyped && (
            // Its text is not the typed name, so typing never highlights it ahead of a person found.
            <Option value={KEEP_TYPED} text={`Use “${typed}” (not in the directory)`}>
              {`Use “${typed}” (not in the directory)`}
            </Option>
          )}
        </Combobox>
      </div>
    </Field>
  );
}
