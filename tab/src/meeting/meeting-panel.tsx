import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { navigate } from '../app/router';
import { Dashboard } from '../dashboard/dashboard';
import { AssessmentScreen } from '../editor/assessment-screen';
import type { SectionId } from '../editor/assessment-editor';
import { ASSESSMENT_ENTITY_PREFIX, linkedAssessmentId, type Host } from '../host/host';
import { ShareToStage } from '../stage/share-to-stage';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * The meeting side panel: opens the assessment linked to this meeting, or links one. The link is the
 * tab's own setting (entity id `assessment:<id>`, saved by Teams), not a field of the record.
 */
export function MeetingPanel({ api, host, id }: { api: ApiClient; host: Host; id?: string | undefined }) {
  const styles = useStyles();
  const [linked, setLinked] = useState(id ?? linkedAssessmentId(host.context.entityId));
  const [section, setSection] = useState<SectionId>('risks');
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const link = async (assessmentId: string, caseRef: string) => {
    setError(null);
    try {
      if (host.configurator) {
        await host.configurator.save({
          entityId: `${ASSESSMENT_ENTITY_PREFIX}${assessmentId}`,
          route: '/meeting',
          suggestedDisplayName: caseRef,
        });
      } else {
        navigate({ name: 'meeting', id: assessmentId }, { replace: true });
      }
      setLinked(assessmentId);
      setChoosing(false);
    } catch {
      setError('Teams could not save the link to this meeting. Try again.');
    }
  };

  if (!linked || choosing) {
    return (
      <div className={styles.root}>
        <Title3 as="h1">Link a risk assessment to this meeting</Title3>
        <Body1 as="p">
          Choose the assessment this meeting is about, or start a new one. Only the link is kept with the
          meeting.
        </Body1>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <Dashboard api={api} onOpen={link} pickLabel="Link" />
        {choosing && <Button onClick={() => setChoosing(false)}>Cancel</Button>}
      </div>
    );
  }

  return (
    <AssessmentScreen
      api={api}
      host={host}
      id={linked}
      section={section}
      onSection={setSection}
      compact
      actions={
        <>
          {host.stage && <ShareToStage stage={host.stage} assessmentId={linked} />}
          <Button onClick={() => setChoosing(true)}>Link another</Button>
        </>
      }
    />
  );
}

export default MeetingPanel;
