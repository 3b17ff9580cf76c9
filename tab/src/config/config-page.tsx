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
import { ApiError, type ApiClient } from '../api/api-client';
import { ASSESSMENT_ENTITY_PREFIX, caseEntityId, meetingLink, type Host, type TabConfig } from '../host/host';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    maxWidth: '560px',
  },
});

/** A channel tab shows the dashboard or one plan; a meeting tab is linked to a case, now or later. */
type Choice = 'dashboard' | 'assessment' | 'case' | 'later';

/** What the page offers to choose from: plans for a channel tab, open cases for a meeting. */
interface Option {
  id: string;
  caseRef: string;
  yearGroup?: string | null;
}

/**
 * What the tab instance shows, chosen when it is added (Teams' configuration dialog). In a meeting
 * the chosen case is the meeting's linked case: the link lives in the tab's entity id (`case:<id>`),
 * so no meeting data is stored with the record. The tab's name is the case reference at most:
 * everyone in the channel or meeting sees it.
 */
export function configFor(choice: Choice, row: Option | undefined): TabConfig | null {
  if (choice === 'dashboard')
    return { entityId: 'dashboard', route: '/', suggestedDisplayName: 'HSB assessments' };
  if (choice === 'later')
    return { entityId: 'meeting', route: '/meeting', suggestedDisplayName: 'HSB assessment' };
  if (!row) return null;
  if (choice === 'case') {
    return { entityId: caseEntityId(row.id), route: '/meeting', suggestedDisplayName: row.caseRef };
  }
  return {
    entityId: `${ASSESSMENT_ENTITY_PREFIX}${row.id}`,
    route: `/assessments/${row.id}`,
    suggestedDisplayName: row.caseRef,
  };
}

export function ConfigPage({ api, host }: { api: ApiClient; host: Host }) {
  const styles = useStyles();
  const inMeeting = !!host.context.meetingId;
  const [choice, setChoice] = useState<Choice>(inMeeting ? 'case' : 'dashboard');
  const [rows, setRows] = useState<Option[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string>(meetingLink(host.context.entityId)?.id ?? '');
  const current = useRef<TabConfig | null>(null);
  const { configurator } = host;

  useEffect(() => {
    const options: Promise<Option[]> = inMeeting
      ? api.listCases(['open'])
      : api.listAssessments({ status: ['draft', 'active'] });
    options.then(setRows, (e: unknown) => {
      setRows([]);
      setError(e instanceof ApiError ? e.message : 'The list could not be loaded.');
    });
  }, [api, inMeeting]);

  const config = configFor(
    choice,
    rows?.find((r) => r.id === selected),
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
        {inMeeting ? 'Case for this meeting' : 'What should this tab show?'}
      </Title2>
      <RadioGroup
        value={choice}
        onChange={(_, d) => setChoice(d.value as Choice)}
        aria-labelledby="config-title"
      >
        {inMeeting ? (
          <>
            <Radio value="case" label="Link a case to this meeting" />
            <Radio value="later" label="Choose or start one during the meeting" />
          </>
        ) : (
          <>
            <Radio value="dashboard" label="All assessments (the dashboard)" />
            <Radio value="assessment" label="One assessment" />
          </>
        )}
      </RadioGroup>
      {(choice === 'assessment' || choice === 'case') &&
        (rows === null ? (
          <Spinner size="small" label={choice === 'case' ? 'Loading cases…' : 'Loading assessments…'} />
        ) : (
          <Field
            label={choice === 'case' ? 'Case' : 'Assessment'}
            hint={
              choice === 'case'
                ? 'Open cases, by case reference'
                : 'Open assessments (draft or active), by case reference'
            }
          >
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
