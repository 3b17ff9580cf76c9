import {
  fillVariables,
  missingVariables,
  profileVariables,
  schoolProfileSchema,
  variablePlaceholders,
  variablesIn,
} from '../../../core/index.js';

describe('fillVariables', () => {
  it('fills each variable from the school profile', () => {
    expect(
      fillVariables('{{schoolName}}: contact {{dslName}} or {{deputyDslNames}}.', {
        schoolName: 'Hillside Academy',
        dslName: 'Ms Khan',
        deputyDslNames: 'Mr Ade and Mrs Lowe',
      }),
    ).toBe('Hillside Academy: contact Ms Khan or Mr Ade and Mrs Lowe.');
  });

  it('shows a visible placeholder for a missing or blank value', () => {
    expect(fillVariables('{{schoolName}} and {{localAuthority}}', { schoolName: '  ' })).toBe(
      '[school name] and [local authority]',
    );
    for (const name of profileVariables) {
      expect(fillVariables(`{{${name}}}`)).toBe(variablePlaceholders[name]);
      expect(variablePlaceholders[name]).toMatch(/^\[.+\]$/);
    }
  });

  it('writes an ISO review date the way a policy shows it, and keeps other text as typed', () => {
    expect(fillVariables('Review by {{reviewDate}}.', { reviewDate: '2026-09-01' })).toBe('Review by 1 September 2026.');
    expect(fillVariables('{{reviewDate}}', { reviewDate: 'Autumn term 2026' })).toBe('Autumn term 2026');
  });

  it('tolerates spaces inside the braces and leaves unknown names for a reviewer to see', () => {
    expect(fillVariables('{{ schoolName }}', { schoolName: 'Hillside' })).toBe('Hillside');
    expect(fillVariables('{{childName}}', { schoolName: 'Hillside' })).toBe('{{childName}}');
  });

  it('does not treat a value as a pattern', () => {
    expect(fillVariables('{{schoolName}}', { schoolName: "St Mary's $& {{dslName}}" })).toBe(
      "St Mary's $& {{dslName}}",
    );
  });

  it('lists the variables a text uses and those the profile still lacks', () => {
    const text = '{{schoolName}} {{dslName}} {{schoolName}}';
    expect(variablesIn(text)).toEqual(['schoolName', 'dslName']);
    expect(missingVariables(text, { schoolName: 'Hillside' })).toEqual(['dslName']);
  });
});

describe('schoolProfileSchema', () => {
  it('accepts the school’s details and rejects any other field (a child’s details never belong here)', () => {
    expect(schoolProfileSchema.parse({ schoolName: ' Hillside ' })).toEqual({ schoolName: 'Hillside' });
    expect(schoolProfileSchema.safeParse({ childName: 'x' }).success).toBe(false);
    expect(schoolProfileSchema.safeParse({ dslName: 'x'.repeat(201) }).success).toBe(false);
  });
});
