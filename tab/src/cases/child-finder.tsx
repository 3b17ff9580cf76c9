import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { ApiError, type ApiClient, type ChildSummary } from '../api/api-client';
import { formatDate } from '../ui/format';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

/** A child found among those the team knows, or a new one to record. */
export type FoundChild = { existing: ChildSummary } | { name: string; yearGroup?: string };

/** Year group and date of birth: what tells two children with one name apart. */
export function describeChild(child: ChildSummary): string {
  const parts = [
    child.yearGroup ?? 'year group not recorded',
    child.dateOfBirth ? `born ${formatDate(child.dateOfBirth)}` : 'date of birth not recorded',
  ];
  return `${child.name} — ${parts.join(', ')}`;
}

type Search =
  { state: 'idle' } | { state: 'searching' } | { state: 'found'; matches: ChildSummary[]; choice: string };

const NEW = 'new';

/**
 * Find-or-create by name and year group: the children the team already knows are offered first (so
 * one child never gets two records), with a clear choice when two share a name.
 */
export function ChildFinder({
  api,
  exclude,
  onChoose,
  addLabel = 'Add to the case',
}: {
  api: ApiClient;
  /** Children already chosen: not offered again. */
  exclude: readonly string[];
  onChoose: (child: FoundChild) => void;
  addLabel?: string;
}) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [yearGroup, setYearGroup] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [nameMissing, setNameMissing] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const find = async () => {
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    setError(null);
    setSearch({ state: 'searching' });
    try {
      const matches = (await api.listChildren(name)).filter((m) => !exclude.includes(m.id));
      setSearch({ state: 'found', matches, choice: matches.length === 1 ? matches[0]!.id : NEW });
    } catch (e) {
      setSearch({ state: 'idle' });
      setError(e instanceof ApiError ? e.message : 'The children could not be searched.');
    }
  };

  const add = () => {
    if (search.state !== 'found') return;
    const existing = search.matches.find((m) => m.id === search.choice);
    onChoose(
      existing
        ? { existing }
        : { name: name.trim(), ...(yearGroup.trim() ? { yearGroup: yearGroup.trim() } : {}) },
    );
    setName('');
    setYearGroup('');
    setSearch({ state: 'idle' });
    // "Add" leaves with the answer it belonged to: the next child starts at the name again.
    nameRef.current?.focus();
  };

  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <Field
          label="Child’s name"
          validationMessage={nameMissing ? 'Enter the child’s name to find them.' : undefined}
        >
          <Input
            ref={nameRef}
            value={name}
            onChange={(_, d) => {
              setName(d.value);
              setSearch({ state: 'idle' });
            }}
            autoComplete="off"
          />
        </Field>
        <Field label="Year group" hint="For example, Year 8">
          <Input value={yearGroup} onChange={(_, d) => setYearGroup(d.value)} autoComplete="off" />
        </Field>
        {/* Focusable while it searches, so that focus stays here rather than falling to the page. */}
        <Button onClick={() => void find()} disabledFocusable={search.state === 'searching'}>
          {search.state === 'searching' ? 'Finding…' : 'Find child'}
        </Button>
      </div>
      {search.state === 'found' && (
        <div className={styles.stack}>
          <Field
            label={
              search.matches.length > 1
                ? 'More than one child has this name. Which one is it?'
                : search.matches.length === 1
                  ? 'Is it this child?'
                  : 'No child with this name is recorded yet.'
            }
          >
            <RadioGroup value={search.choice} onChange={(_, d) => setSearch({ ...search, choice: d.value })}>
              {search.matches.map((m) => (
                <Radio key={m.id} value={m.id} label={describeChild(m)} />
              ))}
              <Radio
                value={NEW}
                label={`A new child: ${name.trim()}${yearGroup.trim() ? `, ${yearGroup.trim()}` : ''}`}
              />
            </RadioGroup>
          </Field>
          <Button onClick={add}>{addLabel}</Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
