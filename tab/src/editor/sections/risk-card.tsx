import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle1,
  Subtitle2,
} from '@fluentui/react-components';
import { riskLevel } from '../../../../core/assessment/risk-level';
import type { AssessmentStrategy } from '../../../../core/assessment/schema';
import type { RiskTemplate, ScalePoint } from '../../api/content-types';
import { CheckStatusNote } from '../../content/check-status-note';
import { contextTitle, templateFor, withoutPlaceholders } from '../../content/use-content';
import { HintedTextarea } from '../../language/hinted-textarea';
import { RiskBadge, riskLabel } from '../../ui/badges';
import { AffectsField } from './affects-field';
import { AddStrategy, StrategyRow } from './strategy-editor';
import { listRemoval, type ListLens } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { withOptional, type Draft, type DraftRisk } from '../draft';
import { TextField, replaceAt, useFormStyles } from '../fields';

const defaultScale = (labels: string[]): ScalePoint[] =>
  labels.map((label, i) => ({ value: i + 1, label, description: '' }));
const fallbackLikelihood = defaultScale(['Unlikely', 'Possible', 'Likely']);
const fallbackImpact = defaultScale(['Minor', 'Significant', 'Serious']);

function ScaleField({
  label,
  name,
  scale,
  value,
  onChange,
  problem,
  required,
  path,
}: {
  label: string;
  name: string;
  scale: ScalePoint[];
  value: number | undefined;
  onChange: (value: number) => void;
  problem?: string | undefined;
  required?: boolean;
  path: string;
}) {
  const styles = useFormStyles();
  const chosen = scale.find((s) => s.value === value);
  return (
    <Field
      label={label}
      required={required}
      validationMessage={problem}
      hint={chosen?.description || undefined}
    >
      <RadioGroup
        className={styles.radios}
        layout="horizontal"
        name={name}
        value={value ? String(value) : ''}
        onChange={(_, d) => onChange(Number(d.value))}
        data-path={path}
      >
        {scale.map((s) => (
          <Radio key={s.value} value={String(s.value)} label={`${s.value} ${s.label}`} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** The strategies of one context, found by its id wherever it is in the list. */
const strategiesOf = (riskId: string): ListLens<Draft, AssessmentStrategy> => ({
  get: (d) => d.risks.find((r) => r.id === riskId)?.strategies ?? [],
  set: (d, strategies) => ({
    ...d,
    risks: d.risks.map((r) => (r.id === riskId ? { ...r, strategies } : r)),
  }),
});

function levelOf(likelihood: number | undefined, impact: number | undefined) {
  return likelihood && impact ? riskLevel(likelihood, impact) : null;
}

export interface RiskCardProps {
  risk: DraftRisk;
  index: number;
  template: RiskTemplate | null;
  /** A context added in this meeting and not yet saved because it is incomplete. */
  incomplete: boolean;
  onChange: (risk: DraftRisk) => void;
  onRemove: () => void;
  problemAt: (path: string) => string | undefined;
}

export function RiskCard({
  risk,
  index,
  template,
  incomplete,
  onChange,
  onRemove,
  problemAt,
}: RiskCardProps) {
  const styles = useFormStyles();
  const path = `risks.${index}`;
  const title = contextTitle(template, risk.context, risk.contextLabel);
  const content = templateFor(template, risk.context);
  const likelihood = template?.scales.likelihood ?? fallbackLikelihood;
  const impact = template?.scales.impact ?? fallbackImpact;
  const before = levelOf(risk.likelihood, risk.impact);
  const after = levelOf(risk.residualLikelihood, risk.residualImpact);
  const removal = useRemoval<Draft>();
  const set = <K extends keyof DraftRisk>(key: K, value: DraftRisk[K] | '') =>
    onChange(withOptional(risk, key, value));
  const headingId = `risk-${risk.id}-title`;

  return (
    <section
      className={styles.card}
      aria-labelledby={headingId}
      data-risk={risk.context}
      data-risk-id={risk.id}
      data-entry={risk.id}
    >
      <div className={styles.row}>
        <Subtitle1 as="h3" id={headingId}>
          {title}
        </Subtitle1>
        <RiskBadge level={before} prefix="Before" />
        {after && <RiskBadge level={after} prefix="After" />}
      </div>
      {incomplete && (
        <MessageBar intent="info">
          <MessageBarBody>Not saved yet: add the risk, its likelihood and its impact.</MessageBarBody>
        </MessageBar>
      )}
      {content && content.prompts.length > 0 && (
        <details>
          <summary>Questions to discuss ({content.prompts.length})</summary>
          <ul className={styles.list}>
            {content.prompts.map((p) => (
              <li key={p}>{withoutPlaceholders(p)}</li>
            ))}
          </ul>
          <CheckStatusNote item={content} />
        </details>
      )}
      <div className={styles.grid}>
        {risk.context === 'other' && (
          <TextField
            label="Name of the context"
            path={`${path}.contextLabel`}
            required
            value={risk.contextLabel}
            onChange={(v) => set('contextLabel', v)}
            problem={problemAt(`${path}.contextLabel`)}
          />
        )}
        <AffectsField
          path={`${path}.affects`}
          value={risk.affects}
          onChange={(v) => onChange({ ...risk, affects: v })}
        />
      </div>
      <HintedTextarea
        label="The risk"
        required
        value={risk.description}
        onChange={(v) => onChange({ ...risk, description: v })}
        validationMessage={problemAt(`${path}.description`)}
        path={`${path}.description`}
        hint="Describe the situation and the behaviour, not the child"
      />
      <ScaleField
        label="Likelihood"
        name={`${risk.id}-likelihood`}
        path={`${path}.likelihood`}
        required
        scale={likelihood}
        value={risk.likelihood}
        onChange={(v) => set('likelihood', v)}
        problem={problemAt(`${path}.likelihood`)}
      />
      <ScaleField
        label="Impact"
        name={`${risk.id}-impact`}
        path={`${path}.impact`}
        required
        scale={impact}
        value={risk.impact}
        onChange={(v) => set('impact', v)}
        problem={problemAt(`${path}.impact`)}
      />
      <p aria-live="polite">
        Level before strategies:{' '}
        <strong>
          {before ? `${riskLabel(before)} (${risk.likelihood} × ${risk.impact})` : 'not rated yet'}
        </strong>
      </p>

      <Subtitle2 as="h4">Strategies</Subtitle2>
      {risk.strategies.length === 0 && <p className={styles.muted}>No strategies yet.</p>}
      {risk.strategies.map((s, i) => (
        <StrategyRow
          key={s.id}
          strategy={s}
          number={i + 1}
          path={`${path}.strategies.${i}`}
          problemAt={problemAt}
          onChange={(next) => onChange({ ...risk, strategies: replaceAt(risk.strategies, i, next) })}
          onRemove={() =>
            removal({
              message: 'Strategy removed',
              entry: s.id,
              ...listRemoval(strategiesOf(risk.id), i),
            })
          }
        />
      ))}
      <AddStrategy
        examples={(content?.exampleStrategies ?? []).map(withoutPlaceholders)}
        contextTitle={title}
        count={risk.strategies.length}
        onAdd={(s) => onChange({ ...risk, strategies: [...risk.strategies, s] })}
      />

      <Subtitle2 as="h4">With the strategies in place</Subtitle2>
      <ScaleField
        label="Likelihood after strategies"
        name={`${risk.id}-residual-likelihood`}
        path={`${path}.residualLikelihood`}
        scale={likelihood}
        value={risk.residualLikelihood}
        onChange={(v) => set('residualLikelihood', v)}
      />
      <ScaleField
        label="Impact after strategies"
        name={`${risk.id}-residual-impact`}
        path={`${path}.residualImpact`}
        scale={impact}
        value={risk.residualImpact}
        onChange={(v) => set('residualImpact', v)}
        problem={problemAt(`${path}.residualImpact`)}
      />
      <div className={styles.row}>
        <span aria-live="polite">
          Level after strategies:{' '}
          <strong>
            {after
              ? `${riskLabel(after)} (${risk.residualLikelihood} × ${risk.residualImpact})`
              : 'not rated yet'}
          </strong>
        </span>
        {(risk.residualLikelihood !== undefined || risk.residualImpact !== undefined) && (
          <Button
            size="small"
            onClick={() =>
              onChange(
                withOptional(
                  withOptional(risk, 'residualLikelihood', undefined),
                  'residualImpact',
                  undefined,
                ),
              )
            }
          >
            Clear the rating after strategies
          </Button>
        )}
      </div>

      <div className={styles.row}>
        <Button onClick={onRemove}>Remove {title}</Button>
      </div>
    </section>
  );
}
