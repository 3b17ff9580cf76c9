import { Field, Select, Subtitle2 } from '@fluentui/react-components';
import type { AssessmentStrategy, SupportPlan } from '../../../../core/assessment/schema';
import { HintedTextarea } from '../../language/hinted-textarea';
import { listRemoval, type ListLens } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { withOptional, type Draft } from '../draft';
import { replaceAt, useFormStyles, type SectionProps } from '../fields';
import { AddStrategy, StrategyRow } from './strategy-editor';

const measuresOf: ListLens<Draft, AssessmentStrategy> = {
  get: (d) => d.supportPlan?.measures ?? [],
  set: (d, measures) => ({ ...d, supportPlan: { ...(d.supportPlan ?? { measures: [] }), measures } }),
};

type Text = Exclude<keyof SupportPlan, 'onlineHelp' | 'measures'>;
type OnlineHelp = NonNullable<SupportPlan['onlineHelp']>;

const questions: readonly [Text, string, string?][] = [
  ['viewsAndWishes', 'Their views and wishes', 'In the child’s own words where you can, in quotation marks.'],
  ['wantsToHappen', 'What they want to happen'],
  ['wantsTold', 'Who they want told, and who not'],
  ['safeSpaces', 'Safe spaces in school'],
  ['trustedAdults', 'Trusted adults they can go to'],
  ['adjustments', 'Adjustments (timetable, transport, seating, exams)'],
  [
    'contactWithOtherChild',
    'Contact with the other child',
    'Where each child will be, and how contact is kept to what the child harmed can manage.',
  ],
];

const reportRemove: Record<NonNullable<OnlineHelp['reportRemove']>, string> = {
  'not-needed': 'Not needed',
  discussed: 'Discussed with the child',
  used: 'Used',
};

/** The support plan of a child harmed: their wishes first, then what keeps them safe and supported. */
export function WishesSection({ draft, edit, problemAt }: SectionProps) {
  const styles = useFormStyles();
  const plan: SupportPlan = draft.supportPlan ?? { measures: [] };
  const setPlan = (change: (p: SupportPlan) => SupportPlan) =>
    edit((d) => ({ ...d, supportPlan: change(d.supportPlan ?? { measures: [] }) }));
  const measures: AssessmentStrategy[] = plan.measures;
  const setMeasures = (change: (list: AssessmentStrategy[]) => AssessmentStrategy[]) =>
    setPlan((p) => ({ ...p, measures: change(p.measures) }));
  const online: OnlineHelp = plan.onlineHelp ?? {};
  const removal = useRemoval<Draft>();
  const setOnline = <K extends keyof OnlineHelp>(key: K, value: OnlineHelp[K] | '') =>
    setPlan((p) => ({ ...p, onlineHelp: withOptional(p.onlineHelp ?? {}, key, value) }));

  return (
    <div className={styles.section}>
      {questions.map(([key, label, hint]) => (
        <HintedTextarea
          key={key}
          label={label}
          hint={hint}
          rows={3}
          path={`supportPlan.${key}`}
          value={plan[key] ?? ''}
          onChange={(v) => setPlan((p) => withOptional(p, key, v))}
          validationMessage={problemAt(`supportPlan.${key}`)}
        />
      ))}
      <Field
        label="Report Remove (Childline and the Internet Watch Foundation)"
        hint="For a nude or semi-nude image of the child shared online"
        validationMessage={problemAt('supportPlan.onlineHelp.reportRemove')}
      >
        <Select
          value={online.reportRemove ?? ''}
          onChange={(_, d) => setOnline('reportRemove', d.value as OnlineHelp['reportRemove'] | '')}
        >
          <option value="">Not recorded</option>
          {Object.entries(reportRemove).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </Select>
      </Field>
      <HintedTextarea
        label="Other online help"
        rows={2}
        path="supportPlan.onlineHelp.notes"
        value={online.notes ?? ''}
        onChange={(v) => setOnline('notes', v)}
        validationMessage={problemAt('supportPlan.onlineHelp.notes')}
      />
      <Subtitle2 as="h3">Support measures</Subtitle2>
      <p className={styles.muted}>
        What is done to support the child, and who does it: each owner chosen from the staff is told, and each
        measure is reviewed for its impact.
      </p>
      {measures.map((m, i) => (
        <StrategyRow
          key={m.id}
          noun="support measure"
          strategy={m}
          number={i + 1}
          path={`supportPlan.measures.${i}`}
          problemAt={problemAt}
          onChange={(next) => setMeasures((list) => replaceAt(list, i, next))}
          onRemove={() =>
            removal({ message: 'Support measure removed', entry: m.id, ...listRemoval(measuresOf, i) })
          }
        />
      ))}
      <AddStrategy
        noun="support measure"
        examples={[]}
        contextTitle="the child"
        count={measures.length}
        onAdd={(m) => setMeasures((list) => [...list, m])}
      />
    </div>
  );
}
