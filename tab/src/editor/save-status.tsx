import { Button, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { RiskTemplate } from '../api/content-types';
import { contextTitle } from '../content/use-content';
import { formatTime } from '../ui/format';
import type { EditorState, SaveStatus as Status } from './autosave-controller';
import { describePath } from './field-labels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    minHeight: '32px',
  },
  problem: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The words the issue asks for: "Saving…", "Saved 10:42", "Not saved — retry". */
export function statusText<D>(status: Status<D>): string {
  switch (status.kind) {
    case 'saved':
      return status.at ? `Saved ${formatTime(status.at)}` : 'All changes saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'invalid':
      return status.problems.length === 1
        ? 'Not saved — check 1 field'
        : `Not saved — check ${status.problems.length} fields`;
    case 'needs-reason':
      return 'Not saved — give a reason for these changes';
    case 'rejected':
      return `Not saved — ${status.error.message}`;
    case 'failed':
      return 'Not saved — retry';
    case 'conflict':
      return 'Not saved — someone else saved changes';
  }
}

export function SaveStatus({
  state,
  template,
  onRetry,
  onGoTo,
}: {
  state: EditorState;
  template: RiskTemplate | null;
  onRetry: () => void;
  onGoTo: (path: string) => void;
}) {
  const styles = useStyles();
  const { status } = state;
  const trouble = status.kind !== 'saved' && status.kind !== 'pending' && status.kind !== 'saving';
  return (
    <div className={styles.root}>
      <div className={styles.line}>
        {(status.kind === 'saving' || status.kind === 'pending') && <Spinner size="extra-tiny" aria-hidden />}
        <span
          role="status"
          aria-live="polite"
          className={trouble ? styles.problem : styles.ok}
          data-testid="save-status"
        >
          {statusText(status)}
        </span>
        {(status.kind === 'failed' || status.kind === 'rejected') && (
          <Button size="small" onClick={onRetry}>
            Retry now
          </Button>
        )}
        {status.kind === 'failed' && <span className={styles.ok}>{status.error.message}</span>}
        {status.kind === 'needs-reason' && (
          <Link as="button" onClick={() => onGoTo('changeReason')}>
            Give a reason
          </Link>
        )}
      </div>
      {status.kind === 'invalid' && (
        <ul className={styles.list} aria-label="Fields to check">
          {status.problems.map((p) => (
            <li key={p.path}>
              <Link as="button" onClick={() => onGoTo(p.path)}>
                {describePath(p.path, state.draft, template)}
              </Link>
              : {p.problem}
            </li>
          ))}
        </ul>
      )}
      {state.incomplete.length > 0 && (
        <span className={styles.ok}>
          Not saved until complete:{' '}
          {state.incomplete.map((r) => contextTitle(template, r.context, r.contextLabel)).join(', ')}
        </span>
      )}
      {state.decisionHeldBack && (
        <span className={styles.ok}>The decision is not saved until it has a response and the reasons.</span>
      )}
    </div>
  );
}
