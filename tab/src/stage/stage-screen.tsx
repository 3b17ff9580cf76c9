import {
  Body1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { StageView } from '../../../core/assessment/stage-view';
import { ApiError, type ApiClient } from '../api/api-client';
import { contextTitle, useContent } from '../content/use-content';
import { RiskBadge } from '../ui/badges';
import { formatDate } from '../ui/format';

/** The stage follows the meeting's edits without anyone pressing refresh. */
export const STAGE_REFRESH_MS = 10_000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalL,
    fontSize: tokens.fontSizeBase400,
  },
  header: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
  card: {
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/**
 * The meeting stage: the plan, redacted on the server (GET …/stage) so that this client never holds
 * a child's name or any narrative — guests and external users see the stage too.
 */
export function StageScreen({
  api,
  id,
  refreshMs = STAGE_REFRESH_MS,
}: {
  api: ApiClient;
  id: string;
  refreshMs?: number;
}) {
  const styles = useStyles();
  const { template } = useContent(api);
  const [view, setView] = useState<StageView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    let etag: string | undefined;
    const load = () =>
      api.stageView(id, etag).then(
        (result) => {
          if (!live) return;
          setError(null);
          if (result.unchanged) return;
          etag = result.etag ?? undefined;
          setView(result.view);
        },
        (e: unknown) =>
          live &&
          setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', 'The plan could not be loaded.')),
      );
    void load();
    const timer = setInterval(load, refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, id, refreshMs]);

  if (!view) {
    return error ? (
      <MessageBar intent="error">
        <MessageBarBody>{error.message}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner label="Loading the plan…" />
    );
  }

  return (
    <article className={styles.root} aria-labelledby="stage-title" data-testid="stage-view">
      <div className={styles.header}>
        <Title1 as="h1" id="stage-title">
          Safety plan · {view.caseRef}
        </Title1>
        <RiskBadge level={view.overallRisk} prefix="Overall risk" />
        <Body1>Next review: {formatDate(view.nextReview)}</Body1>
      </div>
      <Body1 as="p">
        Shared view: it shows the contexts, strategies and who owns them, without names or details of what
        happened.
      </Body1>
      {error && (
        <MessageBar intent="warning">
          <MessageBarBody>Showing the last version loaded: {error.message}</MessageBarBody>
        </MessageBar>
      )}
      {view.contexts.length === 0 && <Body1>No contexts have been agreed yet.</Body1>}
      {view.contexts.map((c) => (
        <section key={c.id} className={styles.card} aria-labelledby={`stage-${c.id}`}>
          <div className={styles.row}>
            <Subtitle1 as="h2" id={`stage-${c.id}`}>
              {contextTitle(template, c.context, c.contextLabel)}
            </Subtitle1>
            <RiskBadge level={c.levelBefore} prefix="Before" />
            {c.levelAfter && <RiskBadge level={c.levelAfter} prefix="After" />}
          </div>
          {c.strategies.length > 0 ? (
            <Table aria-label={`Strategies: ${contextTitle(template, c.context, c.contextLabel)}`}>
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
      ))}
    </article>
  );
}

export default StageScreen;
