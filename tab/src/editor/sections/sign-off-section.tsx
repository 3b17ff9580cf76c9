import { Button, Field, Input, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { RowsTable, rowEntry } from '../rows-table';
import { AddedStatus, useAddForm } from '../../ui/focus-after';
import { listAt, listRemoval } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { dateInZone } from '../../../../core/dates';
import { HintedTextarea } from '../../language/hinted-textarea';
import { formatDate } from '../../ui/format';
import { DateField } from '../../ui/date-field';
import { withOptional, type Draft } from '../draft';
import { useFormStyles, type SectionProps } from '../fields';

export function SignOffSection({
  draft,
  edit,
  problemAt,
  today = dateInZone(new Date()),
}: SectionProps & { today?: string }) {
  const styles = useFormStyles();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [date, setDate] = useState(today);
  const [tried, setTried] = useState(false);
  const removal = useRemoval<Draft>();
  const form = useAddForm();
  const add = () => {
    setTried(true);
    if (!name.trim() || !role.trim() || !date) return;
    edit((d) => ({ ...d, signOff: [...d.signOff, { name: name.trim(), role: role.trim(), date }] }));
    setName('');
    setRole('');
    setTried(false);
    form.announce(`Sign-off ${draft.signOff.length + 1} added.`);
  };
  return (
    <div className={styles.section}>
      <p className={styles.muted}>Who agreed this plan. The DSL signs off the decision and the plan.</p>
      {draft.signOff.length > 0 && (
        <RowsTable
          label="Signed off by"
          columns={['Name', 'Role', 'Date']}
          rows={draft.signOff}
          rowKey={(s, index) => `${s.name}-${index}`}
          cells={(s) => [s.name, s.role, formatDate(s.date)]}
          removeLabel={(s) => `Remove ${s.name}`}
          onRemove={(index) =>
            removal({
              message: 'Sign-off removed',
              entry: rowEntry('Signed off by', index),
              ...listRemoval(listAt<Draft, 'signOff'>('signOff'), index),
            })
          }
        />
      )}
      <div ref={form.ref} className={styles.addForm} role="group" aria-label="Sign off">
        <div className={styles.grid}>
          <Field
            label="Name"
            required
            validationMessage={tried && !name.trim() ? 'Enter a name.' : undefined}
          >
            <Input value={name} onChange={(_, d) => setName(d.value)} autoComplete="off" />
          </Field>
          <Field
            label="Role"
            required
            validationMessage={tried && !role.trim() ? 'Enter a role.' : undefined}
          >
            <Input value={role} onChange={(_, d) => setRole(d.value)} autoComplete="off" />
          </Field>
          <DateField
            label="Date"
            required
            problem={tried && !date ? 'Enter the date.' : undefined}
            value={date}
            onChange={(v) => setDate(v ?? '')}
          />
        </div>
        <div>
          <Button onClick={add}>Sign off</Button>
          <AddedStatus text={form.added} />
        </div>
      </div>
      <Subtitle2 as="h3">Notes for the safeguarding team</Subtitle2>
      <MessageBar intent="info">
        <MessageBarBody>
          Only the safeguarding team sees these notes; they never go into a document for parents or carers.
        </MessageBarBody>
      </MessageBar>
      <HintedTextarea
        label="Staff notes"
        rows={4}
        value={draft.staffNotes ?? ''}
        onChange={(v) => edit((d) => withOptional(d, 'staffNotes', v))}
        validationMessage={problemAt('staffNotes')}
      />
    </div>
  );
}
