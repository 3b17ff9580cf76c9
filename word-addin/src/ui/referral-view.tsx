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
  listJoin,
  participantRoleWords,
  referralCaseSchema,
  referralPlainText,
  type ChecklistItem,
  type ChecklistStatus,
  type ReferralCase,
  type ReferralDraft,
} from '../../../core/referral/index.js';
import type { LibraryClause } from '../api/api-types.js';
import { referralDocumentBlocks } from '../word/document-blocks.js';
import { ApiError, type CaseSummary } from '../api/api-client.js';
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
  { status: 'missing', heading: 'Missing from the case or the plan' },
  { status: 'to-add', heading: 'Add in the document' },
  { status: 'present', heading: 'Filled in from the case and the plan' },
];

/** What the draft left out of the record, counted, with the reason: the pane never leaves it unsaid. */
function LeftOutList({ draft }: { draft: ReferralDraft }) {
  const styles = useStyles();
  return (
    <div className={styles.column}>
      <Subtitle2 as="h3">Left out of this draft</Subtitle2>
      {draft.leftOut.length === 0 ? (
        <Caption1>Nothing from the case or the plan was left out or replaced.</Caption1>
      ) : (
        <ul className={styles.list} aria-label="Left out of this draft">
          {draft.leftOut.map((item) => (
            <li key={item.statement} className={styles.item}>
              <Caption1>{item.statement}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

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

/** A child of the case with a plan, as the picker shows them: pseudonym and role, never a name. */
function childOption(p: ReferralCase['participants'][number]): string {
  return `${p.label}: ${listJoin(p.roles.map((r) => participantRoleWords[r]))}`;
}

export function ReferralView(props: {
  library: readonly LibraryClause[];
  profile: SchoolProfile;
  services: PaneServices;
}) {
  const { library, profile, services } = props;
  const styles = useStyles();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [needsTeam, setNeedsTeam] = useState(false);
  const [chosenCase, setChosenCase] = useState('');
  const [kase, setKase] = useState<ReferralCase | null>(null);
  const [chosenChild, setChosenChild] = useState('');
  const [draft, setDraft] = useState<ReferralDraft | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const loadList = useCallback(() => {
    setListError(null);
    setNeedsTeam(false);
    services.api
      .listCases(['open'])
      .then(setCases)
      .catch((error: unknown) => {
        // A user in more than one safeguarding team says which one's records to use.
        if (error instanceof ApiError && error.code === 'TEAM_REQUIRED') setNeedsTeam(true);
        else setListError(accessMessage(error));
      });
  }, [services.api]);

  useEffect(loadList, [loadList]);

  async function chooseCase(id: string) {
    setChosenCase(id);
    setKase(null);
    setChosenChild('');
    setDraft(null);
    setStatus(null);
    if (!id) return;
    setLoading('Loading the case…');
    try {
      const { record } = await services.api.getCase(id);
      // Checked with the case's own schemas: the builder gets typed values or nothing.
      setKase(referralCaseSchema.parse(record));
    } catch (error) {
      setStatus({ intent: 'error', text: accessMessage(error) });
    } finally {
      setLoading(null);
    }
  }

  async function chooseChild(assessmentId: string) {
    setChosenChild(assessmentId);
    setDraft(null);
    setStatus(null);
    if (!assessmentId || !kase) return;
    setLoading('Loading the child’s plan…');
    try {
      const [{ record: assessment }, template] = await Promise.all([
        services.api.getAssessment(assessmentId),
        services.api.riskTemplate(),
      ]);
      // Only the draft is kept; the plan itself is not held once the draft is built.
      setDraft(
        buildReferral({
          assessment,
          case: kase,
          clauses: library.filter((c) => c.kind === 'referral'),
          profile,
          today: services.today(),
          labels: contentLabels(template),
        }),
      );
    } catch (error) {
      setStatus({ intent: 'error', text: accessMessage(error) });
    } finally {
      setLoading(null);
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
        Drafts the sections of a multi-agency referral about one child of a case, from the case and that
        child’s plan. Other children appear only as “another child”. You check, complete and send it: the
        decision to refer is yours.
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
      {!cases && !listError && !needsTeam && <Spinner size="tiny" label="Loading cases…" />}
      {cases && (
        <Field label="Case" hint={cases.length === 0 ? 'No open cases yet.' : undefined}>
          <Select value={chosenCase} onChange={(_e, data) => void chooseCase(data.value)}>
            <option value="">Choose a case…</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.caseRef}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {kase && (
        <Field
          label="The child the referral is about"
          hint={
            kase.participants.some((p) => p.assessmentId)
              ? 'The referral is built from this child’s own plan.'
              : 'No child in this case has a plan yet: start one in the tab.'
          }
        >
          <Select value={chosenChild} onChange={(_e, data) => void chooseChild(data.value)}>
            <option value="">Choose a child…</option>
            {kase.participants
              .filter((p) => p.assessmentId)
              .map((p) => (
                <option key={p.childId} value={p.assessmentId}>
                  {childOption(p)}
                </option>
              ))}
          </Select>
        </Field>
      )}
      {loading && <Spinner size="tiny" label={loading} />}
      {draft && (
        <>
          <MessageBar intent={missing ? 'warning' : 'success'}>
            <MessageBarBody>
              {missing
                ? `${missing} ${missing === 1 ? 'thing is' : 'things are'} missing from the case or the plan. They are highlighted in the draft.`
                : 'Everything the case and the plan can supply is there. Complete the highlighted gaps in the document.'}
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
          <LeftOutList draft={draft} />
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
