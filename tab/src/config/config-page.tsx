import {
  Body1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ApiError, type ApiClient, type SummaryRow } from '../api/api-client';
import { ASSESSMENT_ENTITY_PREFIX, linkedAssessmentId, type Host, type TabConfig } from '../host/host';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    maxWidth: '560px',
  },
});

type Choice = 'dashboard' | 'assessment' | 'later';

/**
 * What the tab instance shows, chosen when it is added (Teams' configuration dialog). In a meeting
 * the chosen assessment is the meeting's linked assessment: the link lives in the tab's entity id
 * (`assessment:<id>`), so no meeting data is stored with the record. The tab's name is the case
 * reference at most: everyone in the channel or meeting sees it.
 */
export function configFor(
  choice: Choice,
  row: Pick<SummaryRow, 'id' | 'caseRef'> | undefined,
  inMeeting: boolean,
): TabConfig | null {
  if (choice === 'dashboard')
    return { entityId: 'dashboard', route: '/', suggestedDisplayName: 'HSB assessments' };
  if (choice === 'later')
    return { entityId: 'meeting', route: '/meeting', suggestedDisplayName: 'HSB assessment' };
  if (!row) return null;
  return {
    entityId: `${ASSESSMENT_ENTITY_PREFIX}${row.id}`,
    route: inMeeting ? '/meeting' : `/assessments/${row.id}`,
    suggestedDisplayName: row.caseRef,
  };
}

export function ConfigPage({ api, host }: { api: ApiClient; host: Host }) {
  const styles = useStyles();
  const inMeeting = !!host.context.meetingId;
  const [choice, setChoice] = useState<Choice>(inMeeting ? 'assessment' : 'dashboard');
  const [rows, setRows] = useState<SummaryRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string>(linkedAssessmentId(host.context.entityId) ?? '');
  const current = useRef<TabConfig | null>(null);
  const { configurator } = host;

  useEffect(() => {
    api.listAssessments({ status: ['draft', 'active'] }).then(setRows, (e: unknown) => {
      setRows([]);
      setError(e instanceof ApiError ? e.message : 'The assessments could not be loaded.');
    });
  }, [api]);

  const config = configFor(
    choice,
    rows?.find((r) => r.id === selected),
    inMeeting,
  );
  current.current = config;

  useEffect(() => {
    configurator?.onSave(async () => {
      if (!current.current) throw new Error('Nothing chosen.');
      return current.current;
    });
  }, [configurator]);
  useEffect(() => configurator?.setValid(config !== null), [configurator, config]);

  if (!configurator) {
    return (
      <section className={styles.root}>
        <Title2 as="h1">Tab settings</Title2>
        <Body1 as="p">
          Teams shows this page when the tab is added to a channel or a meeting. Outside Teams there is
          nothing to set.
        </Body1>
      </section>
    );
  }

  return (
    <section className={styles.root} aria-labelledby="config-title">
      <Title2 as="h1" id="config-title">
        {inMeeting ? 'Risk assessment for this meeting' : 'What should this tab show?'}
      </Title2>
      <RadioGroup
        value={choice}
        onChange={(_, d) => setChoice(d.value as Choice)}
        aria-labelledby="config-title"
      >
        {inMeeting ? (
          <>
            <Radio value="assessment" label="Link an assessment to this meeting" />
            <Radio value="later" label="Choose or start one during the meeting" />
          </>
        ) : (
          <>
            <Radio value="dashboard" label="All assessments (the dashboard)" />
            <Radio value="assessment" label="One assessment" />
          </>
        )}
      </RadioGroup>
      {choice === 'assessment' &&
        (rows === null ? (
          <Spinner size="small" label="Loading assessments…" />
        ) : (
          <Field label="Assessment" hint="Open assessments (draft or active), by case reference">
            <Select value={selected} onChange={(_, d) => setSelected(d.value)}>
              <option value="">Choose…</option>
              {rows.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.caseRef}
                  {r.yearGroup ? ` (${r.yearGroup})` : ''}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Body1 as="p">
        The tab’s name shows only the case reference, never a child’s name: everyone who can see the tab sees
        its name.
      </Body1>
    </section>
  );
}

export default ConfigPage;
