import { Button, Checkbox, Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { AssessmentStrategy } from '../../../../core/assessment/schema';
import { PeoplePicker, type OwnerChoice } from '../../ui/people-picker';
import { useLinkedItem } from '../../actions/linked-item';
import { AddedStatus, useAddForm } from '../../ui/focus-after';
import { newItemId, withOptional } from '../draft';
import { DateField, TextField, useFormStyles } from '../fields';

/** "strategy" → "Strategy", for the start of a label. */
const capital = (noun: string) => noun.charAt(0).toUpperCase() + noun.slice(1);

/** One action and who owns it: a risk's strategy, or (with `noun`) a support plan's measure. */
export function StrategyRow({
  strategy,
  number,
  noun = 'strategy',
  path,
  problemAt,
  onChange,
  onRemove,
}: {
  strategy: AssessmentStrategy;
  number: number;
  noun?: string;
  path: string;
  problemAt: (path: string) => string | undefined;
  onChange: (s: AssessmentStrategy) => void;
  onRemove: () => void;
}) {
  const styles = useFormStyles();
  const linked = useLinkedItem<HTMLDivElement>(strategy.id);
  return (
    <div
      ref={linked}
      className={styles.card}
      role="group"
      aria-label={`${capital(noun)} ${number}`}
      data-entry={strategy.id}
    >
      <TextField
        label={`${capital(noun)} ${number}`}
        path={`${path}.action`}
        required
        value={strategy.action}
        onChange={(v) => onChange({ ...strategy, action: v })}
        problem={problemAt(`${path}.action`)}
      />
      <div className={styles.grid}>
        <PeoplePicker
          label="Who"
          path={`${path}.owner`}
          required
          value={strategy}
          onChange={(o) => onChange(withOptional({ ...strategy, owner: o.owner }, 'ownerId', o.ownerId))}
          problem={problemAt(`${path}.owner`)}
        />
        <DateField
          label="Due"
          path={`${path}.due`}
          value={strategy.due}
          onChange={(v) => onChange(withOptional(strategy, 'due', v))}
          problem={problemAt(`${path}.due`)}
        />
        <DateField
          label="From"
          path={`${path}.startDate`}
          value={strategy.startDate}
          onChange={(v) => onChange(withOptional(strategy, 'startDate', v))}
          problem={problemAt(`${path}.startDate`)}
        />
        <Checkbox
          label="In place"
          checked={strategy.inPlace}
          onChange={(_, d) => onChange({ ...strategy, inPlace: d.checked === true })}
        />
      </div>
      <div>
        <Button size="small" onClick={onRemove}>
          Remove {noun} {number}
        </Button>
      </div>
    </div>
  );
}

export function AddStrategy({
  examples,
  contextTitle: title,
  noun = 'strategy',
  count,
  onAdd,
}: {
  examples: string[];
  contextTitle: string;
  noun?: string;
  /** How many there are before this one. */
  count: number;
  onAdd: (s: AssessmentStrategy) => void;
}) {
  const styles = useFormStyles();
  const form = useAddForm();
  const [action, setAction] = useState('');
  const actionRef = useRef<HTMLInputElement>(null);
  const [owner, setOwner] = useState<OwnerChoice>({ owner: '' });
  const [due, setDue] = useState('');
  const [startDate, setStartDate] = useState('');
  const [inPlace, setInPlace] = useState(false);
  const [tried, setTried] = useState(false);
  const add = () => {
    setTried(true);
    if (!action.trim() || !owner.owner.trim()) return;
    onAdd({
      id: newItemId(),
      action: action.trim(),
      owner: owner.owner.trim(),
      ...(owner.ownerId ? { ownerId: owner.ownerId } : {}),
      inPlace,
      ...(due ? { due } : {}),
      ...(startDate ? { startDate } : {}),
    });
    setAction('');
    setOwner({ owner: '' });
    setDue('');
    setStartDate('');
    setInPlace(false);
    setTried(false);
    form.announce(`${capital(noun)} ${count + 1} added.`);
  };
  return (
    <div ref={form.ref} className={styles.addForm} role="group" aria-label={`Add a ${noun} for ${title}`}>
      {examples.length > 0 && (
        <Field
          className={styles.shrink}
          label="Start from an example"
          hint="Examples from the template; adapt them to this school and these children"
        >
          {/*
            A listbox, not a native select: a closed native select applies an option on every arrow key,
            which overwrote what was typed. Here only Enter or a click chooses, and focus then goes to the
            strategy's own field to adapt the example.
          */}
          <Dropdown
            className={styles.shrink}
            placeholder="Choose an example…"
            value=""
            selectedOptions={[]}
            onOptionSelect={(_, d) => {
              if (!d.optionValue) return;
              setAction(d.optionValue);
              requestAnimationFrame(() => actionRef.current?.focus());
            }}
          >
            {examples.map((e) => (
              <Option key={e} value={e} text={e}>
                {e}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field
        label={`New ${noun}`}
        required
        validationMessage={tried && !action.trim() ? 'Say what will be done.' : undefined}
      >
        <Input ref={actionRef} value={action} onChange={(_, d) => setAction(d.value)} autoComplete="off" />
      </Field>
      <div className={styles.grid}>
        <PeoplePicker
          label="Who will do it"
          required
          value={owner}
          onChange={setOwner}
          problem={tried && !owner.owner.trim() ? 'Name who is responsible.' : undefined}
        />
        <DateField label="Due (date)" path="new-strategy-due" value={due} onChange={setDue} />
        <DateField
          label="From (date)"
          path="new-strategy-startDate"
          value={startDate}
          onChange={setStartDate}
        />
        <Checkbox
          label="Already in place"
          checked={inPlace}
          onChange={(_, d) => setInPlace(d.checked === true)}
        />
      </div>
      <div>
        <Button onClick={add}>Add {noun}</Button>
        <AddedStatus text={form.added} />
      </div>
    </div>
  );
}
