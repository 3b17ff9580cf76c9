import { Body1, Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { overallRisk, riskLevel } from '../../../../core/assessment/risk-level';
import { riskContexts, type RiskContext } from '../../../../core/assessment/schema';
import { contextIdOf, contextTitle } from '../../content/use-content';
import { RiskBadge } from '../../ui/badges';
import { listAt, listRemoval } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { newItemId, riskComplete, type Draft, type DraftRisk } from '../draft';
import { replaceAt, useFormStyles, type SectionProps } from '../fields';
import { RiskCard } from './risk-card';

/** The template's contexts; "other" is added with a name of its own. */
const allContexts: RiskContext[] = riskContexts.filter((c) => c !== 'other');

/** The overall level as it stands on screen: only contexts with both scores count. */
export function draftOverallRisk(risks: readonly DraftRisk[]) {
  return overallRisk(
    risks.filter(riskComplete).map((r) => ({
      strategies: r.strategies,
      levelBefore: riskLevel(r.likelihood!, r.impact!),
      ...(r.residualLikelihood && r.residualImpact
        ? { levelAfter: riskLevel(r.residualLikelihood, r.residualImpact) }
        : {}),
    })),
  );
}

export function RisksSection({
  draft,
  edit,
  template,
  problemAt,
  incompleteIds,
  only,
}: SectionProps & {
  incompleteIds: ReadonlySet<string>;
  /** Meeting mode shows one context at a time: the id of the risk to show alone. */
  only?: string | undefined;
}) {
  const styles = useFormStyles();
  // Sparse where a context is not shown: `map` skips the gaps and each card keeps its index in the plan.
  const listed: DraftRisk[] = [];
  draft.risks.forEach((risk, i) => {
    if (only === undefined || risk.id === only) listed[i] = risk;
  });
  const [choice, setChoice] = useState<RiskContext | ''>('');
  const removal = useRemoval<Draft>();
  const used = new Set(draft.risks.map((r) => r.context));
  const ordered: RiskContext[] = template
    ? [...template.contexts].sort((a, b) => a.order - b.order).map(contextIdOf)
    : allContexts;
  const available = ordered.filter((c) => !used.has(c));

  const add = () => {
    if (!choice) return;
    const risk: DraftRisk = {
      id: newItemId(),
      context: choice,
      affects: [],
      description: '',
      strategies: [],
    };
    edit((d) => ({ ...d, risks: [...d.risks, risk] }));
    setChoice('');
    // Move focus to the new context's description so the meeting can carry on typing.
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(`[data-risk-id="${risk.id}"] textarea`)?.focus();
    });
  };

  return (
    <div className={styles.section}>
      <Body1 as="p" className={styles.muted}>
        For each place or time where harm could happen, agree the risk, how likely it is and how serious it
        would be, and the strategies that reduce it — each with who does it and from when. The level is
        likelihood × impact (1–2 low, 3–4 medium, 6–9 high); it structures the discussion, it does not decide
        anything.
      </Body1>
      <div className={styles.row}>
        <span>Overall risk now:</span>
        <RiskBadge level={draftOverallRisk(draft.risks)} />
      </div>
      {listed.map((risk, index) => (
        <RiskCard
          key={risk.id}
          risk={risk}
          index={index}
          template={template}
          incomplete={incompleteIds.has(risk.id)}
          problemAt={problemAt}
          onChange={(next) => edit((d) => ({ ...d, risks: replaceAt(d.risks, index, next) }))}
          onRemove={() =>
            removal({
              message: `${contextTitle(template, risk.context, risk.contextLabel)} removed`,
              entry: risk.id,
              ...listRemoval(listAt<Draft, 'risks'>('risks'), index),
            })
          }
        />
      ))}
      <div className={styles.addForm} role="group" aria-label="Add a context">
        <div className={styles.row}>
          <Field label="Add a context" className={styles.shrink}>
            <Select
              className={styles.shrink}
              value={choice}
              onChange={(_, d) => setChoice(d.value as RiskContext | '')}
            >
              <option value="">Choose a context…</option>
              {available.map((c) => (
                <option key={c} value={c}>
                  {contextTitle(template, c)}
                </option>
              ))}
              <option value="other">Another context (name it)</option>
            </Select>
          </Field>
          <Button onClick={add} disabled={!choice}>
            Add context
          </Button>
        </div>
      </div>
    </div>
  );
}
