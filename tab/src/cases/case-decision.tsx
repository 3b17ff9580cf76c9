import { Checkbox, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { decisionFactors, decisionOptions } from '../../../core/assessment/schema';
import type { CaseDecision } from '../../../core/cases/case';
import { decisionLabels } from '../../../core/documents/labels';
import { factorLabels } from '../../../core/referral/labels';
import type { RiskTemplate } from '../api/content-types';
import { withOptional } from '../editor/draft';
import { DateField, TextField, useFormStyles } from '../editor/fields';
import { HintedTextarea } from '../language/hinted-textarea';
import type { CaseSectionProps } from './case-fields';
import { caseFieldLabels as L } from './labels';

const empty: CaseDecision = { options: [], factors: [], rationale: '' };

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * KCSIE's four ways forward, the factors weighed, the parents' and carers' views and the DSL's own
 * reasons. The harmed child's wishes are theirs: they live in the child's support plan, not here.
 */
export function CaseDecisionSection({
  draft,
  edit,
  problemAt,
  template,
  heldBack,
}: Omit<CaseSectionProps, 'focusPath'> & { template: RiskTemplate | null; heldBack: boolean }) {
  const styles = useFormStyles();
  const decision = draft.decision ?? empty;
  const set = (change: (d: CaseDecision) => CaseDecision) =>
    edit((d) => ({ ...d, decision: change(d.decision ?? empty) }));
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  return (
    <div className={styles.section}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          The app does not choose a response. The designated safeguarding lead decides, taking advice where
          needed, and records the decision and why.
        </MessageBarBody>
      </MessageBar>
      {heldBack && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The decision is not saved until it has at least one way forward and the reasons.
          </MessageBarBody>
        </MessageBar>
      )}
      <fieldset>
        <legend>
          <Subtitle2>{L['decision.options']}</Subtitle2>
        </legend>
        {decisionOptions.map((id) => (
          <Checkbox
            key={id}
            label={template?.decision.options.find((o) => o.id === id)?.title ?? decisionLabels[id]}
            checked={decision.options.includes(id)}
            onChange={(_, d) => set((x) => ({ ...x, options: toggle(x.options, id, d.checked === true) }))}
          />
        ))}
        {problemAt('decision.options') && <p role="alert">Choose at least one way forward.</p>}
      </fieldset>
      <fieldset>
        <legend>
          <Subtitle2>{L['decision.factors']}</Subtitle2>
        </legend>
        {decisionFactors.map((id) => (
          <Checkbox
            key={id}
            label={template?.decision.factors.find((f) => f.id === id)?.title ?? capitalise(factorLabels[id])}
            checked={decision.factors.includes(id)}
            onChange={(_, d) => set((x) => ({ ...x, factors: toggle(x.factors, id, d.checked === true) }))}
          />
        ))}
      </fieldset>
      <HintedTextarea
        label={L['decision.rationale']}
        required
        rows={5}
        value={decision.rationale}
        onChange={(v) => set((x) => ({ ...x, rationale: v }))}
        validationMessage={problemAt('decision.rationale')}
        path="decision.rationale"
      />
      <HintedTextarea
        label={L['decision.parentsCarers']}
        value={decision.parentsCarers ?? ''}
        onChange={(v) => set((x) => withOptional(x, 'parentsCarers', v))}
        validationMessage={problemAt('decision.parentsCarers')}
        path="decision.parentsCarers"
      />
      <div className={styles.grid}>
        <TextField
          label={L['decision.decidedBy']}
          path="decision.decidedBy"
          value={decision.decidedBy}
          onChange={(v) => set((x) => withOptional(x, 'decidedBy', v))}
          problem={problemAt('decision.decidedBy')}
        />
        <DateField
          label={L['decision.decidedOn']}
          path="decision.decidedOn"
          value={decision.decidedOn}
          onChange={(v) => set((x) => withOptional(x, 'decidedOn', v))}
          problem={problemAt('decision.decidedOn')}
        />
      </div>
    </div>
  );
}
