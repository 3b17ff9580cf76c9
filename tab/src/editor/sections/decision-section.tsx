import { Checkbox, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { decisionFactors, decisionOptions } from '../../../../core/assessment/schema';
import { CheckStatusNote } from '../../content/check-status-note';
import { idAsWords } from '../../content/use-content';
import { HintedTextarea } from '../../language/hinted-textarea';
import { withOptional, type Draft } from '../draft';
import { DateField, TextField, useFormStyles, type SectionProps } from '../fields';

type Decision = NonNullable<Draft['decision']>;

const empty: Decision = { options: [], factors: [], rationale: '' };

export function DecisionSection({
  draft,
  edit,
  template,
  problemAt,
  heldBack,
}: SectionProps & { heldBack: boolean }) {
  const styles = useFormStyles();
  const decision = draft.decision ?? empty;
  const setDecision = (change: (d: Decision) => Decision) =>
    edit((d) => ({ ...d, decision: change(d.decision ?? empty) }));
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  const options = decisionOptions.map((id) => ({
    id,
    content: template?.decision.options.find((o) => o.id === id),
  }));
  const factors = decisionFactors.map((id) => ({
    id,
    content: template?.decision.factors.find((f) => f.id === id),
  }));

  return (
    <div className={styles.section}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          The app does not choose a response. The DSL decides, taking advice where needed, and records the
          decision, the factors weighed, the wishes of the child harmed and the reasons. The options can be
          combined; a referral and a police report often go together.
        </MessageBarBody>
      </MessageBar>
      {heldBack && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The decision is not saved until it has at least one response and the reasons.
          </MessageBarBody>
        </MessageBar>
      )}
      <fieldset>
        <legend>
          <Subtitle2>Response (choose one or more)</Subtitle2>
        </legend>
        {template && <CheckStatusNote item={template.decision} />}
        {options.map(({ id, content }) => (
          <div key={id}>
            <Checkbox
              label={content?.title ?? idAsWords(id)}
              checked={decision.options.includes(id)}
              onChange={(_, d) =>
                setDecision((x) => ({ ...x, options: toggle(x.options, id, d.checked === true) }))
              }
            />
            {content && (
              <details>
                <summary>About “{content.title}”</summary>
                <p>{content.description}</p>
                <p>When to consider it:</p>
                <ul className={styles.list}>
                  {content.whenToConsider.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        ))}
        {problemAt('decision.options') && <p role="alert">Choose at least one response.</p>}
      </fieldset>
      <fieldset>
        <legend>
          <Subtitle2>Factors weighed</Subtitle2>
        </legend>
        {factors.map(({ id, content }) => (
          <div key={id}>
            <Checkbox
              label={content?.title ?? idAsWords(id)}
              checked={decision.factors.includes(id)}
              onChange={(_, d) =>
                setDecision((x) => ({ ...x, factors: toggle(x.factors, id, d.checked === true) }))
              }
            />
            {content && <p className={styles.muted}>{content.prompt}</p>}
          </div>
        ))}
      </fieldset>
      <HintedTextarea
        label="Wishes of the child harmed"
        hint="As they expressed them; how much say they can have is weighed against the duty to protect"
        value={decision.victimWishes ?? ''}
        onChange={(v) => setDecision((x) => withOptional(x, 'victimWishes', v))}
        validationMessage={problemAt('decision.victimWishes')}
      />
      <HintedTextarea
        label="Why this decision was made"
        required
        rows={5}
        value={decision.rationale}
        onChange={(v) => setDecision((x) => ({ ...x, rationale: v }))}
        validationMessage={problemAt('decision.rationale')}
        path="decision.rationale"
        hint="The DSL’s own reasons, including the factors above that weighed most"
      />
      <div className={styles.grid}>
        <TextField
          label="Decided by"
          path="decision.decidedBy"
          value={decision.decidedBy}
          onChange={(v) => setDecision((x) => withOptional(x, 'decidedBy', v))}
          problem={problemAt('decision.decidedBy')}
        />
        <DateField
          label="Decided on"
          path="decision.decidedOn"
          value={decision.decidedOn}
          onChange={(v) => setDecision((x) => withOptional(x, 'decidedOn', v))}
          problem={problemAt('decision.decidedOn')}
        />
      </div>
    </div>
  );
}
