import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { AssessmentStrategy } from '../../../core/assessment/schema';
import type { RiskTemplate } from '../api/content-types';
import { contextTitle } from '../content/use-content';
import type { Draft } from '../editor/draft';
import { formatDate } from '../ui/format';
import type { AgendaStepId } from './agenda-steps';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** A strategy's due date, once strategies carry one; until then the date it starts. */
function whenOf(strategy: AssessmentStrategy & { due?: string }): string {
  if (strategy.due) return `due ${formatDate(strategy.due)}`;
  return strategy.startDate ? `from ${formatDate(strategy.startDate)}` : 'no date yet';
}

/**
 * The actions the meeting agreed, read from the plan: every strategy by context with who does it
 * and when. They are changed in their context, one step away, so there is one place to edit each.
 */
export function AgendaActions({
  draft,
  template,
  onGo,
}: {
  draft: Draft;
  template: RiskTemplate | null;
  onGo: (step: AgendaStepId) => void;
}) {
  const styles = useStyles();
  const contexts = draft.risks.filter((r) => r.strategies.length > 0);
  if (contexts.length === 0) {
    return (
      <Body1 as="p" className={styles.muted}>
        No strategies yet. Agree them context by context: each has what will be done, who does it and when.
      </Body1>
    );
  }
  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.muted}>
        Read back each action, who does it and when, so everyone leaves knowing what is theirs.
      </Body1>
      {contexts.map((risk) => {
        const title = contextTitle(template, risk.context, risk.contextLabel);
        return (
          <section key={risk.id} aria-labelledby={`agenda-actions-${risk.id}`} className={styles.root}>
            <div className={styles.row}>
              <Subtitle2 as="h3" id={`agenda-actions-${risk.id}`}>
                {title}
              </Subtitle2>
              <Button size="small" onClick={() => onGo(`context-${risk.id}`)}>
                Change the actions for {title}
              </Button>
            </div>
            <ul className={styles.list}>
              {risk.strategies.map((s) => (
                <li key={s.id} className={styles.item}>
                  <Body1>{s.action}</Body1>
                  <Caption1>
                    {s.owner}, {whenOf(s)}; {s.inPlace ? 'in place' : 'not yet in place'}
                  </Caption1>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
