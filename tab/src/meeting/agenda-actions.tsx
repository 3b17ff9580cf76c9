import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { AssessmentStrategy } from '../../../core/assessment/schema';
import type { RiskTemplate } from '../api/content-types';
import { contextTitle } from '../content/use-content';
import type { Draft } from '../editor/draft';
import { formatDate } from '../ui/format';
import type { AgendaStepId } from './agenda-steps';
import { useCardListStyles } from '../ui/card-list';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** When a strategy is due, or else from when it starts. */
function whenOf(strategy: AssessmentStrategy): string {
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
  const cards = useCardListStyles();
  const contexts = draft.risks.filter((r) => r.strategies.length > 0);
  if (contexts.length === 0) {
    return (
      <Body1 as="p" className={cards.muted}>
        No strategies yet. Agree them context by context: each has what will be done, who does it and when.
      </Body1>
    );
  }
  return (
    <div className={cards.root}>
      <Body1 as="p" className={cards.muted}>
        Read back each action, who does it and when, so everyone leaves knowing what is theirs.
      </Body1>
      {contexts.map((risk) => {
        const title = contextTitle(template, risk.context, risk.contextLabel);
        return (
          <section key={risk.id} aria-labelledby={`agenda-actions-${risk.id}`} className={cards.root}>
            <div className={styles.row}>
              <Subtitle2 as="h3" id={`agenda-actions-${risk.id}`}>
                {title}
              </Subtitle2>
              <Button size="small" onClick={() => onGo(`context-${risk.id}`)}>
                Change the actions for {title}
              </Button>
            </div>
            <ul className={cards.list}>
              {risk.strategies.map((s) => (
                <li key={s.id} className={cards.item}>
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
