import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { contentLabels } from '../../../core/content/labels.js';
import type { SchoolProfile } from '../../../core/content/school-profile.js';
import {
  buildReferral,
  leftOutStatement,
  referralPlainText,
  type ChecklistItem,
  type ChecklistStatus,
  type ReferralDraft,
} from '../../../core/referral/index.js';
import type { AssessmentList, LibraryClause } from '../api/api-types.js';
import { referralDocumentBlocks } from '../word/document-blocks.js';
import { ApiError } from '../api/api-client.js';
import { accessMessage } from './access-message.js';
import type { PaneServices } from './pane-services.js';
import { StatusLine, type Status } from './status-line.js';
import { TeamPicker } from './team-picker.js';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    padding: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
  },
  missing: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorder2}`,
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
  },
  toAdd: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}` },
  present: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteGreenBorder2}` },
  section: { fontSize: tokens.fontSizeBase200 },
  gap: { backgroundColor: tokens.colorPaletteYellowBackground2 },
});

const GROUPS: { status: ChecklistStatus; heading: string }[] = [
  { status: 'missing', heading: 'Missing from the assessment' },
  { status: 'to-add', heading: 'Add in the document' },
  { status: 'present', heading: 'Filled in from the assessment' },
];

function Checklist({ items }: { items: readonly ChecklistItem[] }) {
  const styles = useStyles();
  const className = { missing: styles.missing, 'to-add': styles.toAdd, present: styles.present };
  return (
    <>
      {GROUPS.map(({ status, heading }) => {
        const group = items.filter((i) => i.status === status);
        if (group.length === 0) return null;
        return (
          <div key={status} className={styles.column}>
            <Subtitle2 as="h3">
              {heading} ({group.length})
            </Subtitle2>
            <ul className={styles.list} aria-label={heading}>
              {group.map((item) => (
                <li key={item.id} className={`${styles.item} ${className[status]}`} data-status={status}>
                  <Body1>{item.label}</Body1>
                  {status !== 'present' && <Caption1>{item.hint}</Caption1>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

type Summaries = AssessmentList['items'];

export function ReferralView(props: {
  library: readonly LibraryClause[];
  profile: SchoolProfile;
  services: PaneServices;
}) {
  const { library, profile, services } = props;
  const styles = useStyles();
  const [summaries, setSummaries] = useState<Summaries | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [needsTeam, setNeedsTeam] = useState(false);
  const [chosen, setChosen] = useState('');
  const [draft, setDraft] = useState<ReferralDraft | null>(null);
  const [loading, setLoading] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const loadList = useCallback(() => {
    setListError(null);
    setNeedsTeam(false);
    services.api
      .listAssessments()
      .then((items) => setSummaries(items.filter((a) => a.status !== 'closed')))
      .catch((error: unknown) => {
        // A user in more than one safeguarding team says which one's records to use.
        if (error instanceof ApiError && error.code === 'TEAM_REQUIRED') setNeedsTeam(true);
        else setListError(accessMessage(error));
      });
  }, [services.api]);

  useEffect(loadList, [loadList]);

  async function choose(id: string) {
    setChosen(id);
    setDraft(null);
    setStatus(null);
    if (!id) return;
    setLoading(true);
    try {
      const [{ record: assessment }, template] = await Promise.all([
        services.api.getAssessment(id),
        services.api.riskTemplate(),
      ]);
      // Only the draft is kept; the record itself is not held once the draft is built.
      setDraft(
        buildReferral({
          assessment,
          clauses: library.filter((c) => c.kind === 'referral'),
          profile,
          today: services.today(),
          labels: contentLabels(template),
        }),
      );
    } catch (error) {
      setStatus({ intent: 'error', text: accessMessage(error) });
    } finally {
      setLoading(false);
    }
  }

  async function act(action: () => Promise<void>, done: string) {
    setStatus(null);
    try {
      await action();
      setStatus({ intent: 'success', text: done });
    } catch {
      setStatus({ intent: 'error', text: 'That did not work. Click in the document body and try again.' });
    }
  }

  const word = services.word;
  const missing = draft?.checklist.filter((i) => i.status === 'missing').length ?? 0;

  return (
    <section aria-labelledby="referral-heading" className={styles.column}>
      <Subtitle2 as="h2" id="referral-heading">
        Referral to children’s social care
      </Subtitle2>
      <Body1 as="p">
        Drafts the sections of a multi-agency referral from a saved risk assessment. You check, complete and
        send it: the decision to refer is yours.
      </Body1>
      {listError && (
        <MessageBar intent="warning">
          <MessageBarBody>{listError}</MessageBarBody>
          <Button size="small" onClick={loadList}>
            Try again
          </Button>
        </MessageBar>
      )}
      {needsTeam && <TeamPicker services={services} onChosen={loadList} />}
      {!summaries && !listError && !needsTeam && <Spinner size="tiny" label="Loading assessments…" />}
      {summaries && (
        <Field label="Assessment" hint={summaries.length === 0 ? 'No open assessments yet.' : undefined}>
          <Select value={chosen} onChange={(_e, data) => void choose(data.value)}>
            <option value="">Choose an assessment…</option>
            {summaries.map((a) => (
              <option key={a.id} value={a.id}>
                {a.caseRef} · {a.learnerName} ({a.status})
              </option>
            ))}
          </Select>
        </Field>
      )}
      {loading && <Spinner size="tiny" label="Loading the assessment…" />}
      {draft && (
        <>
          <MessageBar intent={missing ? 'warning' : 'success'}>
            <MessageBarBody>
              {missing
                ? `${missing} ${missing === 1 ? 'thing is' : 'things are'} missing from the assessment. They are highlighted in the draft.`
                : 'Everything the assessment can supply is there. Complete the highlighted gaps in the document.'}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={!word}
              onClick={() =>
                word &&
                act(
                  () => word.insertBlocks(referralDocumentBlocks(draft)),
                  `Inserted the referral for ${draft.caseRef}.`,
                )
              }
            >
              Insert referral
            </Button>
            <Button onClick={() => act(() => services.copyText(referralPlainText(draft)), 'Copied.')}>
              Copy referral
            </Button>
          </div>
          {!word && <Caption1>Inserting needs Word; you can copy the draft here.</Caption1>}
          {draft.namesLeftOut > 0 && <Caption1>{leftOutStatement(draft.namesLeftOut)}</Caption1>}
          <Checklist items={draft.checklist} />
          <Subtitle2 as="h3">Draft</Subtitle2>
          {draft.sections.map((s) => (
            <details key={s.block} className={styles.section}>
              <summary>{s.title}</summary>
              {s.paragraphs.map((p, i) => (
                <p key={i}>
                  {p.kind === 'bullet' ? '• ' : ''}
                  {p.runs.map((r, j) =>
                    r.gap ? (
                      <mark key={j} className={styles.gap}>
                        {r.text}
                      </mark>
                    ) : (
                      <span key={j}>{r.text}</span>
                    ),
                  )}
                </p>
              ))}
            </details>
          ))}
        </>
      )}
      <StatusLine status={status} />
    </section>
  );
}
