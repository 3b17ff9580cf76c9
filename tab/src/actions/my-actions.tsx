import {
  Badge,
  Body1,
  Link,
  Spinner,
  Subtitle1,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, MyActions } from '../api/api-client';
import type { RiskTemplate } from '../api/content-types';
import { LoadFailedScreen } from '../app/auth-screens';
import { navigate, routePath, type Route } from '../app/router';
import { planKindLabels } from '../cases/labels';
import { useLoad } from '../cases/use-load';
import { contextTitle } from '../content/use-content';
import { formatDate } from '../ui/format';
import { groupActions, type MyAction } from './groups';
import { useCardListStyles } from '../ui/card-list';

const useStyles = makeStyles({
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  empty: {
    padding: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Where an action is edited, the action itself: a strategy under its risk, a measure in the support plan. */
export function planRouteFor(item: MyAction): Route {
  return {
    name: 'assessment',
    id: item.assessmentId,
    section: item.itemKind === 'strategy' ? 'risks' : 'wishes',
    item: item.strategyId,
  };
}

function describe(item: MyAction, template: RiskTemplate | null): string {
  const plan = planKindLabels[item.planKind];
  if (item.itemKind === 'measure') return `${plan} · support measure`;
  return item.context ? `${plan} · ${contextTitle(template, item.context)}` : plan;
}

function ActionItem({ item, template }: { item: MyAction; template: RiskTemplate | null }) {
  const styles = useStyles();
  const cards = useCardListStyles();
  const route = planRouteFor(item);
  return (
    <li className={cards.item}>
      <Link href={`#${routePath(route)}`} onClick={() => navigate(route)}>
        {item.action}
      </Link>
      <span className={styles.meta}>
        <strong>{item.caseRef}</strong>
        <span className={cards.muted}>{describe(item, template)}</span>
      </span>
      <span className={styles.meta}>
        {item.due ? `Due ${formatDate(item.due)}` : 'No due date'}
        {item.overdue && (
          <Badge appearance="filled" color="danger">
            Overdue
          </Badge>
        )}
        {item.inPlace && (
          <Badge appearance="tint" color="success">
            In place
          </Badge>
        )}
      </span>
    </li>
  );
}

/** The template's context names; without them the codes read as words, and the list still works. */
function useTemplate(api: ApiClient): RiskTemplate | null {
  const [template, setTemplate] = useState<RiskTemplate | null>(null);
  useEffect(() => {
    let live = true;
    api.riskTemplate().then(
      (t) => live && setTemplate(t),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return template;
}

/**
 * "My actions": the strategies and support measures the signed-in member of staff owns, in the
 * school's open plans — overdue first, then due soon, later, undated, and those already in place.
 */
export function MyActionsScreen({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const cards = useCardListStyles();
  const load = useCallback((): Promise<MyActions> => api.myActions(), [api]);
  const [loaded, reload] = useLoad(load, 'Your actions could not be loaded.');
  const template = useTemplate(api);

  return (
    <article className={cards.root} aria-labelledby="my-actions-title">
      <div>
        <Link href="#/" onClick={() => navigate({ name: 'dashboard' })}>
          All cases
        </Link>
        <Title2 as="h1" id="my-actions-title" block>
          My actions
        </Title2>
      </div>
      {loaded.state === 'loading' && <Spinner size="small" label="Loading your actions…" />}
      {loaded.state === 'failed' && (
        <LoadFailedScreen
          title="Your actions could not be loaded"
          message={loaded.error.message}
          correlationId={loaded.error.correlationId}
          onRetry={reload}
        />
      )}
      {loaded.state === 'ready' && loaded.value.items.length === 0 && (
        <Body1 as="p" className={styles.empty} role="status">
          No actions are yours yet. When someone makes you the owner of a strategy, it appears here.
        </Body1>
      )}
      {loaded.state === 'ready' &&
        groupActions(loaded.value).map((group) => (
          <section key={group.id} aria-labelledby={`actions-${group.id}`}>
            <Subtitle1 as="h2" id={`actions-${group.id}`} block>
              {group.title} ({group.items.length})
            </Subtitle1>
            <ul className={cards.list}>
              {group.items.map((item) => (
                <ActionItem key={`${item.assessmentId}:${item.strategyId}`} item={item} template={template} />
              ))}
            </ul>
          </section>
        ))}
    </article>
  );
}

export default MyActionsScreen;
