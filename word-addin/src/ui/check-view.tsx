import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SchoolProfile } from '../../../core/content/school-profile.js';
import type { LibraryClause } from '../api/api-types.js';
import {
  checkClauses,
  UPDATABLE_STATES,
  type CheckReport,
  type ClauseState,
  type ControlFinding,
} from '../check/check-clauses.js';
import { clauseBlock, CLAUSE_TAG_PREFIX } from '../word/document-blocks.js';
import type { BlockUpdate } from '../word/word-document.js';
import type { PaneServices } from './pane-services.js';
import { sectionTitle } from './section-titles.js';
import { StatusLine, type Status } from './status-line.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  summary: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

const STATE_TEXT: Record<
  ClauseState,
  { label: string; color: 'success' | 'warning' | 'danger' | 'informative' }
> = {
  current: { label: 'Up to date', color: 'success' },
  details: { label: 'School details changed', color: 'informative' },
  edited: { label: 'Edited in this document', color: 'warning' },
  outdated: { label: 'Newer version available', color: 'warning' },
  unknown: { label: 'Not in the library', color: 'danger' },
};

function explain(f: ControlFinding): string {
  switch (f.state) {
    case 'outdated':
      return `This is version ${f.version}; the library has version ${f.latestVersion}. Updating replaces the clause text.`;
    case 'details':
      return 'Filled in with other school details. Updating fills it with the current school profile.';
    case 'edited':
      return 'The wording differs from the library. Replacing it discards the changes made in this document.';
    case 'unknown':
      return 'The library has no clause with this tag: it may have been withdrawn. Review it by hand.';
    case 'current':
      return '';
  }
}

export function CheckView(props: {
  library: readonly LibraryClause[];
  profile: SchoolProfile;
  services: PaneServices;
}) {
  const { library, profile, services } = props;
  const styles = useStyles();
  const [report, setReport] = useState<CheckReport | null>(null);
  const [includeEdited, setIncludeEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const word = services.word;
  const byId = new Map(library.map((c) => [c.id, c]));

  if (!word) {
    return (
      <section aria-labelledby="check-heading">
        <Subtitle2 as="h2" id="check-heading" block>
          Check this document
        </Subtitle2>
        <Body1 as="p">
          Checking needs Word: open this add-in in Word to find clauses that are out of date, edited or
          missing.
        </Body1>
      </section>
    );
  }
  const doc = word;

  async function check(): Promise<CheckReport | null> {
    try {
      const next = checkClauses(await doc.readTaggedControls(CLAUSE_TAG_PREFIX), library, profile);
      setReport(next);
      return next;
    } catch {
      setStatus({ intent: 'error', text: 'Word could not read the document. Try again.' });
      return null;
    }
  }

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setStatus(null);
    try {
      await action();
    } catch {
      setStatus({
        intent: 'error',
        text: 'Word could not do that. Click in the document body and try again.',
      });
    } finally {
      setBusy(false);
    }
  }

  async function update(findings: readonly ControlFinding[]) {
    const updates: BlockUpdate[] = findings.flatMap((f) => {
      const clause = f.clauseId ? byId.get(f.clauseId) : undefined;
      return clause ? [{ controlId: f.controlId, block: clauseBlock(clause, profile) }] : [];
    });
    try {
      const n = await doc.replaceBlocks(updates);
      await check();
      setStatus({ intent: 'success', text: n === 1 ? 'Updated 1 clause.' : `Updated ${n} clauses.` });
    } catch {
      await check();
      setStatus({
        intent: 'error',
        text: 'Some clauses could not be updated (one may have been deleted). The check below is fresh.',
      });
    }
  }

  const attention = report?.findings.filter((f) => f.state !== 'current') ?? [];
  const updatable = attention.filter(
    (f) => UPDATABLE_STATES.includes(f.state) || (includeEdited && f.state === 'edited'),
  );
  const editedCount = report?.counts.edited ?? 0;

  async function addSection(section: string) {
    const clauses = library
      .filter((c) => c.kind === 'policy' && c.section === section)
      .sort((a, b) => a.order - b.order);
    await doc.insertBlocks(
      clauses.map((c, i) => clauseBlock(c, profile, i === 0 ? sectionTitle(section) : undefined)),
    );
    await check();
    setStatus({ intent: 'success', text: `Added “${sectionTitle(section)}” at the cursor.` });
  }

  return (
    <section aria-labelledby="check-heading">
      <Subtitle2 as="h2" id="check-heading" block>
        Check this document
      </Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => act(async () => void (await check()))}>
          Check this document
        </Button>
      </div>
      {report && (
        <>
          <div className={styles.summary} aria-label="Summary">
            <Badge color="success" appearance="tint">
              {report.counts.current} up to date
            </Badge>
            {(['outdated', 'edited', 'details', 'unknown'] as const).map(
              (s) =>
                report.counts[s] > 0 && (
                  <Badge key={s} color={STATE_TEXT[s].color} appearance="tint">
                    {report.counts[s]} {STATE_TEXT[s].label.toLowerCase()}
                  </Badge>
                ),
            )}
          </div>
          {report.findings.length === 0 && (
            <Body1 as="p">No HSB clauses found in this document. Insert some from the clause library.</Body1>
          )}
          {attention.length > 0 && (
            <>
              <Subtitle2 as="h3" block>
                Needs attention
              </Subtitle2>
              <ul className={styles.list}>
                {attention.map((f) => (
                  <li key={f.controlId} className={styles.finding}>
                    <Body1>
                      <strong>
                        {f.clauseId ? (byId.get(f.clauseId)?.title ?? f.title) : f.title || f.tag}
                      </strong>
                    </Body1>
                    <Badge color={STATE_TEXT[f.state].color} appearance="outline">
                      {STATE_TEXT[f.state].label}
                    </Badge>
                    <Caption1>{explain(f)}</Caption1>
                    {f.state !== 'unknown' && (
                      <div className={styles.actions}>
                        <Button size="small" disabled={busy} onClick={() => act(() => update([f]))}>
                          {f.state === 'edited' ? 'Replace with library text' : 'Update'}
                        </Button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              <div className={styles.actions}>
                {editedCount > 0 && (
                  <Checkbox
                    checked={includeEdited}
                    onChange={(_e, data) => setIncludeEdited(data.checked === true)}
                    label={`Also replace ${editedCount === 1 ? 'the clause' : `the ${editedCount} clauses`} edited in this document`}
                  />
                )}
                <Button
                  disabled={busy || updatable.length === 0}
                  onClick={() => act(() => update(updatable))}
                >
                  Update all ({updatable.length})
                </Button>
              </div>
            </>
          )}
          {report.missingSections.length > 0 && (
            <>
              <Subtitle2 as="h3" block>
                Policy sections missing
              </Subtitle2>
              <ul className={styles.list}>
                {report.missingSections.map((s) => (
                  <li key={s} className={styles.actions}>
                    <Body1>{sectionTitle(s)}</Body1>
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={`Add ${sectionTitle(s)} at the cursor`}
                      onClick={() => act(() => addSection(s))}
                    >
                      Add at cursor
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <StatusLine status={status} />
    </section>
  );
}
