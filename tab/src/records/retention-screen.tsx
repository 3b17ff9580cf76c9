import {
  Body1,
  Field,
  Link,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient, RetentionReviewResponse } from '../api/api-client';
import { LoadFailedScreen } from '../app/auth-screens';
import { navigate } from '../app/router';
import { useLoad } from '../cases/use-load';
import { formatDate } from '../ui/format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const windows = [30, 90, 180, 365] as const;

/**
 * Children whose records have reached, or will soon reach, date of birth + 25 years, and children
 * whose retention date is unknown because no date of birth is recorded. Reaching the date starts a
 * review: the DSL decides to erase or to keep, and records why.
 */
export function RetentionScreen({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const [withinDays, setWithinDays] = useState<number>(90);
  const load = useCallback(
    (): Promise<RetentionReviewResponse> => api.retentionDue(withinDays),
    [api, withinDays],
  );
  const [loaded, reload] = useLoad(load, 'The retention list could not be opened.');

  return (
    <article className={styles.root} aria-labelledby="retention-title">
      <div>
        <Link href="#/" onClick={() => navigate({ name: 'dashboard' })}>
          All cases
        </Link>
        <Title2 as="h1" id="retention-title" block>
          Due for retention review
        </Title2>
      </div>
      <Body1 as="p">
        Child-protection records are kept until the child’s date of birth + 25 years, then reviewed for
        deletion. Open a child to erase their records or to record their date of birth.
      </Body1>
      <Field label="Show records due within">
        <Select value={String(withinDays)} onChange={(_e, d) => setWithinDays(Number(d.value))}>
          {windows.map((w) => (
            <option key={w} value={w}>
              {w} days
            </option>
          ))}
        </Select>
      </Field>
      {loaded.state === 'loading' && <Spinner size="small" label="Loading…" />}
      {loaded.state === 'failed' && (
        <LoadFailedScreen
          title="The retention list could not be opened"
          message={loaded.error.message}
          correlationId={loaded.error.correlationId}
          onRetry={reload}
        />
      )}
      {loaded.state === 'ready' &&
        (loaded.value.items.length === 0 ? (
          <Body1 as="p">
            No record is due for review in this period, and every child has a date of birth.
          </Body1>
        ) : (
          <Table aria-label="Records due for retention review" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Child</TableHeaderCell>
                <TableHeaderCell>Year group</TableHeaderCell>
                <TableHeaderCell>Keep until</TableHeaderCell>
                <TableHeaderCell>What to do</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {loaded.value.items.map((item) => (
                <TableRow key={item.childId}>
                  <TableCell>
                    <Link as="button" onClick={() => navigate({ name: 'child', id: item.childId })}>
                      {item.name}
                    </Link>
                  </TableCell>
                  <TableCell>{item.yearGroup ?? '—'}</TableCell>
                  <TableCell>{item.retainUntil ? formatDate(item.retainUntil) : 'Not known'}</TableCell>
                  <TableCell>
                    {item.reason === 'due'
                      ? item.retainUntil! < loaded.value.today
                        ? 'Review now: the retention date has passed'
                        : 'Review before the retention date'
                      : 'Record the date of birth'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </article>
  );
}

export default RetentionScreen;
