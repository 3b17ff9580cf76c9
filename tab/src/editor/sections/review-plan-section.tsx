import { Button } from '@fluentui/react-components';
import { dateInZone } from '../../../../core/dates';
import { nextReviewDate, suggestedReviewWeeks } from '../../../../core/assessment/review-schedule';
import { withOptional, type Draft } from '../draft';
import { DateField, TextField, useFormStyles, type SectionProps } from '../fields';
import { draftOverallRisk } from './risks-section';

type Plan = Draft['review'];

export function ReviewPlanSection({
  draft,
  edit,
  problemAt,
  today = dateInZone(new Date()),
}: SectionProps & { today?: string }) {
  const styles = useFormStyles();
  const plan = draft.review;
  const overall = draftOverallRisk(draft.risks);
  const suggestion = overall ? suggestedReviewWeeks[overall] : null;
  const set = <K extends keyof Plan>(key: K, value: Plan[K] | '') =>
    edit((d) => ({ ...d, review: withOptional(d.review, key, value) }));
  return (
    <div className={styles.section}>
      <p className={styles.muted}>
        Keep the plan under review: on the date set here, and sooner whenever something changes. An assessment
        can only be made active once the first review date is set.
      </p>
      <div className={styles.grid}>
        <TextField
          label="Review every (weeks)"
          path="review.frequencyWeeks"
          type="number"
          value={plan.frequencyWeeks === undefined ? '' : String(plan.frequencyWeeks)}
          onChange={(v) => set('frequencyWeeks', v === '' ? '' : Number(v))}
          problem={problemAt('review.frequencyWeeks')}
          hint={
            suggestion
              ? `A suggestion for a ${overall} overall risk: every ${suggestion} weeks. The DSL decides.`
              : undefined
          }
        />
        <DateField
          label="Next review"
          path="review.nextDue"
          required
          value={plan.nextDue}
          onChange={(v) => set('nextDue', v)}
          problem={problemAt('review.nextDue')}
        />
      </div>
      <div className={styles.row}>
        {suggestion && plan.frequencyWeeks !== suggestion && (
          <Button onClick={() => set('frequencyWeeks', suggestion)}>Use {suggestion} weeks</Button>
        )}
        {plan.frequencyWeeks !== undefined &&
          Number.isInteger(plan.frequencyWeeks) &&
          plan.frequencyWeeks >= 1 && (
            <Button onClick={() => set('nextDue', nextReviewDate(today, plan.frequencyWeeks!))}>
              Set the next review {plan.frequencyWeeks} weeks from today
            </Button>
          )}
      </div>
    </div>
  );
}
