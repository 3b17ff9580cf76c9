import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, type ReactNode } from 'react';
import { AgendaActions } from '../meeting/agenda-actions';
import { agendaSteps, currentStep, stepForPath, type AgendaStepId } from '../meeting/agenda-steps';
import { AgendaNav, AgendaSteps, focusWhenShown } from '../meeting/agenda-view';
import type { HackettGuide, RiskTemplate } from '../api/content-types';
import type { Classifier } from './sections/guided-placement';
import { RiskBadge, StatusBadge } from '../ui/badges';
import { useNarrow } from '../ui/use-narrow';
import { useArrivalFocus } from '../ui/focus-after';
import { UndoRemovalProvider } from '../ui/undo-toast';
import { useStickyClearance } from '../ui/use-sticky-clearance';
import type { AutosaveController } from './autosave-controller';
import { ConflictDialog } from './conflict-dialog';
import { sectionOf } from './field-labels';
import type { Draft } from './draft';
import type { SectionProps } from './fields';
import { SaveStatus } from './save-status';
import { ChildrenSection } from './sections/children-section';
import { DecisionSection } from './sections/decision-section';
import { IncidentsSection } from './sections/incidents-section';
import { LearnerSection } from './sections/learner-section';
import { MeetingSection } from './sections/meeting-section';
import { ReviewPlanSection } from './sections/review-plan-section';
import { ReviewsSection } from './sections/reviews-section';
import { draftOverallRisk, RisksSection } from './sections/risks-section';
import { SharingSection } from './sections/sharing-section';
import { SignOffSection } from './sections/sign-off-section';
import { SupportSection } from './sections/support-section';
import { ViewsSection } from './sections/views-section';
import { WishesSection } from './sections/wishes-section';
import { useEditorState } from './use-autosave';

export const sectionIds = [
  'learner',
  'wishes',
  'incidents',
  'children',
  'meeting',
  'risks',
  'support',
  'views',
  'decision',
  'sharing',
  'plan',
  'signoff',
  'status',
] as const;
export type SectionId = (typeof sectionIds)[number];

const sectionTitles: Record<Exclude<SectionId, 'status'>, string> = {
  learner: 'Learner',
  wishes: 'Wishes and support',
  incidents: 'Incidents',
  children: 'Other children',
  meeting: 'The meeting',
  risks: 'Risks by context',
  support: 'Support and key adult',
  views: 'Views',
  decision: 'Decision',
  sharing: 'Sharing',
  plan: 'Review plan',
  signoff: 'Sign-off',
};

/**
 * The sections a plan has. A support plan is the child harmed's own: their wishes and support, its
 * review and sign-off, nothing about the other child. A plan in a case has no "other children": the
 * case holds the children and their roles.
 */
