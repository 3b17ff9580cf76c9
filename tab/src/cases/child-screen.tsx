import {
  Body1,
  Field,
  Link,
  Select,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { dateInZone } from '../../../core/dates';
import { renderMentions } from '../../../core/privacy/mentions';
import { ANOTHER_CHILD } from '../../../core/privacy/wording';
import type { ApiClient, Child, ChronologyEntry, SummaryRow } from '../api/api-client';
import { LoadFailedScreen } from '../app/auth-screens';
import { navigate } from '../app/router';
import { RiskBadge, StatusBadge } from '../ui/badges';
import { RecordsPanel } from '../records/records-panel';
import { formatDate } from '../ui/format';
import { Facts } from './case-screen';
import { AddChronologyEntry, Chronology } from './chronology';
import { planKindLabels, sexLabels } from './labels';
import { useLoad } from './use-load';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
});

interface ChildView {
  child: Child;
  plans: SummaryRow[];
  chronology: ChronologyEntry[];
}

export function ChildScreen({
  api,
  id,
  today = dateInZone(new Date()),
}: {
  api: ApiClient;
  id: string;
  today?: string;
}) {
  const styles = useStyles();
  const [caseChoice, setCaseChoice] = useState('');
  const [correcting, setCorrecting] = useState<{ id: string; at: number } | null>(null);
  const load = useCallback(async (): Promise<ChildView> => {
    // Plans are listed by status only; this child's are picked out here, so no id goes in a query.
    const [{ record }, chronology, plans] = await Promise.all([
      api.getChild(id),
      api.childChronology(id),
      api.listAssessments(),
    ]);
    return { child: record, chronology, plans: plans.filter((p) => p.childId === id) };
  }, [api, id]);
  const [loaded, reload] = useLoad(load, 'The child’s record could not be opened.');

  if (loaded.state === 'loading') return <Spinner size="small" label="Loading the child’s record…" />;
  if (loaded.state === 'failed') {
    return (
      <LoadFailedScreen
        title="The child’s record could not be opened"
        message={loaded.error.message}
        correlationId={loaded.error.correlationId}
        onRetry={reload}
      />
    );
  }
  const { child, plans, chronology } = loaded.value;
  // The child's cases, from their plans: an entry by hand is always recorded in a case.
  const cases = [...new Map(plans.filter((p) => p.caseId).map((p) => [p.caseId!, p.caseRef])).entries()].map(
    ([caseIdOf, caseRef]) => ({ id: caseIdOf, caseRef }),
  );
  const caseId = cases.some((c) => c.id === caseChoice) ? caseChoice : (cases[0]?.id ?? '');
  // Other children mentioned in this child's chronology are not named on this page.
  const render = (text: string) =>
    renderMentions(text, (mentioned) => (mentioned === id ? child.name : ANOTHER_CHILD));

  return (
    <article className={styles.root} aria-labelledby="child-title">
      <div>
        <Link href="#/" onClick={() => navigate({ name: 'dashboard' })}>
          All cases
        </Link>
        <Title2 as="h1" id="child-title" block>
          {child.name}
        </Title2>
      </div>

      <section className={styles.section} aria-labelledby="child-details">
        <Subtitle1 as="h2" id="child-details">
          Details
        </Subtitle1>
        <Facts
          items={[
            ['Date of birth', child.dateOfBirth && formatDate(child.dateOfBirth)],
            ['Year group', child.yearGroup],
            ['Sex', child.sex && sexLabels[child.sex]],
            ['Special educational needs and disabilities', child.send && render(child.send)],
            ['Vulnerabilities', child.vulnerabilities && render(child.vulnerabilities)],
            ['Key adult', child.keyAdult],
            [
              'Keep the record until',
              child.retainUntil
                ? formatDate(child.retainUntil)
                : 'Not known until the date of birth is recorded',
            ],
          ]}
        />
      </section>

      <section className={styles.section} aria-labelledby="child-plans">
        <Subtitle1 as="h2" id="child-plans">
          Plans
        </Subtitle1>
        {plans.length === 0 ? (
          <Body1 as="p">No open plan. Start one from the child’s case.</Body1>
        ) : (
          <Table aria-label="Plans" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Plan</TableHeaderCell>
                <TableHeaderCell>Case</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Overall risk</TableHeaderCell>
                <TableHeaderCell>Next review</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plans.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <Link as="button" onClick={() => navigate({ name: 'assessment', id: p.id })}>
                      {planKindLabels[p.kind]}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {p.caseId ? (
                      <Link as="button" onClick={() => navigate({ name: 'case', id: p.caseId! })}>
                        {p.caseRef}
                      </Link>
                    ) : (
                      p.caseRef
                    )}
                  </TableCell>
                  <TableCell>
                    <StatusBadge status={p.status} />
                  </TableCell>
                  <TableCell>
                    <RiskBadge level={p.overallRisk} />
                  </TableCell>
                  <TableCell>{formatDate(p.nextDue)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <RecordsPanel api={api} child={child} onChanged={reload} />

      <section className={styles.section} aria-labelledby="child-chronology">
        <Subtitle1 as="h2" id="child-chronology">
          Chronology
        </Subtitle1>
        <Chronology
          entries={chronology}
          render={render}
          onCorrect={
            cases.length > 0
              ? (e) => {
                  if (e.caseId) setCaseChoice(e.caseId);
                  setCorrecting({ id: e.id, at: Date.now() });
                }
              : undefined
          }
        />
        {cases.length > 0 && (
          <>
            <Subtitle1 as="h2">Add an entry</Subtitle1>
            <Field label="Case">
              <Select value={caseId} onChange={(_, d) => setCaseChoice(d.value)}>
                {cases.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.caseRef}
                  </option>
                ))}
              </Select>
            </Field>
            <AddChronologyEntry
              // An entry is written in one case; a correction points at an entry of that case.
              entries={chronology.filter((e) => e.caseId === caseId)}
              render={render}
              children={[]}
              today={today}
              correcting={correcting}
              add={async (body) => {
                await api.addCaseChronology(caseId, { ...body, childId: id });
                reload();
              }}
            />
          </>
        )}
      </section>
    </article>
  );
}

export default ChildScreen;
