import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { RowsTable, rowEntry } from '../rows-table';
import { AddedStatus, useAddForm } from '../../ui/focus-after';
import { listAt, listRemoval } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { DateField } from '../../ui/date-field';
import { sharingAudiences, type Sharing } from '../../../../core/assessment/schema';
import { withOptional, type Draft } from '../draft';
import { SelectField, replaceAt, useFormStyles, type SectionProps } from '../fields';

type Audience = (typeof sharingAudiences)[number];

export const audienceLabels: Record<Audience, string> = {
  staff: 'Staff who work with the learner',
  'parents-carers': 'Parents or carers',
  learner: 'The learner',
  'other-agency': 'Another agency',
};
const audienceOptions = sharingAudiences.map((a) => ({ value: a, label: audienceLabels[a] }));

export function SharingSection({ draft, edit }: SectionProps) {
  const styles = useFormStyles();
  const [audience, setAudience] = useState<Audience | undefined>(undefined);
  const [who, setWho] = useState('');
  const [informedOn, setInformedOn] = useState('');
  const [tried, setTried] = useState(false);
  const removal = useRemoval<Draft>();
  const form = useAddForm();

  const add = () => {
    setTried(true);
    if (!audience || !who.trim()) return;
    const item: Sharing = { audience, who: who.trim(), ...(informedOn ? { informedOn } : {}) };
    edit((d) => ({ ...d, sharing: [...d.sharing, item] }));
    setAudience(undefined);
    setWho('');
    setInformedOn('');
    setTried(false);
    form.announce(`Sharing entry ${draft.sharing.length + 1} added.`);
  };

  return (
    <div className={styles.section}>
      <p className={styles.muted}>
        Share on a need-to-know basis: the staff who must know to keep children safe, and the parents or
        carers of the learner. Record who was told and when.
      </p>
      {draft.sharing.length > 0 ? (
        <RowsTable
          label="Shared with"
          columns={['With', 'Who', 'Told on']}
          rows={draft.sharing}
          rowKey={(s, index) => `${s.audience}-${s.who}-${index}`}
          cells={(s, index) => [
            audienceLabels[s.audience],
            s.who,
            <DateField
              key="informedOn"
              label={`Date ${s.who} was told`}
              labelHidden
              value={s.informedOn}
              onChange={(v) =>
                edit((x) => ({
                  ...x,
                  sharing: replaceAt(x.sharing, index, withOptional(s, 'informedOn', v)),
                }))
              }
            />,
          ]}
          removeLabel={(s) => `Remove ${s.who}`}
          onRemove={(index) =>
            removal({
              message: 'Sharing entry removed',
              entry: rowEntry('Shared with', index),
              ...listRemoval(listAt<Draft, 'sharing'>('sharing'), index),
            })
          }
        />
      ) : (
        <p className={styles.muted}>Not shared with anyone yet.</p>
      )}
      <div ref={form.ref} className={styles.addForm} role="group" aria-label="Record who it is shared with">
        <div className={styles.grid}>
          <SelectField
            label="Shared with"
            path="new-sharing-audience"
            required
            value={audience}
            emptyLabel="Choose…"
            options={audienceOptions}
            onChange={setAudience}
            problem={tried && !audience ? 'Choose who.' : undefined}
          />
          <Field
            label="Who (names or roles)"
            required
            validationMessage={tried && !who.trim() ? 'Say who was told.' : undefined}
          >
            <Input value={who} onChange={(_, d) => setWho(d.value)} autoComplete="off" />
          </Field>
          <DateField label="Told on" value={informedOn} onChange={(v) => setInformedOn(v ?? '')} />
        </div>
        <div>
          <Button onClick={add}>Add</Button>
          <AddedStatus text={form.added} />
        </div>
      </div>
    </div>
  );
}
