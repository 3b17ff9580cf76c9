import { Button, Checkbox, Field, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { riskContexts } from '../../../core/assessment/schema';
import type { CaseIncident } from '../../../core/cases/case';
import { seenChoices } from '../../../core/classify/labels';
import type { HackettGuide, RiskTemplate } from '../api/content-types';
import { idAsWords } from '../content/use-content';
import { HintedTextarea } from '../language/hinted-textarea';
import { newItemId, withOptional } from '../editor/draft';
import { DateField, SelectField, TextField, YesNoField, replaceAt, useFormStyles } from '../editor/fields';
import { GuidedPlacement, type Classifier } from '../editor/sections/guided-placement';
import { PlacementFields } from '../editor/sections/placement-fields';
import { incidentName } from '../editor/sections/incidents-section';
import { listAt, listRemoval } from '../ui/undo-removal';
import { useRemoval } from '../ui/undo-toast';
import type { CaseSectionProps } from './case-fields';
import type { CaseDraft } from './case-model';
import { caseFieldLabels as L } from './labels';

/**
 * The case's incidents: when and where, online or not, what happened in factual behaviour words, and
 * the DSL's own placement on Hackett's continuum (with the guided questions as an aid, never a verdict).
 */
export function CaseIncidents({
  draft,
  edit,
  problemAt,
  focusPath,
  hackett,
  template,
  classify,
}: CaseSectionProps & {
  hackett: HackettGuide | null;
  template: RiskTemplate | null;
  classify?: Classifier | undefined;
}) {
  const styles = useFormStyles();
  const [guidedFor, setGuidedFor] = useState<string | null>(null);
  const removal = useRemoval<CaseDraft>();
  const update = (index: number, change: (i: CaseIncident) => CaseIncident) =>
    edit((d) => ({ ...d, incidents: replaceAt(d.incidents, index, change(d.incidents[index]!)) }));

  return (
    <div className={styles.section}>
      {draft.incidents.length === 0 && <p>No incidents are recorded on this case yet.</p>}
      {draft.incidents.map((incident, index) => {
        const path = `incidents.${index}`;
        const set = <K extends keyof CaseIncident>(key: K, value: CaseIncident[K] | '') =>
          update(index, (i) => withOptional(i, key, value));
        const name = incidentName(incident, index);
        return (
          <section key={incident.id} className={styles.card} aria-label={name} data-entry={incident.id}>
            <Subtitle2 as="h3">{name}</Subtitle2>
            <div className={styles.grid}>
              <DateField
                label={L['incidents.date']}
                path={`${path}.date`}
                value={incident.date}
                onChange={(v) => set('date', v)}
                problem={problemAt(`${path}.date`)}
              />
              <TextField
                label={L['incidents.location']}
                path={`${path}.location`}
                value={incident.location}
                onChange={(v) => set('location', v)}
                problem={problemAt(`${path}.location`)}
              />
              <TextField
                label={L['incidents.time']}
                hint="As HH:MM, e.g. 12:40. Counted in the trends, never shown with a name."
                path={`${path}.time`}
                value={incident.time}
                onChange={(v) => set('time', v)}
                problem={problemAt(`${path}.time`)}
              />
              <SelectField
                label={L['incidents.context']}
                path={`${path}.context`}
                value={incident.context}
                emptyLabel="Not recorded"
                options={riskContexts.map((c) => ({
                  value: c,
                  label: template?.contexts.find((t) => t.context === c)?.title ?? idAsWords(c),
                }))}
                onChange={(v) => set('context', v)}
              />
              <YesNoField
                label={L['incidents.online']}
                path={`${path}.online`}
                value={incident.online}
                onChange={(v) => set('online', v)}
              />
              <PlacementFields path={path} incident={incident} hackett={hackett} set={set} />
            </div>
            <Field label={L['incidents.kinds']}>
              <div role="group" aria-label={L['incidents.kinds']} className={styles.row}>
                {seenChoices.map((choice) => {
                  const kinds = incident.kinds ?? [];
                  return (
                    <Checkbox
                      key={choice.value}
                      label={choice.title}
                      checked={kinds.includes(choice.value)}
                      onChange={(_, d) =>
                        set(
                          'kinds',
                          d.checked === true
                            ? [...kinds, choice.value]
                            : kinds.filter((k) => k !== choice.value),
                        )
                      }
                    />
                  );
                })}
              </div>
            </Field>
            <HintedTextarea
              label={L['incidents.description']}
              value={incident.description ?? ''}
              onChange={(v) => set('description', v)}
              validationMessage={problemAt(`${path}.description`)}
              path={`${path}.description`}
              rows={4}
            />
            <div className={styles.row}>
              {classify && (
                <Button
                  aria-expanded={guidedFor === incident.id}
                  onClick={() => setGuidedFor(guidedFor === incident.id ? null : incident.id)}
                >
                  {guidedFor === incident.id
                    ? 'Close the guided questions'
                    : 'Think it through with guided questions'}
                </Button>
              )}
              <Button
                onClick={() =>
                  removal({
                    message: `${name} removed`,
                    entry: incident.id,
                    ...listRemoval(listAt<CaseDraft, 'incidents'>('incidents'), index),
                  })
                }
              >
                Remove {name.toLowerCase()}
              </Button>
            </div>
            {classify && guidedFor === incident.id && (
              <GuidedPlacement
                classify={classify}
                hackett={hackett}
                template={template}
                online={incident.online}
              />
            )}
          </section>
        );
      })}
      <div>
        <Button
          onClick={() => {
            edit((d) => ({ ...d, incidents: [...d.incidents, { id: newItemId() }] }));
            focusPath(`incidents.${draft.incidents.length}.date`);
          }}
        >
          Add an incident
        </Button>
      </div>
    </div>
  );
}
