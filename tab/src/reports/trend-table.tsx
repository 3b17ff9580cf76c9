import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { TrendsResponse } from '../api/api-client';
import { countText } from '../../../core/reports/types';

type Table = TrendsResponse['tables'][number];

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    minWidth: '320px',
    color: tokens.colorNeutralForeground1,
  },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXS,
  },
  cell: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold },
});

const unitHeading: Record<Table['unit'], string> = {
  cases: 'Cases',
  incidents: 'Incidents',
  involvements: 'Children (once per case)',
  children: 'Children',
  referrals: 'Referrals',
};

/**
 * The numbers behind a chart, as a real table: a caption, column and row headers with their scope,
 * so a screen reader announces each count with what it counts. Withheld counts say so in words.
 */
export function TrendTable({ table }: { table: Table }) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{table.title}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            Group
          </th>
          <th scope="col" className={mergeClasses(styles.cell, styles.number)}>
            {unitHeading[table.unit]}
          </th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className={styles.cell}>
              {row.label}
            </th>
            <td className={mergeClasses(styles.cell, styles.number)}>{countText(row.count)}</td>
          </tr>
        ))}
        {table.partition && table.total !== undefined && (
          <tr className={styles.total}>
            <th scope="row" className={styles.cell}>
              Total
            </th>
            <td className={mergeClasses(styles.cell, styles.number)}>{countText(table.total)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
