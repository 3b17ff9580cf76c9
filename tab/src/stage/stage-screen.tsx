import {
  Body1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { StageView } from '../../../core/assessment/stage-view';
import { statusLabels } from '../../../core/documents/labels';
import { roleLabel } from '../dashboard/new-case-dialog';
import { ApiError, type ApiClient } from '../api/api-client';
import { planKindLabels } from '../cases/labels';
import { useContent } from '../content/use-content';
import { StagePlanView } from './stage-plan';

/** The stage follows the meeting's edits without anyone pressing refresh. */
export const STAGE_REFRESH_MS = 10_000;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalL,
    fontSize: tokens.fontSizeBase400,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  children: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * The meeting stage: a case and the plan being discussed, redacted on the server (GET …/stage) so
 * that this client never holds a child's name or any narrative — parents, other agencies and guests
 * see the stage too. Every child is the case's pseudonym; the browser changes nothing it is sent.
 */
export function StageScreen({
  api,
  id,
  of = 'plan',
  refreshMs = STAGE_REFRESH_MS,
}: {
  api: ApiClient;
  id: string;
  /** Whether `id` is the plan being discussed or a case with no plan open. */
  of?: 'plan' | 'case';
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
      api.stageView(id, etag, of).then(
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
  }, [api, id, of, refreshMs]);

  if (!view) {
    return error ? (
      <MessageBar intent="error">
        <MessageBarBody>{error.message}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner label="Loading the shared view…" />
    );
  }

  return (
    <article className={styles.root} aria-labelledby="stage-title" data-testid="stage-view">
      <Title1 as="h1" id="stage-title">
        Case {view.caseRef}
      </Title1>
      <Body1 as="p">
        Shared view: every child is shown by the case’s label, and nothing about what happened or anyone’s
        views is shown.
      </Body1>
      {error && (
        <MessageBar intent="warning">
          <MessageBarBody>Showing the last version loaded: {error.message}</MessageBarBody>
        </MessageBar>
      )}
      <section aria-labelledby="stage-children">
        <Subtitle1 as="h2" id="stage-children">
          Children
        </Subtitle1>
        <ul className={styles.children}>
          {view.children.map((c) => (
            <li key={c.label}>
              <Body1>
                <strong>{c.label}</strong>: {c.roles.map((r) => roleLabel(r)).join('; ')}
                {c.plan
                  ? ` · ${planKindLabels[c.plan.kind]} (${statusLabels[c.plan.status].toLowerCase()})`
                  : ''}
              </Body1>
            </li>
          ))}
        </ul>
      </section>
      {view.plan && <StagePlanView plan={view.plan} template={template} />}
    </article>
  );
}

export default StageScreen;