export function sectionsFor(draft: Pick<Draft, 'kind' | 'caseId'>): SectionId[] {
  if (draft.kind === 'support-plan') return ['learner', 'wishes', 'plan', 'signoff', 'status'];
  return sectionIds.filter((id) => id !== 'wishes' && !(id === 'children' && draft.caseId));
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  saveBar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-start',
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow2,
  },
  reason: { minWidth: 'min(260px, 100%)', flexGrow: 1 },
  body: { display: 'grid', gridTemplateColumns: 'minmax(160px, 200px) 1fr', gap: tokens.spacingHorizontalL },
  bodyCompact: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  panel: {
    padding: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  // A tab's text sits in a cell as wide as its bold (selected) form and a button centres its text, so
  // each name started a few pixels further in than the last; a list of sections reads down one edge.
  tab: { textAlign: 'start' },
  nav: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface AssessmentEditorProps {
  controller: AutosaveController;
  template: RiskTemplate | null;
  hackett?: HackettGuide | null;
  /** POST /api/classify, for the incidents' guided placement. */
  classify?: Classifier;
  contentUnavailable: boolean;
  section: SectionId;
  onSection: (section: SectionId) => void;
  /** The side panel is narrow: sections are picked from a list instead of tabs. */
  compact?: boolean;
  /** Extra header actions (Share to stage in a meeting). */
  actions?: ReactNode;
  /** Meeting mode: the agenda, one step at a time, instead of the sections (risk assessments only). */
  agenda?: { step: string | undefined; onStep: (step: AgendaStepId) => void } | undefined;
  /** Leaves meeting mode for the sections, at the one given. */
  onLeaveAgenda?: (section: SectionId) => void;
}

export function AssessmentEditor({
  controller,
  template,
  hackett = null,
  classify,
  contentUnavailable,
  section: requested,
  onSection,
  compact: compactHost,
  actions,
  agenda: agendaRequest,
  onLeaveAgenda,
}: AssessmentEditorProps) {
  const styles = useStyles();
  // A channel tab squeezed to side-panel width gets the side panel's section list too.
  const narrow = useNarrow();
  const compact = compactHost || narrow;
  const state = useEditorState(controller);
  const { draft, status } = state;
  const sections = sectionsFor(draft);
  const steps = agendaRequest ? agendaSteps(draft, template) : [];
  const step = currentStep(steps, agendaRequest?.step);
  const agenda = agendaRequest && step ? { ...agendaRequest, steps, step } : undefined;
  // An address may name a section this kind of plan does not have.
  const section = agenda ? agenda.step.section : sections.includes(requested) ? requested : 'learner';
  const edit = useCallback(
    (update: Parameters<AutosaveController['edit']>[0]) => controller.edit(update),
    [controller],
  );
  const problems = status.kind === 'invalid' ? status.problems : [];
  const problemAt = useCallback((path: string) => problems.find((p) => p.path === path)?.problem, [problems]);
  const incompleteIds = useMemo(() => new Set(state.incomplete.map((r) => r.id)), [state.incomplete]);
  const statusTitle = draft.status === 'draft' ? 'Make active' : 'Review and close';
  const titles: Record<SectionId, string> = { ...sectionTitles, status: statusTitle };
  const problemCount = (id: SectionId) => problems.filter((p) => sectionOf(p.path) === id).length;
  const label = (id: SectionId) =>
    problemCount(id) ? `${titles[id]} (${problemCount(id)} to check)` : titles[id];
  const index = sections.indexOf(section as SectionId);
  const previous = sections[index - 1];
  const next = sections[index + 1];

  const goTo = (path: string) => {
    const target = path === 'changeReason' ? null : (sectionOf(path) as SectionId);
    const inAgenda = agenda && stepForPath(draft, path);
    if (agenda && inAgenda) agenda.onStep(inAgenda);
    else if (agenda && target) onLeaveAgenda?.(target);
    else if (target) onSection(target);
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
      (el ?? document.getElementById('section-title'))?.focus();
    });
  };

  // Previous and Next move focus to the new section's heading: left on the button, a second Enter
  // would silently skip the section that had just opened.
  const move = (to: SectionId) => {
    onSection(to);
    requestAnimationFrame(() => document.getElementById('section-title')?.focus());
  };
  const moveStep = (to: AgendaStepId) => {
    agenda?.onStep(to);
    focusWhenShown('#section-title', 0);
  };
  const title = agenda ? agenda.step.title : titles[section as SectionId];

  const saveBar = useStickyClearance<HTMLDivElement>();
  useArrivalFocus('plan-title');
  const props: SectionProps = { draft, edit, template, hackett, problemAt, classify };
  const readOnly = draft.status === 'closed' && section !== 'status';

  const page = (
    <div className={styles.root}>
      <div className={styles.header}>
        <Title2 as="h1" id="plan-title" tabIndex={-1}>
          {draft.caseRef}
        </Title2>
        <Body1>{draft.learner.name}</Body1>
        <StatusBadge status={draft.status} />
        {draft.kind === 'support-plan' ? (
          <Body1>Support plan</Body1>
        ) : (
          <RiskBadge level={draftOverallRisk(draft.risks)} prefix="Overall" />
        )}
        {actions}
      </div>
      {contentUnavailable && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The guidance could not be loaded: prompts, examples and language suggestions are missing for now.
          </MessageBarBody>
        </MessageBar>
      )}
      <div ref={saveBar} className={styles.saveBar} role="region" aria-label="Saving">
        <SaveStatus state={state} template={template} onRetry={() => controller.retry()} onGoTo={goTo} />
        {state.saved.status !== 'draft' && draft.status !== 'closed' && (
          <Field
            className={styles.reason}
            label="Reason for these changes"
            required
            hint="Needed once an assessment has been active; saved in the audit trail with each change"
            validationMessage={
              status.kind === 'needs-reason' ? 'Give a reason so your changes can be saved.' : undefined
            }
          >
            <Input
              data-path="changeReason"
              value={state.changeReason}
              onChange={(_, d) => controller.setChangeReason(d.value)}
            />
          </Field>
        )}
      </div>
      <div className={compact ? styles.bodyCompact : styles.body}>
        {agenda ? (
          <AgendaSteps
            draft={draft}
            steps={agenda.steps}
            current={agenda.step}
            onGo={moveStep}
            onFollow={agenda.onStep}
            compact={compact ?? false}
          />
        ) : compact ? (
          <Field label="Section">
            <Select value={section} onChange={(_, d) => onSection(d.value as SectionId)}>
              {sections.map((id) => (
                <option key={id} value={id}>
                  {label(id)}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <TabList
            vertical
            selectedValue={section}
            onTabSelect={(_, d) => onSection(d.value as SectionId)}
            aria-label="Sections of the assessment"
          >
            {sections.map((id) => (
              <Tab key={id} value={id} className={styles.tab}>
                {label(id)}
              </Tab>
            ))}
          </TabList>
        )}
        <section className={styles.panel} aria-labelledby="section-title">
          <Title2 as="h2" id="section-title" tabIndex={-1}>
            {title}
          </Title2>
          {readOnly && (
            <MessageBar intent="info">
              <MessageBarBody>
                This assessment is closed. Reopen it (under “Review and close”) to change it.
              </MessageBarBody>
            </MessageBar>
          )}
          <fieldset className={styles.fieldset} disabled={readOnly}>
            <legend className="visually-hidden">{title}</legend>
            {section === 'learner' && <LearnerSection {...props} />}
            {section === 'wishes' && <WishesSection {...props} />}
            {section === 'support' && <SupportSection {...props} />}
            {section === 'incidents' && <IncidentsSection {...props} />}
            {section === 'children' && <ChildrenSection {...props} />}
            {section === 'meeting' && <MeetingSection {...props} />}
            {section === 'risks' && (
              <RisksSection {...props} incompleteIds={incompleteIds} only={agenda?.step.riskId} />
            )}
            {section === 'actions' && <AgendaActions draft={draft} template={template} onGo={moveStep} />}
            {section === 'views' && <ViewsSection {...props} />}
            {section === 'decision' && <DecisionSection {...props} heldBack={state.decisionHeldBack} />}
            {section === 'sharing' && <SharingSection {...props} />}
            {section === 'plan' && <ReviewPlanSection {...props} />}
            {section === 'signoff' && <SignOffSection {...props} />}
            {section === 'status' && <ReviewsSection {...props} controller={controller} />}
          </fieldset>
          {agenda && <AgendaNav steps={agenda.steps} current={agenda.step} onGo={moveStep} />}
          <nav
            className={styles.nav}
            aria-label="Previous and next section"
            style={agenda ? { display: 'none' } : undefined}
          >
            {previous ? (
              <Button onClick={() => move(previous)}>Previous: {titles[previous]}</Button>
            ) : (
              <span />
            )}
            {next && (
              <Button appearance="primary" onClick={() => move(next)}>
                Next: {titles[next]}
              </Button>
            )}
          </nav>
        </section>
      </div>
      <ConflictDialog
        conflict={status.kind === 'conflict' ? status.conflict : null}
        mine={draft}
        template={template}
        onChoose={(choice) => controller.resolveConflict(choice)}
      />
    </div>
  );
  return <UndoRemovalProvider holder={controller}>{page}</UndoRemovalProvider>;
}
