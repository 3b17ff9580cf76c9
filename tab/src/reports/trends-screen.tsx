import {
  Body1,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  Textarea,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Component, Suspense, lazy, useCallback, useMemo, useState, type ReactNode } from 'react';
import { ApiError, type ApiClient, type TrendsResponse } from '../api/api-client';
import { useLoad } from '../cases/use-load';
import { navigate } from '../app/router';
import { academicYearRange } from '../../../core/reports/calendar';
import { countText } from '../../../core/reports/types';
import { TrendTable } from './trend-table';
import { DateField } from '../ui/date-field';
import { saveFile } from '../ui/save-file';

// The charting library (and d3 under it) is its own chunk, fetched only when this view draws a chart.
const TrendChart = lazy(() => import('./trend-chart'));

type Audience = 'dsl' | 'governors';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(340px, 100%), 1fr))',
    gap: tokens.spacingVerticalXL,
  },
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    overflowX: 'auto',
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  shrink: { minWidth: 0, maxWidth: '100%' },
  tabs: { flexWrap: 'wrap' },
});

/** When a chart cannot load (a blocked chunk, an old browser), the table beside it still tells all. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <Body1>The chart could not be drawn; the table has the same numbers.</Body1>
    ) : (
      this.props.children
    );
  }
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** This academic year and the two before it, newest first. */
function academicYears(now: string) {
  const first = academicYearRange(now);
  return [0, 1, 2].map((back) => {
    const start = Number(first.from.slice(0, 4)) - back;
    return {
      label: `${start}/${String((start + 1) % 100).padStart(2, '0')} (1 September to 31 August)`,
      from: `${start}-09-01`,
      to: `${start + 1}-08-31`,
    };
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface TrendsScreenProps {
  api: ApiClient;
  /** Today's date, for the academic-year choices (tests fix it). */
  now?: string;
  /** Where the downloaded governors' report goes (the browser's download by default). */
  onDownload?: (file: Blob, name: string) => void;
}

export default function TrendsScreen({ api, now = today(), onDownload = saveFile }: TrendsScreenProps) {
  const styles = useStyles();
  const years = useMemo(() => academicYears(now), [now]);
  const [range, setRange] = useState({ from: years[0]!.from, to: years[0]!.to });
  const [draft, setDraft] = useState(range);
  const [audience, setAudience] = useState<Audience>('dsl');
  const load = useCallback(() => api.reportTrends({ ...range, audience }), [api, range, audience]);
  const [loaded, reload] = useLoad(load, 'The trends could not be loaded.');

  const chooseYear = (value: string) => {
    const year = years.find((y) => y.from === value);
    if (!year) return;
    setDraft({ from: year.from, to: year.to });
    setRange({ from: year.from, to: year.to });
  };
  const applyDates = () => {
    if (ISO_DATE.test(draft.from) && ISO_DATE.test(draft.to)) setRange({ ...draft });
  };

  return (
    <section className={styles.root} aria-labelledby="trends-title">
      <div>
        <Link href="#/" onClick={() => navigate({ name: 'dashboard' })}>
          Back to the cases
        </Link>
        <Title2 as="h1" id="trends-title" block>
          Trends
        </Title2>
        <Body1>
          Counts of what the safeguarding team recorded: where, when and what happened, who was involved, and
          how the school responded. The designated safeguarding lead reads what they mean.
        </Body1>
      </div>

      <form
        className={styles.filters}
        aria-label="Period"
        onSubmit={(e) => {
          e.preventDefault();
          applyDates();
        }}
      >
        <Field label="Academic year" className={styles.shrink}>
          <Select
            className={styles.shrink}
            value={years.find((y) => y.from === range.from && y.to === range.to)?.from ?? ''}
            onChange={(_, d) => chooseYear(d.value)}
          >
            <option value="">Dates below</option>
            {years.map((y) => (
              <option key={y.from} value={y.from}>
                {y.label}
              </option>
            ))}
          </Select>
        </Field>
        <DateField
          label="From"
          value={draft.from}
          onChange={(v) => setDraft((r) => ({ ...r, from: v ?? '' }))}
        />
        <DateField label="To" value={draft.to} onChange={(v) => setDraft((r) => ({ ...r, to: v ?? '' }))} />
        <Button type="submit">Show these dates</Button>
      </form>

      <TabList
        className={styles.tabs}
        selectedValue={audience}
        onTabSelect={(_, d) => setAudience(d.value as Audience)}
      >
        <Tab value="dsl">Safeguarding team</Tab>
        <Tab value="governors">Governors’ preview</Tab>
      </TabList>

      {loaded.state === 'loading' && <Spinner size="small" label="Counting…" />}
      {loaded.state === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            {loaded.error.message}{' '}
            <Link as="button" onClick={reload}>
              Try again
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded.state === 'ready' && <Report report={loaded.value} api={api} onDownload={onDownload} />}
    </section>
  );
}

function Report({
  report,
  api,
  onDownload,
}: {
  report: TrendsResponse;
  api: ApiClient;
  onDownload: (file: Blob, name: string) => void;
}) {
  const styles = useStyles();
  const governors = report.audience === 'governors';
  return (
    <>
      <div>
        <Title3 as="h2">{governors ? 'What the governing board will see' : 'In this period'}</Title3>
        <ul className={styles.list} aria-label="Totals">
          <li>Cases opened: {countText(report.headline.cases)}</li>
          <li>Incidents recorded: {countText(report.headline.incidents)}</li>
          <li>Children involved: {countText(report.headline.children)}</li>
          {report.timings?.map((t) => (
            <li key={t.id}>
              {t.title}: {t.medianDays === null ? 'none yet' : `${t.medianDays} (over ${t.cases} cases)`}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <Title3 as="h2">What changed</Title3>
        <ul className={styles.list}>
          {report.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      {governors && <GovernorsExport report={report} api={api} onDownload={onDownload} />}
      <div className={styles.grid}>
        {report.tables.map((table) => (
          <figure key={table.id} className={styles.figure} aria-label={table.title}>
            {!governors && (
              <ChartBoundary>
                <Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
                  <TrendChart table={table} />
                </Suspense>
              </ChartBoundary>
            )}
            <TrendTable table={table} />
          </figure>
        ))}
      </div>
      <div>
        <Title3 as="h2">How to read these counts</Title3>
        <ul className={styles.list}>
          {report.notes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </>
  );
}

function GovernorsExport({
  report,
  api,
  onDownload,
}: {
  report: TrendsResponse;
  api: ApiClient;
  onDownload: (file: Blob, name: string) => void;
}) {
  const styles = useStyles();
  const [commentary, setCommentary] = useState('');
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const download = async () => {
    setState({ busy: true });
    try {
      const file = await api.governorsReport({
        from: report.range.from,
        to: report.range.to,
        ...(commentary.trim() ? { commentary } : {}),
      });
      onDownload(
        file,
        `governors-report-${report.range.from.slice(0, 7)}-to-${report.range.to.slice(0, 7)}.docx`,
      );
      setState({ busy: false });
    } catch (error) {
      setState({
        busy: false,
        error: error instanceof ApiError ? error.message : 'The report could not be made.',
      });
    }
  };
  return (
    <div>
      <Field
        label="Your commentary for the governing board"
        hint="Counts only go to governors: write without children’s names or case references."
        validationState={state.error ? 'error' : 'none'}
        validationMessage={state.error}
      >
        <Textarea value={commentary} onChange={(_, d) => setCommentary(d.value)} resize="vertical" rows={5} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={state.busy} onClick={() => void download()}>
          Download governors’ report
        </Button>
        {state.busy && <Spinner size="tiny" label="Making the report…" />}
      </div>
    </div>
  );
}
