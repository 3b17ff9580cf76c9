import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { riskComplete, type Draft } from '../editor/draft';
import type { AgendaStep, AgendaStepId } from './agenda-steps';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  step: {
    width: '100%',
    minWidth: 0,
    height: 'auto',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    textAlign: 'start',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  done: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  todo: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  summary: { cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0` },
  nav: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  navButton: { maxWidth: '100%', height: 'auto', whiteSpace: 'normal', textAlign: 'start' },
});

/** Focuses what `selector` finds once React has shown it (a step changes over a render or two). */
export function focusWhenShown(selector: string, frames = 20): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) el.focus();
    else if (frames > 0) focusWhenShown(selector, frames - 1);
  });
}

export interface AgendaStepsProps {
  draft: Draft;
  steps: readonly AgendaStep[];
  current: AgendaStep;
  /** Goes to a step and focuses its heading. */
  onGo: (step: AgendaStepId) => void;
  /** Goes to a step and leaves focus to the caller. */
  onFollow: (step: AgendaStepId) => void;
  /** The side panel is narrow: the list folds away under a one-line summary. */
  compact?: boolean;
}

/**
 * The agenda's steps with whether each is done, the current one marked. Adding a context moves the
 * meeting on to it, so the person typing follows the conversation.
 */
export function AgendaSteps({ draft, steps, current, onGo, onFollow, compact }: AgendaStepsProps) {
  const styles = useStyles();
  const known = useRef(new Set(draft.risks.map((r) => r.id)));
  useEffect(() => {
    // A context just added here is new and not yet complete; one merged in from a save already is.
    const added = draft.risks.find((r) => !known.current.has(r.id) && !riskComplete(r));
    known.current = new Set(draft.risks.map((r) => r.id));
    if (!added) return;
    onFollow(`context-${added.id}`);
    focusWhenShown(`[data-risk-id="${CSS.escape(added.id)}"] textarea`);
  }, [draft.risks, onFollow]);

  const doneCount = steps.filter((s) => s.done).length;
  const position = steps.indexOf(current) + 1;
  const list = (
    <ol className={styles.list} aria-label="Agenda steps">
      {steps.map((step) => {
        const here = step.id === current.id;
        return (
          <li key={step.id}>
            <Button
              appearance="subtle"
              className={mergeClasses(styles.step, here && styles.current)}
              aria-current={here ? 'step' : undefined}
              title={step.done ? undefined : `Done when ${step.doneWhen}`}
              onClick={() => onGo(step.id)}
            >
              <span>{step.label}</span>
              <Caption1 className={step.done ? styles.done : styles.todo}>
                {step.done ? ', done' : ', to do'}
              </Caption1>
            </Button>
          </li>
        );
      })}
    </ol>
  );
  const summary = `Agenda: step ${position} of ${steps.length}, ${doneCount} done`;
  return (
    <nav aria-label="Agenda">
      {compact ? (
        <details>
          <summary className={styles.summary}>{summary}</summary>
          {list}
        </details>
      ) : (
        <>
          <Caption1 as="p">{summary}</Caption1>
          {list}
        </>
      )}
    </nav>
  );
}

/** Previous and Next through the agenda; `onGo` moves focus to the new step's heading, as in the sections. */
export function AgendaNav({
  steps,
  current,
  onGo,
}: {
  steps: readonly AgendaStep[];
  current: AgendaStep;
  onGo: (step: AgendaStepId) => void;
}) {
  const styles = useStyles();
  const index = steps.indexOf(current);
  const previous = steps[index - 1];
  const next = steps[index + 1];
  return (
    <nav className={styles.nav} aria-label="Previous and next step">
      {previous ? (
        <Button className={styles.navButton} onClick={() => onGo(previous.id)}>
          Previous: {previous.label}
        </Button>
      ) : (
        <span />
      )}
      {next && (
        <Button className={styles.navButton} appearance="primary" onClick={() => onGo(next.id)}>
          Next: {next.label}
        </Button>
      )}
    </nav>
  );
}
