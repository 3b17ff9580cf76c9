import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { activationProblems } from '../../../../core/assessment/lifecycle';
import { nextReviewDate } from '../../../../core/assessment/review-schedule';
import {
  strategyImpacts,
  type ReviewEntry,
  type RiskLevel,
  type RiskLevelChange,
} from '../../../../core/assessment/schema';
import { contentLabels } from '../../../../core/content/labels';
import { addDays, dateInZone } from '../../../../core/dates';
import { ApiError } from '../../api/api-client';
import { CheckStatusNote } from '../../content/check-status-note';
import { contextTitle, idAsWords } from '../../content/use-content';
import { HintedTextarea } from '../../language/hinted-textarea';
import { RiskBadge } from '../../ui/badges';
import { DateField } from '../../ui/date-field';
import { focusSoon } from '../../ui/focus-after';
import { formatDate } from '../../ui/format';
import { ApiErrorBar } from '../api-error-bar';
import type { AutosaveController } from '../autosave-controller';
import { decisionComplete } from '../payload';
import { useFormStyles, type SectionProps } from '../fields';
import { StatusDialog } from './status-dialog';

type Impact = (typeof strategyImpacts)[number];

/** How a strategy's effect is named: from content/, or its id in words if the guidance did not load. */
function impactLabelsOf(template: SectionProps['template']): (impact: Impact) => string {
  if (!template) return idAsWords;
  const labels = contentLabels(template);
  return (impact) => labels.strategyImpact(impact);
}

interface ReviewsProps extends SectionProps {
  controller: AutosaveController;
  today?: string;
}

export function ReviewsSection(props: ReviewsProps) {
  const { draft } = props;
  if (draft.status === 'draft') return <Activate {...props} />;
  return <ReviewAndClose {...props} />;
}

