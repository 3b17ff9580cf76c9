import type { Risk, RiskLevel } from './schema.js';

/**
 * Likelihood and impact are each scored 1–3 (content/risk-assessment/scales.yaml says what the scores
 * mean). The level is their product: 1–2 low, 3–4 medium, 6–9 high — the H/M/L of the school risk
 * forms this product replaces.
 */
export function riskLevel(likelihood: number, impact: number): RiskLevel {
  if (![likelihood, impact].every((n) => Number.isInteger(n) && n >= 1 && n <= 3)) {
    throw new RangeError('Likelihood and impact are whole numbers from 1 to 3.');
  }
  const score = likelihood * impact;
  if (score <= 2) return 'low';
  if (score <= 4) return 'medium';
  return 'high';
}

const rank: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3 };

export function higherRisk(a: RiskLevel, b: RiskLevel): RiskLevel {
  return rank[a] >= rank[b] ? a : b;
}

type ScoredRisk = Pick<Risk, 'levelBefore' | 'levelAfter' | 'strategies'>;

/**
 * The level that holds today. A strategy that is agreed but not yet in place reduces nothing, so the
 * level after strategies counts only once every strategy of that risk is in place.
 */
export function currentRiskLevel(risk: ScoredRisk): RiskLevel {
  const allInPlace = risk.strategies.length > 0 && risk.strategies.every((s) => s.inPlace);
  return allInPlace && risk.levelAfter ? risk.levelAfter : risk.levelBefore;
}

/** The highest current level across all contexts, or null when no risk has been recorded yet. */
export function overallRisk(risks: readonly ScoredRisk[]): RiskLevel | null {
  return risks.reduce<RiskLevel | null>(
    (acc, r) => (acc === null ? currentRiskLevel(r) : higherRisk(acc, currentRiskLevel(r))),
    null,
  );
}
