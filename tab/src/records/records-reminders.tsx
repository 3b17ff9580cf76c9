import { Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../api/api-client';
import { navigate } from '../app/router';
import { useLoad } from '../cases/use-load';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * The dashboard's reminders about children's whole records: child-protection files with no receipt
 * after five school days, and the way to the retention review list.
 */
export function RecordsReminders({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const load = useCallback(() => api.transfersAwaitingReceipt(), [api]);
  const [loaded] = useLoad(load, 'Transfers could not be checked.');
  const late = loaded.state === 'ready' ? loaded.value.items.filter((t) => t.overdue) : [];

  return (
    <nav className={styles.root} aria-label="Records">
      {late.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {late.length === 1
              ? 'A child-protection file sent to a new school has no receipt after five school days: '
              : `${late.length} child-protection files sent to new schools have no receipt after five school days: `}
            {late.map((t, i) => (
              <span key={`${t.childId}-${t.transferId}-${i}`}>
                {i > 0 && ', '}
                <Link as="button" onClick={() => navigate({ name: 'child', id: t.childId })}>
                  open child {i + 1}
                </Link>
              </span>
            ))}
            .
          </MessageBarBody>
        </MessageBar>
      )}
      <Link as="button" onClick={() => navigate({ name: 'retention' })}>
        Records due for retention review
      </Link>
    </nav>
  );
}
