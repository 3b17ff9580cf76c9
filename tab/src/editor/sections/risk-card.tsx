import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Subtitle1,
  Subtitle2,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { riskLevel } from '../../../../core/assessment/risk-level';
import type { AssessmentStrategy } from '../../../../core/assessment/schema';
import type { RiskTemplate, ScalePoint } from '../../api/content-types';
import { CheckStatusNote } from '../../content/check-status-note';
import { contextTitle, templateFor, withoutPlaceholders } from '../../content/use-content';
import { HintedTextarea } from '../../language/hinted-textarea';
import { RiskBadge, riskLabel } from '../../ui/badges';
import { PeoplePicker, type OwnerChoice } from '../../ui/people-picker';
import { useLinkedItem } from '../../actions/linked-item';
import { AffectsField } from './affects-field';
import { AddedStatus, useAddForm } from '../../ui/focus-after';
import { listRemoval, type ListLens } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { newItemId, withOptional, type Draft, type DraftRisk } from '../draft';
import { DateField, TextField, replaceAt, useFormStyles } from '../fields';

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
