import { VerticalBarChart } from '@fluentui/react-charts';
import type { TrendsResponse } from '../api/api-client';

type Table = TrendsResponse['tables'][number];

/**
 * One table as a bar chart. Its own chunk (loaded only by the trends view), so the dashboard never
 * downloads the charting library. Colours come from the Fluent theme the tab runs in (Teams light,
 * dark or high contrast); the table beside it carries the same numbers for every reader.
 */
export default function TrendChart({ table }: { table: Table }) {
  const data = table.rows
    .filter((r) => typeof r.count === 'number')
    .map((r) => ({ x: r.label, y: r.count as number, legend: r.label }));
  return (
    <VerticalBarChart
      data={data}
      chartTitle={table.title}
      hideLegend
      height={260}
      barWidth="auto"
      maxBarWidth={40}
      wrapXAxisLables
    />
  );
}
