import {
  Badge,
  Body1,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
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
import { useCallback, useMemo, useState } from 'react';
import type { ChildRole, PlanKind } from '../../../core/assessment/schema';
import { dateInZone } from '../../../core/dates';
import { decisionLabels, hackettLabels, roleLabels } from '../../../core/documents/labels';
import { factorLabels } from '../../../core/referral/labels';
import { ApiError, type ApiClient, type Case, type Child, type ChronologyEntry } from '../api/api-client';
import { LoadFailedScreen } from '../app/auth-screens';
import { navigate } from '../app/router';
import { formatDate } from '../ui/format';
import { AddChronologyEntry, Chronology } from './chronology';
import {
  agencyLabels,
  cscStatusLabels,
  planKindLabels,
  referralStatusLabels,
  specialistLabels,
} from './labels';
import { childrenOf, mentionRenderer } from './mentions';
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
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

interface CaseView {
  record: Case;
  etag: string;
  children: Map<string, Child>;
  chronology: ChronologyEntry[];
}

/** The plan a child's roles call for first: a risk assessment for behaviour shown, otherwise support. */
export function planKindFor(roles: readonly ChildRole[]): PlanKind {
  return roles.includes('displayedHsb') ? 'risk-assessment' : 'support-plan';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function Facts({ items }: { items: readonly [string, string | undefined][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {items.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{value || 'Not recorded'}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface CaseScreenProps {
  api: ApiClient;
  id: string;
  today?: string;
}

export function CaseScreen({ api, id, today = dateInZone(new Date()) }: CaseScreenProps) {
  const styles = useStyles();
  const load = useCallback(async (): Promise<CaseView> => {
    const [{ record, etag }, chronology] = await Promise.all([api.getCase(id), api.caseChronology(id)]);
    const children = await childrenOf((childId) => api.getChild(childId), record.participants);
    return { record, etag, children, chronology };
  }, [api, id]);
  const [loaded, reload] = useLoad(load, 'The case could not be opened.');
  const [starting, setStarting] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);

  const view = loaded.state === 'ready' ? loaded.value : undefined;
  const names = useMemo(
    () => new Map([...(view?.children ?? new Map<string, Child>())].map(([k, c]) => [k, c.name])),
    [view],
  );

  if (loaded.state === 'loading') return <Spinner size="small" label="Loading the case…" />;
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
  const { record, chronology } = loaded.value;
  const render = mentionRenderer(record.participants, names);
  const nameOf = (childId: string) => {
    const p = record.participants.find((x) => x.childId === childId);
    const name = names.get(childId);
    return p ? (name ? `${name} (${p.label})` : p.label) : 'another child';
  };
  const { agencies, decision } = record;

  const startPlan = async (childId: string, kind: PlanKind) => {
    setStarting(childId);
    setStartError(null);
    try {
      const { record: plan } = await api.createAssessment({ caseId: record.id, childId, kind });
      navigate({ name: 'assessment', id: plan.id });
    } catch (e) {
      setStartError(e instanceof ApiError ? e.message : 'The plan could not be started.');
    } finally {
      setStarting(null);
    }
  };

  return (
    <article className={styles.root} aria-labelledby="case-title">
      <div>
        <Link href="#/" onClick={() => navigate({ name: 'dashboard' })}>
          All cases
        </Link>
        <Title2 as="h1" id="case-title" block>
          Case {record.caseRef}{' '}
          <Badge appearance="tint" color={record.status === 'open' ? 'brand' : 'informative'}>
            {record.status === 'open' ? 'Open' : 'Closed'}
          </Badge>
        </Title2>
        {record.summary && <Body1 as="p">{render(record.summary)}</Body1>}
      </div>

      <section className={styles.section} aria-labelledby="case-children">
        <Subtitle1 as="h2" id="case-children">
          Children
        </Subtitle1>
        <Table aria-label="Children in this case" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Label</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Roles</TableHeaderCell>
              <TableHeaderCell>Plan</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {record.participants.map((p) => {
              const child = loaded.value.children.get(p.childId);
              const kind = planKindFor(p.roles);
              return (
                <TableRow key={p.childId}>
                  <TableCell>{p.label}</TableCell>
                  <TableCell>
                    <Link as="button" onClick={() => navigate({ name: 'child', id: p.childId })}>
                      {child ? child.name : `${p.label}’s record`}
                    </Link>
                    {child?.yearGroup ? `, ${child.yearGroup}` : ''}
                  </TableCell>
                  <TableCell>{p.roles.map((r) => roleLabels[r]).join('; ')}</TableCell>
                  <TableCell>
                    {p.assessmentId ? (
                      <Link as="button" onClick={() => navigate({ name: 'assessment', id: p.assessmentId! })}>
                        Open {child ? `${child.name}’s` : `${p.label}’s`} plan
                      </Link>
                    ) : (
                      <Button
                        size="small"
                        disabled={starting !== null}
                        onClick={() => void startPlan(p.childId, kind)}
                      >
                        Start a {planKindLabels[kind].toLowerCase()}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {startError && (
          <MessageBar intent="error">
            <MessageBarBody>{startError}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <section className={styles.section} aria-labelledby="case-incidents">
        <Subtitle1 as="h2" id="case-incidents">
          Incidents
        </Subtitle1>
        {record.incidents.length === 0 ? (
          <Body1 as="p">No incidents are recorded on this case yet.</Body1>
        ) : (
          <ul>
            {record.incidents.map((incident) => {
              const i = incident as {
                id: string;
                date?: string;
                location?: string;
                online?: boolean;
                description?: string;
                hackettLevel?: keyof typeof hackettLabels;
              };
              return (
                <li key={i.id}>
                  <Body1>
                    <strong>{formatDate(i.date)}</strong>
                    {i.location ? `, ${i.location}` : ''}
                    {i.online ? ' (online)' : ''}
                    {i.hackettLevel ? ` · Hackett: ${hackettLabels[i.hackettLevel]}` : ''}
                    {i.description ? ` — ${render(i.description)}` : ''}
                  </Body1>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className={styles.section} aria-labelledby="case-decision">
        <Subtitle1 as="h2" id="case-decision">
          Decision
        </Subtitle1>
        {decision ? (
          <Facts
            items={[
              [
                'Ways forward',
                decision.options.map((o) => decisionLabels[o as keyof typeof decisionLabels]).join('; '),
              ],
              [
                'Factors weighed',
                decision.factors
                  .map((f) => capitalise(factorLabels[f as keyof typeof factorLabels]))
                  .join('; '),
              ],
              ['Why (the DSL’s reasons)', render(decision.rationale)],
            ]}
          />
        ) : (
          <Body1 as="p">
            No decision is recorded yet. The designated safeguarding lead decides the way forward and records
            why.
          </Body1>
        )}
      </section>

      <section className={styles.section} aria-labelledby="case-agencies">
        <Subtitle1 as="h2" id="case-agencies">
          Multi-agency
        </Subtitle1>
        <Facts
          items={[
            ['Children’s social care', cscStatusLabels[agencies.cscStatus]],
            [
              'Social worker',
              agencies.socialWorker
                ? [agencies.socialWorker.name, agencies.socialWorker.team, agencies.socialWorker.contact]
                    .filter(Boolean)
                    .join(', ')
                : undefined,
            ],
            ['Police reference', agencies.police.reference],
            ['Police officer', agencies.police.officer],
            ['Investigation status', agencies.police.investigationStatus],
            ['Bail conditions', agencies.police.bailConditions && render(agencies.police.bailConditions)],
            [
              'Police agreed may be shared',
              agencies.police.agreedSharing.map((s) => `${s.what}, with ${s.with}`).join('; '),
            ],
            ['Specialist assessment', specialistLabels[agencies.specialistAssessment]],
          ]}
        />
        {agencies.referrals.length === 0 ? (
          <Body1 as="p">No referrals are recorded.</Body1>
        ) : (
          <Table aria-label="Referrals" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>To</TableHeaderCell>
                <TableHeaderCell>Made on</TableHeaderCell>
                <TableHeaderCell>Reference</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Outcome</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {agencies.referrals.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{agencyLabels[r.to]}</TableCell>
                  <TableCell>{formatDate(r.on)}</TableCell>
                  <TableCell>{r.reference ?? '—'}</TableCell>
                  <TableCell>{referralStatusLabels[r.status]}</TableCell>
                  <TableCell>
                    {r.outcome ? render(r.outcome) : '—'}
                    {r.outcomeOn ? ` (${formatDate(r.outcomeOn)})` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={styles.section} aria-labelledby="case-chronology">
        <Subtitle1 as="h2" id="case-chronology">
          Chronology
        </Subtitle1>
        <Chronology entries={chronology} render={render} childLabel={nameOf} />
        <Subtitle1 as="h2">Add an entry</Subtitle1>
        <AddChronologyEntry
          entries={chronology}
          render={render}
          children={record.participants.map((p) => ({ id: p.childId, label: nameOf(p.childId) }))}
          today={today}
          add={async (body) => {
            await api.addCaseChronology(record.id, body);
            reload();
          }}
        />
      </section>
    </article>
  );
}

export default CaseScreen;
