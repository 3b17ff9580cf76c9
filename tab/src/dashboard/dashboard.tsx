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
import type { ApiClient, SummaryRow } from '../api/api-client';
import { ApiError } from '../api/api-client';
import { RiskBadge, StatusBadge } from '../ui/badges';
import { formatDate } from '../ui/format';
import { defaultFilters, filterRows, queryFor, type DashboardFilters } from './filters';
import { NewAssessmentDialog } from './new-assessment-dialog';

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
});

export interface DashboardProps {
  api: ApiClient;
  onOpen: (id: string, caseRef: string) => void;
  /** Shown when the dashboard picks an assessment for a meeting rather than opening it. */
  pickLabel?: string;
}

type Load =
  { state: 'loading' } | { state: 'ready'; rows: SummaryRow[] } | { state: 'failed'; error: ApiError };

export function Dashboard({ api, onOpen, pickLabel }: DashboardProps) {
  const styles = useStyles();
  const [filters, setFilters] = useState<DashboardFilters>(defaultFilters);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const query = useMemo(() => queryFor(filters), [filters.status, filters.review]);

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    api.listAssessments(query).then(
      (rows) => live && setLoad({ state: 'ready', rows }),
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
  }, [api, query, attempt]);

  const rows = load.state === 'ready' ? filterRows(load.rows, filters) : [];
  const overdue = load.state === 'ready' ? load.rows.filter((r) => r.overdue).length : 0;
  const set = <K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section className={styles.root} aria-labelledby="dashboard-title">
      <div className={styles.header}>
        <Title2 as="h1" id="dashboard-title">
          Risk assessments
        </Title2>
        <NewAssessmentDialog api={api} onCreated={onOpen} />
      </div>

      <div className={styles.filters} role="search" aria-label="Filter assessments">
        <Field label="Status">
          <Select
            value={filters.status}
            onChange={(_, d) => set('status', d.value as DashboardFilters['status'])}
          >
            <option value="open">Open (draft and active)</option>
            <option value="draft">Draft</option>
            <option value="active">Active</option>
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </Select>
        </Field>
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
          <Select value={filters.risk} onChange={(_, d) => set('risk', d.value as DashboardFilters['risk'])}>
            <option value="any">Any</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </Select>
        </Field>
        <Field label="Find">
          <Input
            type="search"
            value={filters.text}
            placeholder="Case reference or name"
            onChange={(_, d) => set('text', d.value)}
          />
        </Field>
      </div>

      {load.state === 'loading' && <Spinner size="small" label="Loading assessments…" />}
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
      {load.state === 'ready' && (
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
                    <TableCell>{row.learnerName}</TableCell>
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
