import { Button, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { Incident } from '../../../../core/assessment/schema';
import { HintedTextarea } from '../../language/hinted-textarea';
import { focusSoon } from '../../ui/focus-after';
import { formatDate } from '../../ui/format';
import { listAt, listRemoval } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { newItemId, withOptional, type Draft } from '../draft';
import { DateField, TextField, YesNoField, replaceAt, useFormStyles, type SectionProps } from '../fields';
import { GuidedPlacement } from './guided-placement';
import { PlacementFields } from './placement-fields';

export function incidentName(incident: Incident, index: number): string {
  return `Incident ${index + 1}${incident.date ? ` (${formatDate(incident.date)})` : ''}`;
}

/**
 * Removing an incident also takes it off the other children it was linked to; Undo links them again.
 */
function incidentRemoval(index: number, incidentId: string) {
  const list = listRemoval(listAt<Draft, 'incidents'>('incidents'), index);
  let linked: string[] = [];
  return {
    remove(d: Draft): Draft {
      linked = d.otherChildren.filter((c) => c.incidentIds?.includes(incidentId)).map((c) => c.id);
      return list.remove({
        ...d,
        otherChildren: d.otherChildren.map((c) =>
          c.incidentIds ? { ...c, incidentIds: c.incidentIds.filter((id) => id !== incidentId) } : c,
        ),
      });
    },
    restore(d: Draft): Draft {
      return list.restore({
        ...d,
        otherChildren: d.otherChildren.map((c) =>
          linked.includes(c.id) && !c.incidentIds?.includes(incidentId)
            ? { ...c, incidentIds: [...(c.incidentIds ?? []), incidentId] }
            : c,
        ),
      });
    },
  };
}

export function IncidentsSection({ draft, edit, hackett, template, problemAt, classify }: SectionProps) {
  const styles = useFormStyles();
  // One guided placement open at a time, so its "the DSL decides" note shows once on the page.
  const [guidedFor, setGuidedFor] = useState<string | null>(null);
  const removal = useRemoval<Draft>();
  const update = (index: number, change: (i: Incident) => Incident) =>
    edit((d) => ({ ...d, incidents: replaceAt(d.incidents, index, change(d.incidents[index]!)) }));
  return (
    <div className={styles.section}>
      <p className={styles.muted}>
        Describe the behaviour factually: what was said or done, when, where and by whom it was seen or
        reported. Put children’s own words in quotation marks. Other children are recorded by role in the next
        section, never by a description of them here.
      </p>
      {draft.incidents.map((incident, index) => {
        const path = `incidents.${index}`;
        const set = <K extends keyof Incident>(key: K, value: Incident[K] | '') =>
          update(index, (i) => withOptional(i, key, value));
        return (
          <section
            key={incident.id}
            className={styles.card}
            aria-label={incidentName(incident, index)}
            data-entry={incident.id}
          >
            <Subtitle2 as="h3">{incidentName(incident, index)}</Subtitle2>
            <div className={styles.grid}>
              <DateField
                label="Date"
                path={`${path}.date`}
                value={incident.date}
                onChange={(v) => set('date', v)}
                problem={problemAt(`${path}.date`)}
              />
              <TextField
                label="Where"
                path={`${path}.location`}
                value={incident.location}
                onChange={(v) => set('location', v)}
                problem={problemAt(`${path}.location`)}
              />
              <YesNoField
                label="Online"
                path={`${path}.online`}
                value={incident.online}
                onChange={(v) => set('online', v)}
              />
              <PlacementFields path={path} incident={incident} hackett={hackett} set={set} />
            </div>
            <HintedTextarea
              label="What happened"
              value={incident.description ?? ''}
              onChange={(v) => set('description', v)}
              validationMessage={problemAt(`${path}.description`)}
              path={`${path}.description`}
              rows={4}
            />
            {classify && (
              <div className={styles.row}>
                <Button
                  aria-expanded={guidedFor === incident.id}
                  onClick={() => setGuidedFor(guidedFor === incident.id ? null : incident.id)}
                >
                  {guidedFor === incident.id
                    ? 'Close the guided questions'
                    : 'Think it through with guided questions'}
                </Button>
              </div>
            )}
            {classify && guidedFor === incident.id && (
              <GuidedPlacement
                classify={classify}
                hackett={hackett}
                template={template}
                online={incident.online}
              />
            )}
            <div className={styles.row}>
              <Button
                onClick={() =>
                  removal({
                    message: `${incidentName(incident, index)} removed`,
                    entry: incident.id,
                    ...incidentRemoval(index, incident.id),
                  })
                }
              >
                Remove incident {index + 1}
                {incident.date ? ` (${formatDate(incident.date)})` : ''}
              </Button>
            </div>
          </section>
        );
      })}
      <div>
        <Button
          onClick={() => {
            edit((d) => ({ ...d, incidents: [...d.incidents, { id: newItemId() }] }));
            // The new incident's first field, so the meeting carries on typing.
            const path = `incidents.${draft.incidents.length}.date`;
            focusSoon(() => document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`));
          }}
        >
          Add an incident
        </Button>
      </div>
    </div>
  );
}
