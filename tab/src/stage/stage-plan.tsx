import {
  Body1,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { StagePlan, StageRiskAssessment, StageSupportPlan } from '../../../core/assessment/stage-view';
import type { RiskTemplate } from '../../../core/content/schema';
import { affectsText } from '../../../core/content/labels';
import { decisionLabels } from '../../../core/documents/labels';
import { planKindLabels } from '../cases/labels';
import { contextTitle } from '../content/use-content';
import { RiskBadge, StatusBadge } from '../ui/badges';
import { formatDate } from '../ui/format';

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  text: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** The plan being discussed, as the server redacted it: every child is already a pseudonym. */
export function StagePlanView({ plan, template }: { plan: StagePlan; template: RiskTemplate | null }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.row}>
        <Subtitle1 as="h2">
          {planKindLabels[plan.kind]} · {plan.label}
        </Subtitle1>
        <StatusBadge status={plan.status} />
        {plan.kind === 'risk-assessment' && <RiskBadge level={plan.overallRisk} prefix="Overall risk" />}
        <Body1>Next review: {formatDate(plan.nextReview)}</Body1>
      </div>
      {plan.kind === 'risk-assessment' ? (
        <RiskAssessmentStage plan={plan} template={template} />
      ) : (
        <SupportPlanStage plan={plan} />
      )}
    </>
  );
}

function RiskAssessmentStage({
  plan,
  template,
}: {
  plan: StageRiskAssessment;
  template: RiskTemplate | null;
}) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.card} aria-labelledby="stage-decision">
        <Subtitle1 as="h3" id="stage-decision">
          Ways forward decided
        </Subtitle1>
        {plan.decision ? (
          <Body1 as="p" className={styles.text}>
            {plan.decision.options.map((o) => decisionLabels[o]).join('; ')}
            {plan.decision.decidedOn ? ` (${formatDate(plan.decision.decidedOn)})` : ''}
          </Body1>
        ) : (
          <Body1 as="p" className={styles.text}>
            Not decided yet.
          </Body1>
        )}
      </section>
      {plan.contexts.length === 0 && <Body1>No contexts have been agreed yet.</Body1>}
      {plan.contexts.map((c) => {
        const title = contextTitle(template, c.context, c.contextLabel);
        return (
          <section key={c.id} className={styles.card} aria-labelledby={`stage-${c.id}`}>
            <div className={styles.row}>
              <Subtitle1 as="h3" id={`stage-${c.id}`}>
                {title}
              </Subtitle1>
              <RiskBadge level={c.levelBefore} prefix="Before" />
              {c.levelAfter && <RiskBadge level={c.levelAfter} prefix="After" />}
            </div>
            {c.affects.length > 0 && <Body1>Who could be harmed: {affectsText(c.affects)}</Body1>}
            {c.strategies.length > 0 ? (
              <Table aria-label={`Strategies: ${title}`} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Strategy</TableHeaderCell>
                    <TableHeaderCell>Who</TableHeaderCell>
                    <TableHeaderCell>From</TableHeaderCell>
                    <TableHeaderCell>In place</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {c.strategies.map((s) => (
                    <TableRow key={s.id}>
                      <TableCell>{s.action}</TableCell>
                      <TableCell>{s.owner}</TableCell>
                      <TableCell>{formatDate(s.startDate)}</TableCell>
                      <TableCell>{s.inPlace ? 'Yes' : 'Not yet'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <Body1>No strategies yet.</Body1>
            )}
          </section>
        );
      })}
    </>
  );
}

function SupportPlanStage({ plan }: { plan: StageSupportPlan }) {
  const styles = useStyles();
  const parts: [string, string, string | null][] = [
    ['stage-adjustments', 'Adjustments', plan.adjustments],
    ['stage-contact', 'Contact with the other child', plan.contactWithOtherChild],
  ];
  return (
    <>
      <Body1 as="p">
        Only what the meeting agrees is shown here. The child’s own views and wishes, and how they are
        supported, stay with the safeguarding team.
      </Body1>
      {parts.map(([id, title, text]) => (
        <section key={id} className={styles.card} aria-labelledby={id}>
          <Subtitle1 as="h3" id={id}>
            {title}
          </Subtitle1>
          <Body1 as="p" className={styles.text}>
            {text ?? 'Nothing agreed yet.'}
          </Body1>
        </section>
      ))}
    </>
  );
}
