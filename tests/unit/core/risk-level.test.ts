import { currentRiskLevel, overallRisk, riskLevel } from '../../../core/index.js';

describe('riskLevel', () => {
  it.each([
    [1, 1, 'low'],
    [1, 2, 'low'],
    [2, 1, 'low'],
    [1, 3, 'medium'],
    [2, 2, 'medium'],
    [3, 1, 'medium'],
    [2, 3, 'high'],
    [3, 2, 'high'],
    [3, 3, 'high'],
  ])('likelihood %i × impact %i is %s', (likelihood, impact, level) => {
    expect(riskLevel(likelihood, impact)).toBe(level);
  });

  it.each([
    [0, 1],
    [4, 1],
    [1, 1.5],
    [Number.NaN, 2],
  ])('refuses scores outside 1–3 (%p, %p)', (likelihood, impact) => {
    expect(() => riskLevel(likelihood, impact)).toThrow(RangeError);
  });
});

describe('currentRiskLevel', () => {
  const strategy = (inPlace: boolean) => ({ id: 's', action: 'a', owner: 'o', inPlace });

  it('uses the level after strategies only when every strategy is in place', () => {
    expect(
      currentRiskLevel({
        levelBefore: 'high',
        levelAfter: 'low',
        strategies: [strategy(true), strategy(true)],
      }),
    ).toBe('low');
    expect(
      currentRiskLevel({
        levelBefore: 'high',
        levelAfter: 'low',
        strategies: [strategy(true), strategy(false)],
      }),
    ).toBe('high');
  });

  it('keeps the level before when there are no strategies or no residual score', () => {
    expect(currentRiskLevel({ levelBefore: 'medium', levelAfter: 'low', strategies: [] })).toBe('medium');
    expect(currentRiskLevel({ levelBefore: 'medium', strategies: [strategy(true)] })).toBe('medium');
  });
});

describe('overallRisk', () => {
  it('is null before any risk is recorded', () => {
    expect(overallRisk([])).toBeNull();
  });

  it('is the highest current level across contexts', () => {
    expect(
      overallRisk([
        { levelBefore: 'low', strategies: [] },
        {
          levelBefore: 'high',
          levelAfter: 'low',
          strategies: [{ id: 's', action: 'a', owner: 'o', inPlace: true }],
        },
        { levelBefore: 'medium', strategies: [] },
      ]),
    ).toBe('medium');
  });
});