function Activate({ draft, controller }: ReviewsProps) {
  const styles = useFormStyles();
  const decision = draft.decision && decisionComplete(draft.decision) ? draft.decision : undefined;
  const problems = activationProblems({ ...(decision ? { decision } : {}), review: draft.review });
  return (
    <div className={styles.section}>
      <p>
        While it is a draft the assessment can change freely. Make it active when the meeting has agreed the
        plan: from then on it is kept under review, and every change needs a reason that goes to the audit
        trail.
      </p>
      {problems.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Before it can be active:
            <ul>
              {problems.map((p) => (
                <li key={p.path}>{p.problem}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <div>
          <StatusDialog
            trigger="Make active"
            title="Make this assessment active?"
            confirmLabel="Make active"
            draft={draft}
            onConfirm={() => controller.changeStatus({ status: 'active' })}
          >
            <p>
              The plan starts now and is reviewed on {formatDate(draft.review.nextDue)}. Later changes will
              each need a reason.
            </p>
          </StatusDialog>
        </div>
      )}
    </div>
  );
}

/** How the overall risk moved, oldest first: from the scored risks, or as a review set it. */
export function RiskTrend({ history }: { history: readonly RiskLevelChange[] | undefined }) {
  const styles = useFormStyles();
  if (!history || history.length === 0) return null;
  return (
    <ol className={styles.list} aria-label="Overall risk over time">
      {history.map((h, i) => (
        <li key={`${h.on}-${i}`}>
          {formatDate(h.on.slice(0, 10))}: {h.level ? <RiskBadge level={h.level} /> : 'not yet scored'}
          {h.source === 'review' ? ' (set at a review)' : ' (from the risks)'}
        </li>
      ))}
    </ol>
  );
}

function ReviewHistory({
  reviews,
  strategyName,
  impactLabel,
}: {
  reviews: readonly ReviewEntry[];
  strategyName: (id: string) => string;
  impactLabel: (impact: Impact) => string;
}) {
  const styles = useFormStyles();
  if (reviews.length === 0) return <p className={styles.muted}>No reviews yet.</p>;
  return (
    <ol className={styles.list} aria-label="Reviews so far">
      {[...reviews].reverse().map((r) => (
        <li key={r.id}>
          <strong>{formatDate(r.date)}</strong>
          {r.reviewedBy ? ` — ${r.reviewedBy}` : ''}{' '}
          {r.newRiskLevel && <RiskBadge level={r.newRiskLevel} prefix="Risk" />}
          <p>{r.behaviourChanges}</p>
          {r.strategyImpacts.length > 0 && (
            <ul>
              {r.strategyImpacts.map((s) => (
                <li key={s.strategyId}>
                  {strategyName(s.strategyId)}: {impactLabel(s.impact)}
                  {s.note ? ` — ${s.note}` : ''}
                </li>
              ))}
            </ul>
          )}
          {r.notes && <p>{r.notes}</p>}
          <p>Next review set for {formatDate(r.nextDue)}.</p>
        </li>
      ))}
    </ol>
  );
}

function ReviewAndClose({ draft, template, controller, today = dateInZone(new Date()) }: ReviewsProps) {
  const styles = useFormStyles();
  // A support plan's measures are reviewed like a risk assessment's strategies: each for its impact.
  const strategies = [
    ...draft.risks.flatMap((r) =>
      r.strategies.map((s) => ({
        ...s,
        label: `${contextTitle(template, r.context, r.contextLabel)}: ${s.action}`,
      })),
    ),
    ...(draft.supportPlan?.measures ?? []).flatMap((m) =>
      m.id ? [{ ...m, id: m.id, label: `Support: ${m.action}` }] : [],
    ),
  ];
  const impactLabel = impactLabelsOf(template);
  const strategyName = (id: string) =>
    strategies.find((s) => s.id === id)?.label ?? 'A strategy since removed';
  const weeks = draft.review.frequencyWeeks;
  const [date, setDate] = useState(today);
  const [reviewedBy, setReviewedBy] = useState('');
  const [behaviourChanges, setBehaviourChanges] = useState('');
  const [impacts, setImpacts] = useState<Record<string, { impact?: Impact; note?: string }>>({});
  const [newRiskLevel, setNewRiskLevel] = useState<RiskLevel | ''>('');
  const [nextDue, setNextDue] = useState(weeks ? nextReviewDate(today, weeks) : addDays(today, 28));
  const [notes, setNotes] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setDone(null);
    if (!behaviourChanges.trim() || !date || !nextDue) return;
    setBusy(true);
    setError(null);
    try {
      await controller.addReview({
        date,
        behaviourChanges: behaviourChanges.trim(),
        nextDue,
        ...(reviewedBy.trim() ? { reviewedBy: reviewedBy.trim() } : {}),
        ...(newRiskLevel ? { newRiskLevel } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        strategyImpacts: Object.entries(impacts)
          .filter(([, v]) => v.impact)
          .map(([strategyId, v]) => ({
            strategyId,
            impact: v.impact!,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          })),
      });
      setBehaviourChanges('');
      setImpacts({});
      setNotes('');
      setNewRiskLevel('');
      setTried(false);
      setDone(`Review saved. The next review is on ${formatDate(nextDue)}.`);
      focusSoon(() => document.getElementById('review-saved'));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', 'The review could not be saved.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">Reviews</Subtitle2>
      <RiskTrend history={draft.riskHistory} />
      <ReviewHistory reviews={draft.reviews} strategyName={strategyName} impactLabel={impactLabel} />
      {draft.status === 'active' && (
        <form className={styles.card} onSubmit={submit} noValidate aria-labelledby="add-review-title">
          <Subtitle2 as="h3" id="add-review-title">
            Add a review
          </Subtitle2>
          {template && (
            <details>
              <summary>Questions for the review</summary>
              <ul className={styles.list}>
                {template.review.prompts.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <p>Review sooner if:</p>
              <ul className={styles.list}>
                {template.review.earlyReviewTriggers.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
              <CheckStatusNote item={template.review} />
            </details>
          )}
          <div className={styles.grid}>
            <DateField
              label="Date of the review"
              required
              problem={tried && !date ? 'Enter the date.' : undefined}
              value={date}
              max={today}
              onChange={(v) => setDate(v ?? '')}
            />
            <Field label="Reviewed by">
              <Input value={reviewedBy} onChange={(_, d) => setReviewedBy(d.value)} autoComplete="off" />
            </Field>
          </div>
          <HintedTextarea
            label="Changes in behaviour since the last review"
            required
            value={behaviourChanges}
            onChange={setBehaviourChanges}
            validationMessage={
              tried && !behaviourChanges.trim() ? 'Say whether the behaviour has changed.' : undefined
            }
          />
          {strategies.length > 0 && (
            <fieldset>
              <legend>Impact of each strategy and support measure</legend>
              {strategies.map((s) => (
                <div key={s.id} className={styles.grid}>
                  <Field label={s.label}>
                    <Select
                      value={impacts[s.id]?.impact ?? ''}
                      onChange={(_, d) =>
                        setImpacts((x) => ({
                          ...x,
                          [s.id]: {
                            ...x[s.id],
                            ...(d.value ? { impact: d.value as Impact } : { impact: undefined }),
                          },
                        }))
                      }
                    >
                      <option value="">Not evaluated</option>
                      {strategyImpacts.map((i) => (
                        <option key={i} value={i}>
                          {impactLabel(i)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="Note on this strategy">
                    <Input
                      value={impacts[s.id]?.note ?? ''}
                      onChange={(_, d) =>
                        setImpacts((x) => ({ ...x, [s.id]: { ...x[s.id], note: d.value } }))
                      }
                    />
                  </Field>
                </div>
              ))}
            </fieldset>
          )}
          <div className={styles.grid}>
            <Field label="Overall risk now">
              <Select value={newRiskLevel} onChange={(_, d) => setNewRiskLevel(d.value as RiskLevel | '')}>
                <option value="">Not re-rated</option>
                <option value="low">Low</option>
                <option value="medium">Medium</option>
                <option value="high">High</option>
              </Select>
            </Field>
            <DateField
              label="Next review"
              required
              problem={tried && !nextDue ? 'Set the next review date.' : undefined}
              value={nextDue}
              min={date || undefined}
              onChange={(v) => setNextDue(v ?? '')}
            />
          </div>
          <HintedTextarea label="Other notes" value={notes} onChange={setNotes} />
          {error && <ApiErrorBar error={error} draft={draft} template={template} />}
          {done && (
            <MessageBar intent="success" id="review-saved" tabIndex={-1}>
              <MessageBarBody>{done}</MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button appearance="primary" type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save review'}
            </Button>
          </div>
        </form>
      )}
      <Subtitle2 as="h3">{draft.status === 'closed' ? 'Closed' : 'Close the assessment'}</Subtitle2>
      {draft.status === 'active' ? (
        <div>
          <StatusDialog
            trigger="Close assessment"
            title="Close this assessment?"
            reasonLabel="Why it is being closed"
            confirmLabel="Close assessment"
            draft={draft}
            onConfirm={(reason) =>
              controller.changeStatus({ status: 'closed', closingReason: reason, changeReason: reason })
            }
          >
            <p>A closed assessment leaves the review reminders. It can be reopened later, with a reason.</p>
          </StatusDialog>
        </div>
      ) : (
        <>
          <p>
            Closed{draft.closedOn ? ` on ${formatDate(draft.closedOn)}` : ''}: {draft.closingReason}
          </p>
          <div>
            <StatusDialog
              trigger="Reopen"
              title="Reopen this assessment?"
              reasonLabel="Why it is being reopened"
              confirmLabel="Reopen"
              draft={draft}
              onConfirm={(reason) => controller.changeStatus({ status: 'active', changeReason: reason })}
            >
              <p>It becomes active again and returns to the review reminders.</p>
            </StatusDialog>
          </div>
        </>
      )}
    </div>
  );
}
