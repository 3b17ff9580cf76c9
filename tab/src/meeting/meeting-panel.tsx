import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError, type ApiClient } from '../api/api-client';
import { navigate, routePath, type Route } from '../app/router';
import { AssessmentScreen } from '../editor/assessment-screen';
import { caseEntityId, meetingLink, type Host, type MeetingLink } from '../host/host';
import { focusTitleOnArrival, Opening, useArrivalFocus } from '../ui/focus-after';
import { ShareToStage } from '../stage/share-to-stage';
import { CasePicker } from './case-picker';
import { MeetingCase } from './meeting-case';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** Where the panel is: resolving an old plan link, on the case, or in one child's plan. */
type Place =
  | { at: 'none' }
  /** A plan named without its case: the case is looked up, then the case or the plan opens. */
  | { at: 'resolving'; planId: string; open: 'case' | 'plan' }
  | { at: 'case'; caseId: string }
  | { at: 'plan'; planId: string; caseId: string | null };

/** The chooser's title: focus comes here when the panel opens it from a case or a plan. */
function ChooserTitle() {
  useArrivalFocus('meeting-chooser-title');
  return (
    <Title3 as="h1" id="meeting-chooser-title" tabIndex={-1}>
      Link a case to this meeting
    </Title3>
  );
}

function placeOf(link: MeetingLink | undefined): Place {
  if (!link) return { at: 'none' };
  return link.kind === 'case'
    ? { at: 'case', caseId: link.id }
    : { at: 'resolving', planId: link.id, open: 'case' };
}

/**
 * The meeting side panel: the case linked to this meeting, its children and each child's plan. The
 * link is the tab's own setting (entity id `case:<id>`, saved by Teams) and its name the case
 * reference, so nothing about a child is kept with the meeting. A meeting linked to one plan before
 * meetings were linked to cases (`assessment:<id>`) opens that plan's case.
 */
export function MeetingPanel({
  api,
  host,
  id,
  plan,
}: {
  api: ApiClient;
  host: Host;
  id?: string | undefined;
  /** A plan's agenda to open at a step (a link to it, `#/assessments/<id>/agenda/<step>`). */
  plan?: { id: string; step?: string | undefined } | undefined;
}) {
  const styles = useStyles();
  const [place, setPlace] = useState<Place>(() =>
    plan
      ? { at: 'resolving', planId: plan.id, open: 'plan' }
      : placeOf(id ? { kind: 'case', id } : meetingLink(host.context.entityId)),
  );
  // A section of the plan, or in meeting mode (where the panel opens a plan) a step of its agenda.
  const [section, setSection] = useState<string>(plan?.step ?? 'attendees');
  const [agenda, setAgenda] = useState(true);
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // In Teams' side panel the address follows the panel (without a new view), so that the panel
  // reloaded opens where it was: an agenda at its step, or the case (startRoute).
  const inSidePanel = host.context.frame === 'sidePanel';
  const here: Route | undefined =
    place.at === 'plan' && agenda
      ? { name: 'assessment', id: place.planId, agenda: true, section }
      : place.at === 'plan' && place.caseId
        ? { name: 'meeting', id: place.caseId }
        : place.at === 'case'
          ? { name: 'meeting', id: place.caseId }
          : undefined;
  const address = here && `#${routePath(here)}`;
  useEffect(() => {
    if (inSidePanel && address) window.history.replaceState(null, '', address);
  }, [inSidePanel, address]);

  const resolving = place.at === 'resolving' ? place.planId : undefined;
  const opening = place.at === 'resolving' ? place.open : undefined;
  useEffect(() => {
    if (!resolving) return;
    let live = true;
    // The plan's summary says which case it is in, without reading (and recording a read of) the plan.
    api.listAssessments().then(
      (rows) => {
        if (!live) return;
        const row = rows.find((r) => r.id === resolving);
        if (!row) setPlace({ at: 'none' });
        else if (row.caseId && opening === 'case') setPlace({ at: 'case', caseId: row.caseId });
        else setPlace({ at: 'plan', planId: resolving, caseId: row.caseId ?? null });
        if (!row) setError('The plan linked to this meeting could not be found. Link a case instead.');
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof ApiError ? e.message : 'The plan linked to this meeting could not be found.');
        setPlace({ at: 'none' });
      },
    );
    return () => {
      live = false;
    };
  }, [api, resolving, opening]);

  // Each move within the panel replaces the view that had focus: focus goes to the new view's title.
  const link = async (caseId: string, caseRef: string) => {
    setError(null);
    focusTitleOnArrival();
    try {
      if (host.configurator) {
        await host.configurator.save({
          entityId: caseEntityId(caseId),
          route: '/meeting',
          suggestedDisplayName: caseRef,
        });
      } else {
        navigate({ name: 'meeting', id: caseId }, { replace: true });
      }
      setPlace({ at: 'case', caseId });
      setChoosing(false);
    } catch {
      setError('Teams could not save the link to this meeting. Try again.');
    }
  };

  const chooseAnother = () => {
    focusTitleOnArrival();
    setChoosing(true);
  };

  const errorBar = error && (
    <MessageBar intent="error">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );

  if (place.at === 'resolving') return <Opening label="Opening the case…" />;

  if (place.at === 'none' || choosing) {
    return (
      <div className={styles.root}>
        <ChooserTitle />
        <Body1 as="p">
          Choose the case this meeting is about, or start a new case. Only the link and the case reference are
          kept with the meeting.
        </Body1>
        {errorBar}
        <CasePicker api={api} onPick={link} />
        {choosing && (
          <Button
            onClick={() => {
              focusTitleOnArrival();
              setChoosing(false);
            }}
          >
            Cancel
          </Button>
        )}
      </div>
    );
  }

  if (place.at === 'case') {
    return (
      <div className={styles.root}>
        {errorBar}
        <MeetingCase
          api={api}
          id={place.caseId}
          onOpenPlan={(planId) => {
            focusTitleOnArrival();
            setPlace({ at: 'plan', planId, caseId: place.caseId });
          }}
          actions={
            <>
              {host.stage && <ShareToStage stage={host.stage} target={{ of: 'case', id: place.caseId }} />}
              <Button onClick={chooseAnother}>Link another case</Button>
            </>
          }
        />
      </div>
    );
  }

  const caseId = place.caseId;
  return (
    <AssessmentScreen
      api={api}
      host={host}
      id={place.planId}
      section={section}
      onSection={setSection}
      agenda={agenda}
      onAgenda={setAgenda}
      onStep={setSection}
      compact
      actions={
        <>
          {caseId && (
            <Button
              onClick={() => {
                focusTitleOnArrival();
                setPlace({ at: 'case', caseId });
              }}
            >
              Back to the case
            </Button>
          )}
          {host.stage && <ShareToStage stage={host.stage} target={{ of: 'plan', id: place.planId }} />}
          <Button onClick={chooseAnother}>Link another case</Button>
        </>
      }
    />
  );
}

export default MeetingPanel;
