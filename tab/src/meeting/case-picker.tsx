import {
  Body1,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../api/api-client';
import { useLoad } from '../cases/use-load';
import { NewCaseDialog, roleLabel } from '../dashboard/new-case-dialog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
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
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
});

/**
 * The open cases to link to a meeting, or a new one. Rows carry the case reference and the
 * children's labels only, which is all a list needs to tell cases apart.
 */
export function CasePicker({
  api,
  onPick,
}: {
  api: ApiClient;
  /** Links the case; settles once the panel shows it, or could not. */
  onPick: (id: string, caseRef: string) => void | Promise<void>;
}) {
  const styles = useStyles();
  const load = useCallback(() => api.listCases(['open']), [api]);
  const [loaded, reload] = useLoad(load, 'The cases could not be loaded.');

  return (
    <div className={styles.root}>
      <div>
        <NewCaseDialog api={api} onCreated={onPick} />
      </div>
      {loaded.state === 'loading' && <Spinner size="small" label="Loading cases…" />}
      {loaded.state === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            {loaded.error.message}{' '}
            <Link as="button" onClick={reload}>
              Try again
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded.state === 'ready' &&
        (loaded.value.length === 0 ? (
          <Body1 as="p">There are no open cases yet. Start one with New case.</Body1>
        ) : (
          <ul className={styles.list} aria-label="Open cases">
            {loaded.value.map((c) => (
              <li key={c.id} className={styles.item}>
                <span className={styles.who}>
                  <Body1>
                    <strong>{c.caseRef}</strong>
                  </Body1>
                  <Caption1>
                    {c.participants
                      .map((p) => `${p.label} (${p.roles.map((r) => roleLabel(r)).join(', ')})`)
                      .join('; ')}
                  </Caption1>
                </span>
                <Button
                  size="small"
                  onClick={() => void onPick(c.id, c.caseRef)}
                  aria-label={`Link ${c.caseRef}`}
                >
                  Link
                </Button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
