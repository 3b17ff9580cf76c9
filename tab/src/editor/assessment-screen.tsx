import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  ToggleButton,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Assessment } from '../../../core/assessment/schema';
import { ApiError, type ApiClient, type Versioned } from '../api/api-client';
import { DocumentsPanel } from './documents-panel';
import { sectionOfStep, stepOfSection, type AgendaStepId } from '../meeting/agenda-steps';
import { focusWhenShown } from '../meeting/agenda-view';
import { Opening } from '../ui/focus-after';
import { navigate } from '../app/router';
import { LoadFailedScreen } from '../app/auth-screens';
import { childrenOf } from '../cases/mentions';
import { useContent } from '../content/use-content';
import type { Host } from '../host/host';
import { LanguageGuideProvider } from '../language/hinted-textarea';
import { AssessmentEditor, sectionIds, type SectionId } from './assessment-editor';
import { AutosaveController } from './autosave-controller';
import { namedApi, withNames } from './mention-names';
import { MentionProvider } from './mention-textarea';
import { useCloseOnLeave, useLeaveWarning } from './use-autosave';

export interface AssessmentScreenProps {
  api: ApiClient;
  host: Host;
  id: string;
  section?: string | undefined;
  /** In the meeting side panel: no link back to the list, narrow layout, extra actions. */
  compact?: boolean;
  actions?: ReactNode;
  onSection?: (section: SectionId) => void;
  /** Meeting mode: the agenda of a risk assessment; `section` is then the agenda step. */
  agenda?: boolean;
  /** Turns meeting mode on or off; without it, the address changes. */
  onAgenda?: (on: boolean) => void;
  /** Moves to an agenda step; without it, the address changes. */
  onStep?: (step: AgendaStepId) => void;
}

/** The names of the children of the plan's case, to show its mentions by name; none if unreadable. */
async function caseNames(api: ApiClient, caseId: string | undefined): Promise<Map<string, string>> {
  if (!caseId) return new Map();
  try {
    const { record } = await api.getCase(caseId);
    const children = await childrenOf((id) => api.getChild(id), record.participants);
    return new Map([...children].map(([id, child]) => [id, child.name]));
  } catch {
    return new Map();
  }
}

function useAssessment(api: ApiClient, id: string) {
  const [state, setState] = useState<{
    loaded?: Versioned<Assessment>;
    names?: Map<string, string>;
    error?: ApiError;
  }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({});
    api
      .getAssessment(id)
      .then(async (plan) => {
        const names = await caseNames(api, plan.record.caseId);
        return { loaded: { record: withNames(plan.record, names), etag: plan.etag }, names };
      })
      .then(
        ({ loaded, names }) => live && setState({ loaded, names }),
        (error: unknown) =>
          live &&
          setState({
            error:
              error instanceof ApiError
                ? error
                : new ApiError(0, 'UNKNOWN', 'The assessment could not be opened.'),
          }),
      );
    return () => {
      live = false;
    };
  }, [api, id, attempt]);
  return { ...state, retry: () => setAttempt((n) => n + 1) };
}

function Editor({
  api,
  loaded,
  section,
  compact,
  actions,
  onSection,
  names,
  agenda = false,
  onAgenda,
  onStep,
}: Omit<AssessmentScreenProps, 'id' | 'host'> & {
  loaded: Versioned<Assessment>;
  names: ReadonlyMap<string, string>;
}) {
  const controller = useMemo(
    () => new AutosaveController(namedApi(api, names), loaded),
    [api, loaded, names],
  );
  useCloseOnLeave(controller);
  useLeaveWarning(controller);
  const content = useContent(api);
  const classifyWith = useMemo(() => api.classify.bind(api), [api]);
  const [leaving, setLeaving] = useState(false);
  const ownChild = loaded.record.childId;
  const mentionable = useMemo(
    () => [...names].filter(([id]) => id !== ownChild).map(([id, name]) => ({ id, name })),
    [names, ownChild],
  );
  const current: SectionId = sectionIds.includes(section as SectionId) ? (section as SectionId) : 'learner';
  const id = loaded.record.id;
  const meetingMode = agenda && loaded.record.kind !== 'support-plan';
  const toSection = (s: SectionId) =>
    onSection ? onSection(s) : navigate({ name: 'assessment', id, section: s });
  const toStep = (step: AgendaStepId) =>
    onStep ? onStep(step) : navigate({ name: 'assessment', id, agenda: true, section: step });
  // Switching keeps the meeting where it was: the step showing the section, or the section of the step.
  const setMeetingMode = (on: boolean) => {
    const step = on ? stepOfSection(section) : undefined;
    const at = sectionOfStep(section);
    if (onAgenda) {
      onAgenda(on);
      if (!on) toSection(at);
      else if (step) toStep(step);
    } else {
      navigate(
        on
          ? { name: 'assessment', id, agenda: true, ...(step ? { section: step } : {}) }
          : { name: 'assessment', id, section: at },
      );
    }
    focusWhenShown('#section-title', 0);
  };
  const leaveAgenda = (s: SectionId) => {
    if (onAgenda) onAgenda(false);
    toSection(s);
  };

  // A plan in a case goes back to its case, where its other children and their plans are.
  const caseId = loaded.record.caseId;
  const back = () => navigate(caseId ? { name: 'case', id: caseId } : { name: 'dashboard' });
  const backToList = async () => {
    if (controller.hasUnsavedChanges()) await controller.flush();
    if (controller.hasUnsavedChanges()) setLeaving(true);
    else back();
  };

  return (
    <LanguageGuideProvider guide={content.language}>
      <MentionProvider candidates={mentionable}>
        {!compact && (
          <Link as="button" onClick={backToList}>
            {caseId ? `← Case ${loaded.record.caseRef}` : '← All assessments'}
          </Link>
        )}
        <AssessmentEditor
          controller={controller}
          template={content.template}
          hackett={content.hackett}
          classify={classifyWith}
          contentUnavailable={content.unavailable}
          section={current}
          onSection={toSection}
          compact={compact ?? false}
          actions={
            <>
              {actions}
              {loaded.record.kind !== 'support-plan' && (
                <ToggleButton checked={meetingMode} onClick={() => setMeetingMode(!meetingMode)}>
                  Meeting mode
                </ToggleButton>
              )}
            </>
          }
          agenda={meetingMode ? { step: section, onStep: toStep } : undefined}
          onLeaveAgenda={leaveAgenda}
        />
        {!compact && <DocumentsPanel api={api} id={loaded.record.id} caseRef={loaded.record.caseRef} />}
        <Dialog open={leaving} modalType="alert">
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Leave without saving?</DialogTitle>
              <DialogContent>Some changes are not saved. If you leave now they will be lost.</DialogContent>
              <DialogActions>
                <Button onClick={back}>Leave and lose them</Button>
                <Button appearance="primary" onClick={() => setLeaving(false)}>
                  Stay
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </MentionProvider>
    </LanguageGuideProvider>
  );
}

export function AssessmentScreen({ api, id, host: _host, ...rest }: AssessmentScreenProps) {
  const { loaded, names, error, retry } = useAssessment(api, id);
  if (error) {
    return (
      <LoadFailedScreen
        title="The assessment could not be opened"
        message={
          error.status === 404
            ? 'There is no assessment at this address, or you cannot see it.'
            : error.message
        }
        correlationId={error.correlationId}
        onRetry={retry}
      />
    );
  }
  if (!loaded) return <Opening label="Opening the assessment…" />;
  return <Editor api={api} loaded={loaded} names={names ?? new Map()} {...rest} />;
}

export default AssessmentScreen;
