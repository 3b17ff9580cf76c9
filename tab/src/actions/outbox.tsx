import { Body1, Link, Spinner, Title2 } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient, Outbox } from '../api/api-client';
import { LoadFailedScreen } from '../app/auth-screens';
import { navigate } from '../app/router';
import { useMe } from '../app/session';
import { useLoad } from '../cases/use-load';
import { formatDateTime } from '../ui/format';
import { useCardListStyles } from '../ui/card-list';

type Entry = Outbox['items'][number];

function when(createdAt: string): string {
  const at = new Date(createdAt);
  return Number.isNaN(at.getTime()) ? createdAt : formatDateTime(at);
}

function OutboxEntry({ entry }: { entry: Entry }) {
  const cards = useCardListStyles();
  return (
    <li className={cards.item}>
      <span>
        To <strong>{entry.to.displayName}</strong> · {entry.caseRef}
      </span>
      <span>{entry.text}</span>
      <span className={cards.muted}>
        <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time> ·{' '}
        <Link href={entry.link}>Open the plan</Link>
      </span>
    </li>
  );
}

function OutboxList({ api }: { api: ApiClient }) {
  const cards = useCardListStyles();
  const load = useCallback((): Promise<Outbox> => api.outbox(), [api]);
  const [loaded, reload] = useLoad(load, 'The outbox could not be opened.');
  if (loaded.state === 'loading') return <Spinner size="small" label="Loading the outbox…" />;
  if (loaded.state === 'failed') {
    return (
      <LoadFailedScreen
        title="The outbox could not be opened"
        message={loaded.error.message}
        correlationId={loaded.error.correlationId}
        onRetry={reload}
      />
    );
  }
  if (loaded.value.items.length === 0) {
    return (
      <Body1 as="p" role="status">
        Nothing has been sent yet. Choose a member of staff as the owner of a strategy, and the notice they
        would get appears here.
      </Body1>
    );
  }
  return (
    <ul className={cards.list} aria-label="Notifications sent">
      {loaded.value.items.map((entry) => (
        <OutboxEntry key={entry.id} entry={entry} />
      ))}
    </ul>
  );
}

/**
 * Local mode's outbox: the notifications that, in a school's Microsoft 365 tenant, reach people in
 * their Teams activity feed when an action is given to them. Outside local mode there is none.
 */
export function OutboxScreen({ api }: { api: ApiClient }) {
  const cards = useCardListStyles();
  const me = useMe();
  return (
    <article className={cards.root} aria-labelledby="outbox-title">
      <div>
        <Link href="#/" onClick={() => navigate({ name: 'dashboard' })}>
          All cases
        </Link>
        <Title2 as="h1" id="outbox-title" block>
          Outbox
        </Title2>
      </div>
      <Body1 as="p">
        When someone is made the owner of a strategy or a support measure, they are told. In a school’s
        Microsoft 365 tenant that is a Teams activity-feed notification; in local mode, with no tenant, the
        notifications are kept here instead. Each carries the case reference and the due date, never a child’s
        name.
      </Body1>
      {me === null && <Spinner size="small" label="Loading…" />}
      {me?.mode === 'local' && <OutboxList api={api} />}
      {me?.mode === 'm365' && (
        <Body1 as="p" role="status">
          This app is connected to your school’s tenant, so notifications go to Teams and there is no outbox.
        </Body1>
      )}
    </article>
  );
}

export default OutboxScreen;
