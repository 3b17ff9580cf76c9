import { Body1, Button, Caption1, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, type ReactNode } from 'react';
import type { ApiClient, Case, Child, SummaryRow } from '../api/api-client';
import { LoadFailedScreen } from '../app/auth-screens';
import { planKindLabels } from '../cases/labels';
import { childrenOf } from '../cases/mentions';
import { roleLabel } from '../dashboard/new-case-dialog';
import { useLoad } from '../cases/use-load';
import { StatusBadge } from '../ui/badges';
import { Opening, useArrivalFocus } from '../ui/focus-after';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  child: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface MeetingCaseData {
  record: Case;
  children: Map<string, Child>;
  /** Each child's plan in this case, by plan id: its kind and status, no narrative. */
  plans: Map<string, SummaryRow>;
}

/** The case's title: where focus goes when the panel opens the case (linked, created or come back to). */
function CaseTitle({ caseRef }: { caseRef: string }) {
  useArrivalFocus('meeting-case-title');
  return (
    <Title3 as="h1" id="meeting-case-title" tabIndex={-1}>
      Case {caseRef}
    </Title3>
  );
}

/** A case as the panel shows it: the case, its children's records, and its plans' summaries. */
export async function loadMeetingCase(api: ApiClient, id: string): Promise<MeetingCaseData> {
  const [{ record }, rows] = await Promise.all([api.getCase(id), api.listAssessments()]);
  const children = await childrenOf((childId) => api.getChild(childId), record.participants);
  const plans = new Map(rows.filter((r) => r.caseId === record.id).map((r) => [r.id, r]));
  return { record, children, plans };
}

/**
 * The case linked to the meeting, for the staff in the side panel: its reference and its children
 * by name with their part in the case and their plan, each plan one click away. The panel is seen
 * by the person who opened it only; what everyone sees is the stage.
 */
export function MeetingCase({
  api,
  id,
  onOpenPlan,
  actions,
}: {
  api: ApiClient;
  id: string;
  onOpenPlan: (planId: string) => void;
  actions?: ReactNode;
}) {
  const styles = useStyles();
  const load = useCallback(() => loadMeetingCase(api, id), [api, id]);
  const [loaded, reload] = useLoad(load, 'The case could not be opened.');

  if (loaded.state === 'loading') return <Opening label="Loading the case…" />;
  if (loaded.state === 'failed') {
    return (
      <LoadFailedScreen
        title="The case could not be opened"
        message={loaded.error.message}
        correlationId={loaded.error.correlationId}
        onRetry={reload}
      />
    );
  }
  const { record, children, plans } = loaded.value;

  return (
    <section className={styles.root} aria-labelledby="meeting-case-title">
      <CaseTitle caseRef={record.caseRef} />
      {actions && <div className={styles.actions}>{actions}</div>}
      <Subtitle2 as="h2">Children</Subtitle2>
      <ul className={styles.list} aria-label="Children in this case">
        {record.participants.map((p) => {
          const child = children.get(p.childId);
          const name = child?.name ?? p.label;
          const plan = p.assessmentId ? plans.get(p.assessmentId) : undefined;
          return (
            <li key={p.childId} className={styles.child}>
              <Body1>
                <strong>{name}</strong> ({p.label}){child?.yearGroup ? `, ${child.yearGroup}` : ''}
              </Body1>
              <Caption1>{p.roles.map((r) => roleLabel(r)).join('; ')}</Caption1>
              {p.assessmentId ? (
                <div className={styles.row}>
                  <Body1>{plan ? planKindLabels[plan.kind] : 'Plan'}</Body1>
                  {plan && <StatusBadge status={plan.status} />}
                  <Button size="small" onClick={() => onOpenPlan(p.assessmentId!)}>
                    Open {name}’s plan
                  </Button>
                </div>
              ) : (
                <Caption1>No plan in this case.</Caption1>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
