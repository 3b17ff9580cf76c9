import { Button, Link, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ApiClient, Case, Child, Versioned } from '../api/api-client';
import { useContent } from '../content/use-content';
import { Autosave } from '../editor/autosave-core';
import { ConflictDialog } from '../editor/conflict-dialog';
import { withNames } from '../editor/mention-names';
import { MentionProvider } from '../editor/mention-textarea';
import { statusText } from '../editor/save-status';
import { useCloseOnLeave, useEditorState, useLeaveWarning } from '../editor/use-autosave';
import { LanguageGuideProvider } from '../language/hinted-textarea';
import { useArrivalFocus } from '../ui/focus-after';
import { UndoRemovalProvider } from '../ui/undo-toast';
import { CaseAgencies } from './case-agencies';
import { CaseDecisionSection } from './case-decision';
import { useFocusPath } from './case-fields';
import { CaseIncidents } from './case-incidents';
import { caseModel, describeCasePath, type CaseDraft } from './case-model';
import { CaseParticipants } from './case-participants';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  status: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  problem: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorNeutralForeground2 },
});

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle1 as="h2" id={id}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

export interface CaseEditorProps {
  api: ApiClient;
  loaded: Versioned<Case>;
  /** The case's children as their own records give them (names are kept nowhere else). */
  children: ReadonlyMap<string, Pick<Child, 'name' | 'yearGroup'>>;
  onChild: (id: string, child: Pick<Child, 'name' | 'yearGroup'>) => void;
  /** Called with each new ETag, so that what a save wrote in the chronology is shown. */
  onSaved: (etag: string) => void;
  today: string;
}

/**
 * The case's editable parts — children and roles, incidents, the decision, multi-agency work — saved
 * by the same autosave as a plan (If-Match, retries, no silent overwrite). Staff see the case's
 * children by name; the server stores every name typed in free text as the child's mention.
 */
export function CaseEditor({ api, loaded, children, onChild, onSaved, today }: CaseEditorProps) {
  const styles = useStyles();
  const names = useMemo(() => new Map([...children].map(([id, c]) => [id, c.name])), [children]);
  // The controller outlives a child joining; it reads the names as they are when each answer comes.
  const namesNow = useRef(names);
  namesNow.current = names;
  const controller = useMemo(() => {
    const named = async (pending: Promise<Versioned<Case>>) => {
      const { record, etag } = await pending;
      return { record: withNames(record, namesNow.current), etag };
    };
    return new Autosave(
      caseModel,
      {
        get: (id) => named(api.getCase(id)),
        replace: (id, body, etag) => named(api.replaceCase(id, body, etag)),
      },
      { record: withNames(loaded.record, namesNow.current), etag: loaded.etag },
    );
  }, [api, loaded]);
  useCloseOnLeave(controller);
  useLeaveWarning(controller);
  const state = useEditorState(controller);
  const content = useContent(api);
  const classify = useMemo(() => api.classify.bind(api), [api]);
  const focusPath = useFocusPath();
  useArrivalFocus('case-title');

  useEffect(() => onSaved(state.etag), [state.etag, onSaved]);

  const { draft, status } = state;
  const problems = status.kind === 'invalid' ? status.problems : [];
  const problemAt = (path: string) => problems.find((p) => p.path === path)?.problem;
  const edit = (update: (d: CaseDraft) => CaseDraft) => controller.edit(update);
  const props = { draft, edit, problemAt, focusPath };
  const mentionable = useMemo(
    () =>
      draft.participants.flatMap((p) => {
        const name = names.get(p.childId);
        return name ? [{ id: p.childId, name, label: p.label || undefined }] : [];
      }),
    [draft.participants, names],
  );
  const trouble = !['saved', 'pending', 'saving'].includes(status.kind);

  const page = (
    <LanguageGuideProvider guide={content.language}>
      <MentionProvider candidates={mentionable}>
        <div className={styles.status}>
          {(status.kind === 'saving' || status.kind === 'pending') && (
            <Spinner size="extra-tiny" aria-hidden />
          )}
          <span
            role="status"
            aria-live="polite"
            className={trouble ? styles.problem : styles.ok}
            data-testid="save-status"
          >
            {statusText(status)}
          </span>
          {(status.kind === 'failed' || status.kind === 'rejected') && (
            <Button size="small" onClick={() => controller.retry()}>
              Retry now
            </Button>
          )}
          {problems.map((p) => (
            <Link key={p.path} as="button" onClick={() => focusPath(p.path)}>
              {describeCasePath(p.path)}: {p.problem}
            </Link>
          ))}
        </div>
        <Section id="case-children" title="Children">
          <CaseParticipants {...props} api={api} children={children} onChild={onChild} />
        </Section>
        <Section id="case-incidents" title="Incidents">
          <CaseIncidents
            {...props}
            hackett={content.hackett}
            template={content.template}
            classify={classify}
          />
        </Section>
        <Section id="case-decision" title="Decision">
          <CaseDecisionSection {...props} template={content.template} heldBack={state.decisionHeldBack} />
        </Section>
        <Section id="case-agencies" title="Multi-agency work">
          <CaseAgencies {...props} today={today} />
        </Section>
        <ConflictDialog<CaseDraft>
          conflict={status.kind === 'conflict' ? status.conflict : null}
          mine={draft}
          template={content.template}
          what="case"
          describe={(path) => describeCasePath(path)}
          onChoose={(choice) => controller.resolveConflict(choice)}
        />
      </MentionProvider>
    </LanguageGuideProvider>
  );
  return <UndoRemovalProvider holder={controller}>{page}</UndoRemovalProvider>;
}
