import {
  Badge,
  Body1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
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
import { useEffect, useMemo, useState } from 'react';
import { roleLabels } from '../../../core/documents/labels';
import type { ApiClient, CaseSummary, SummaryRow } from '../api/api-client';
import { ApiError } from '../api/api-client';
import { planKindLabels } from '../cases/labels';
import { RiskBadge, StatusBadge } from '../ui/badges';
import { formatDate } from '../ui/format';
import {
  caseStatusesFor,
  defaultFilters,
  filterCases,
  filterRows,
  queryFor,
  type DashboardFilters,
} from './filters';
import { NewAssessmentDialog } from './new-assessment-dialog';
import { NewCaseDialog } from './new-case-dialog';
import { RecordsReminders } from '../records/records-reminders';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  overdueRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  overdue: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  summary: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export type DashboardView = 'cases' | 'children';

export interface DashboardProps {
  api: ApiClient;
  onOpen: (id: string, caseRef: string) => void;
  onOpenCase?: (id: string) => void;
  onOpenChild?: (id: string) => void;
  /** Opens the trends view (counts over a period, and the governors' report). */
  onOpenTrends?: () => void;
  /** Opens "My actions": the strategies and measures the signed-in member of staff owns. */
  onOpenActions?: () => void;
  /** Opens local mode's outbox of notifications (absent outside local mode). */
  onOpenOutbox?: () => void;
  /** Which list shows first: the cases, or each child's plans. */
  initialView?: DashboardView;
  /** Shown when the dashboard picks an assessment for a meeting rather than opening it. */
  pickLabel?: string;
}

type Load =
  | { state: 'loading' }
  | { state: 'ready'; rows: SummaryRow[] }
  | { state: 'cases'; cases: CaseSummary[] }
  | { state: 'failed'; error: ApiError };

export function Dashboard({
  api,
  onOpen,
  onOpenCase,
  onOpenChild,
  onOpenTrends,
  onOpenActions,
  onOpenOutbox,
  initialView = 'cases',
  pickLabel,
}: DashboardProps) {
  const styles = useStyles();
  // Picking a plan for a meeting needs the plans, so that view alone is offered there.
  const [view, setView] = useState<DashboardView>(pickLabel ? 'children' : initialView);
  const [filters, setFilters] = useState<DashboardFilters>(defaultFilters);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const query = useMemo(() => queryFor(filters), [filters.status, filters.review]);
  const caseStatuses = useMemo(() => caseStatusesFor(filters), [filters.status]);

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    const pending: Promise<Load> =
      view === 'cases'
        ? api.listCases(caseStatuses).then((cases) => ({ state: 'cases', cases }))
        : api.listAssessments(query).then((rows) => ({ state: 'ready', rows }));
    pending.then(
      (loaded) => live && setLoad(loaded),
      (error: unknown) =>
        live &&
        setLoad({
          state: 'failed',
          error:
            error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', 'The list could not be loaded.'),
        }),
    );
    return () => {
      live = false;
    };
  }, [api, view, caseStatuses, query, attempt]);

  const rows = load.state === 'ready' ? filterRows(load.rows, filters) : [];
  const cases = load.state === 'cases' ? filterCases(load.cases, filters) : [];
  const nothingYet =
    (load.state === 'ready' && load.rows.length === 0) || (load.state === 'cases' && load.cases.length === 0);
  const overdue = load.state === 'ready' ? load.rows.filter((r) => r.overdue).length : 0;
  const set = <K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section className={styles.root} aria-labelledby="dashboard-title">
      <div className={styles.header}>
        <Title2 as="h1" id="dashboard-title">
          {view === 'cases' ? 'Cases' : 'Plans by child'}
        </Title2>
        <div className={styles.actions}>
          {onOpenActions && (
            <Link as="button" onClick={onOpenActions}>
              My actions
            </Link>
          )}
          {onOpenOutbox && (
            <Link as="button" onClick={onOpenOutbox}>
              Outbox
            </Link>
          )}
          {onOpenTrends && (
            <Link as="button" onClick={onOpenTrends}>
              Trends and the governors’ report
            </Link>
          )}
          {onOpenCase && <NewCaseDialog api={api} onCreated={(id) => onOpenCase(id)} />}
          <NewAssessmentDialog api={api} onCreated={onOpen} />
        </div>
      </div>

      {!pickLabel && <RecordsReminders api={api} />}

      {!pickLabel && (
        <TabList
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as DashboardView)}
          aria-label="Show"
        >
          <Tab value="cases">By case</Tab>
          <Tab value="children">By child</Tab>
        </TabList>
      )}

      <div className={styles.filters} role="search" aria-label="Filter assessments">
        <Field label="Status">
          <Select
            value={filters.status}
            onChange={(_, d) => set('status', d.value as DashboardFilters['status'])}
          >
            <option value="open">{view === 'cases' ? 'Open' : 'Open (draft and active)'}</option>
            {view === 'children' && <option value="draft">Draft</option>}
            {view === 'children' && <option value="active">Active</option>}
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </Select>
        </Field>
        {view === 'children' && (
          <>
            <Field label="Review">
              <Select
                value={filters.review}
                onChange={(_, d) => set('review', d.value as DashboardFilters['review'])}
              >
                <option value="any">Any date</option>
                <option value="overdue">Overdue</option>
                <option value="due14">Due within 14 days</option>
              </Select>
            </Field>
            <Field label="Overall risk">
              <Select
                value={filters.risk}
                onChange={(_, d) => set('risk', d.value as DashboardFilters['risk'])}
              >
                <option value="any">Any</option>
                <option value="high">High</option>
                <option value="medium">Medium</option>
                <option value="low">Low</option>
              </Select>
            </Field>
          </>
        )}
        <Field label="Find">
          <Input
            type="search"
            value={filters.text}
            placeholder={view === 'cases' ? 'Case reference' : 'Case reference or name'}
            onChange={(_, d) => set('text', d.value)}
          />
        </Field>
      </div>

      {load.state === 'loading' && (
        <Spinner size="small" label={view === 'cases' ? 'Loading cases…' : 'Loading assessments…'} />
      )}
      {nothingYet && (
        <div className={styles.empty} role="status">
          <Body1 as="p">
            <strong>
              {filters.status === 'closed'
                ? `No closed ${view === 'cases' ? 'cases' : 'plans'}.`
                : view === 'cases'
                  ? 'No open cases.'
                  : 'No plans here yet.'}
            </strong>
          </Body1>
          <Body1 as="p">
            Start with <strong>New case</strong> when a concern about harmful sexual behaviour is reported:
            add the children involved, find them by name and year group, and say what part each had. Then
            record the incidents, the decision and each child’s plan from the case page. For one child’s risk
            assessment on its own, use <strong>New assessment</strong>.
          </Body1>
        </div>
      )}
      {load.state === 'cases' && !nothingYet && (
        <>
          <Body1 className={styles.summary} role="status">
            {cases.length === 1 ? '1 case' : `${cases.length} cases`}
          </Body1>
          {cases.length > 0 && (
            <Table aria-label="Cases" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Case</TableHeaderCell>
                  <TableHeaderCell>Children</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Last changed</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {cases.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <Link as="button" onClick={() => onOpenCase?.(c.id)}>
                        {c.caseRef}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {c.participants
                        .map((p) => `${p.label} (${p.roles.map((r) => roleLabels[r]).join(', ')})`)
                        .join('; ')}
                    </TableCell>
                    <TableCell>{c.status === 'open' ? 'Open' : 'Closed'}</TableCell>
                    <TableCell>{formatDate(c.updatedAt.slice(0, 10))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {cases.length === 0 && (
            <Body1>
              No cases match these filters.{' '}
              <Link as="button" onClick={() => setFilters(defaultFilters)}>
                Show all open cases
              </Link>
            </Body1>
          )}
        </>
      )}
      {load.state === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            {load.error.message}{' '}
            <Link as="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {load.state === 'ready' && !nothingYet && (
        <>
          <Body1 className={styles.summary} role="status">
            {rows.length === 1 ? '1 assessment' : `${rows.length} assessments`}
            {overdue > 0 ? ` · ${overdue} with an overdue review` : ''}
          </Body1>
          {rows.length > 0 && (
            <Table aria-label="Risk assessments" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Case</TableHeaderCell>
                  <TableHeaderCell>Learner</TableHeaderCell>
                  <TableHeaderCell>Plan</TableHeaderCell>
                  <TableHeaderCell>Year</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Overall risk</TableHeaderCell>
                  <TableHeaderCell>Next review</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.id} className={row.overdue ? styles.overdueRow : undefined}>
                    <TableCell>
                      <Link
                        as="button"
                        onClick={() => onOpen(row.id, row.caseRef)}
                        aria-label={pickLabel ? `${pickLabel} ${row.caseRef}` : undefined}
                      >
                        {row.caseRef}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {onOpenChild && row.childId ? (
                        <Link as="button" onClick={() => onOpenChild(row.childId!)}>
                          {row.learnerName}
                        </Link>
                      ) : (
                        row.learnerName
                      )}
                    </TableCell>
                    <TableCell>{planKindLabels[row.kind] ?? planKindLabels['risk-assessment']}</TableCell>
                    <TableCell>{row.yearGroup ?? '—'}</TableCell>
                    <TableCell>
                      <StatusBadge status={row.status} />
                    </TableCell>
                    <TableCell>
                      <RiskBadge level={row.overallRisk} />
                    </TableCell>
                    <TableCell>
                      <span className={styles.overdue}>
                        {formatDate(row.nextDue)}
                        {row.overdue && (
                          <Badge appearance="filled" color="danger">
                            Overdue
                          </Badge>
                        )}
                      </span>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {rows.length === 0 && <Body1>No assessments match these filters.</Body1>}
        </>
      )}
    </section>
  );
}

export default Dashboard;
