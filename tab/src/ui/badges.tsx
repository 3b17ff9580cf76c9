import { Badge } from '@fluentui/react-components';
import type { AssessmentStatus, RiskLevel } from '../../../core/assessment/schema';

const riskColour = { high: 'danger', medium: 'warning', low: 'success' } as const;
const riskText = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/** The level is always written out: colour alone never carries meaning. */
export function RiskBadge({ level, prefix }: { level: RiskLevel | null | undefined; prefix?: string }) {
  if (!level) {
    return (
      <Badge appearance="outline" color="informative">
        {prefix ? `${prefix}: ` : ''}Not assessed
      </Badge>
    );
  }
  return (
    <Badge appearance="filled" color={riskColour[level]}>
      {prefix ? `${prefix}: ` : ''}
      {riskText[level]}
    </Badge>
  );
}

export function riskLabel(level: RiskLevel): string {
  return riskText[level];
}

const statusText: Record<AssessmentStatus, string> = { draft: 'Draft', active: 'Active', closed: 'Closed' };
const statusColour = { draft: 'informative', active: 'brand', closed: 'subtle' } as const;

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  return (
    <Badge appearance="tint" color={statusColour[status]}>
      {statusText[status]}
    </Badge>
  );
}
