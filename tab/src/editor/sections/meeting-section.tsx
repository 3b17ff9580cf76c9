import { Button, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { RowsTable, rowEntry } from '../rows-table';
import { AddedStatus, useAddForm } from '../../ui/focus-after';
import { listRemoval } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { HintedTextarea } from '../../language/hinted-textarea';
import { withOptional, type Draft } from '../draft';
import { DateField, YesNoField, useFormStyles, type SectionProps } from '../fields';

type Meeting = NonNullable<Draft['meeting']>;

const attendeesOf = {
  get: (d: Draft) => d.meeting?.attendees ?? [],
  set: (d: Draft, attendees: Meeting['attendees']): Draft => ({
    ...d,
    meeting: { ...(d.meeting ?? {}), attendees },
  }),
};

export function MeetingSection({ draft, edit, problemAt }: SectionProps) {
  const styles = useFormStyles();
  const meeting: Meeting = draft.meeting ?? { attendees: [] };
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [tried, setTried] = useState(false);
  const removal = useRemoval<Draft>();
  const form = useAddForm();
  const setMeeting = (change: (m: Meeting) => Meeting) =>
    edit((d) => ({ ...d, meeting: change(d.meeting ?? { attendees: [] }) }));
  const set = <K extends keyof Meeting>(key: K, value: Meeting[K] | '') =>
    setMeeting((m) => withOptional(m, key, value));

  const add = () => {
    setTried(true);
    if (!name.trim() || !role.trim()) return;
    const attendee = {
      name: name.trim(),
      role: role.trim(),
      ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
    };
    setMeeting((m) => ({ ...m, attendees: [...m.attendees, attendee] }));
    setName('');
    setRole('');
    setOrganisation('');
    setTried(false);
    form.announce(`Attendee ${meeting.attendees.length + 1} added.`);
  };

  return (
    <div className={styles.section}>
      <div className={styles.grid}>
        <DateField
          label="Date of the meeting"
          path="meeting.date"
          value={meeting.date}
          onChange={(v) => set('date', v)}
          problem={problemAt('meeting.date')}
        />
        <YesNoField
          label="Parents or carers took part"
          path="meeting.parentsCarersTookPart"
          value={meeting.parentsCarersTookPart}
          onChange={(v) => set('parentsCarersTookPart', v)}
        />
        <YesNoField
          label="The learner contributed"
          path="meeting.learnerContributed"
          value={meeting.learnerContributed}
          onChange={(v) => set('learnerContributed', v)}
        />
      </div>
      <HintedTextarea
        label="How the learner contributed"
        hint="For example, met their key adult beforehand; their views are recorded under Views"
        value={meeting.learnerContribution ?? ''}
        onChange={(v) => set('learnerContribution', v)}
        validationMessage={problemAt('meeting.learnerContribution')}
      />
      <Subtitle2 as="h3">Attendees</Subtitle2>
      {meeting.attendees.length > 0 ? (
        <RowsTable
          label="Attendees"
          columns={['Name', 'Role', 'Organisation']}
          rows={meeting.attendees}
          rowKey={(a, index) => `${a.name}-${index}`}
          cells={(a) => [a.name, a.role, a.organisation ?? '—']}
          removeLabel={(a) => `Remove ${a.name}`}
          onRemove={(index) =>
            removal({
              message: 'Attendee removed',
              entry: rowEntry('Attendees', index),
              ...listRemoval(attendeesOf, index),
            })
          }
        />
      ) : (
        <p className={styles.muted}>No attendees recorded yet.</p>
      )}
      <div ref={form.ref} className={styles.addForm} role="group" aria-label="Add an attendee">
        <div className={styles.grid}>
          <Field
            label="Attendee’s name"
            required
            validationMessage={tried && !name.trim() ? 'Enter a name.' : undefined}
          >
            <Input value={name} onChange={(_, d) => setName(d.value)} autoComplete="off" />
          </Field>
          <Field
            label="Role"
            required
            hint="For example, DSL, class teacher, parent"
            validationMessage={tried && !role.trim() ? 'Enter a role.' : undefined}
          >
            <Input value={role} onChange={(_, d) => setRole(d.value)} autoComplete="off" />
          </Field>
          <Field label="Organisation">
            <Input value={organisation} onChange={(_, d) => setOrganisation(d.value)} autoComplete="off" />
          </Field>
        </div>
        <div>
          <Button onClick={add}>Add attendee</Button>
          <AddedStatus text={form.added} />
        </div>
      </div>
    </div>
  );
}
