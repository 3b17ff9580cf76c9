/** @jest-environment jsdom */
import './support/dom';
import { describe, expect, it } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClient } from '../../tab/src/api/api-client';
import TrendsScreen from '../../tab/src/reports/trends-screen';
import { trendsReport, type TrendCase } from '../../core/index.js';
import { json, scriptedFetch, type Sent } from './support/http';

/** Cases as the server's read model gives them; the answers below are the server's own computation. */
const cases: TrendCase[] = Array.from({ length: 9 }, (_, i) => ({
  reportedOn: `2025-10-${String(i + 1).padStart(2, '0')}`,
  incidents: [{ kinds: ['talk'], context: i < 7 ? 'classroom' : 'corridors', online: false }],
  participants: [{ childId: `c${i}`, roles: ['harmed'], yearGroup: 'Year 8', sex: 'female' }],
  referrals: [],
  firstPlanOn: null,
}));

function docx(): Response {
  return {
    ok: true,
    status: 200,
    headers: { get: () => null },
    blob: async () => new Blob(['PK'], { type: 'application/octet-stream' }),
  } as unknown as Response;
}

function setup(answer?: (sent: Sent) => Response | undefined) {
  const { fetch, sent } = scriptedFetch((req) => {
    const special = answer?.(req);
    if (special) return special;
    if (req.method === 'POST') return docx();
    const url = new URL(req.url, 'http://tab');
    const audience = url.searchParams.get('audience') as 'dsl' | 'governors';
    const range = { from: url.searchParams.get('from')!, to: url.searchParams.get('to')! };
    return json(200, trendsReport(cases, range, { audience, contextLabel: (c) => `Setting ${c}` }));
  });
  const downloads: { file: Blob; name: string }[] = [];
  render(
    <FluentProvider theme={teamsLightTheme}>
      <TrendsScreen
        api={new ApiClient({ getToken: async () => undefined, fetch })}
        now="2026-03-10"
        onDownload={(file, name) => downloads.push({ file, name })}
      />
    </FluentProvider>,
  );
  return { sent, downloads };
}

const table = (caption: string) => screen.findByRole('table', { name: caption });

describe('the trends view', () => {
  it('asks for this academic year and shows each count in a captioned table with row and column headers', async () => {
    const { sent } = setup();
    const context = await table('Incidents, by where they happened');
    expect(sent[0]!.url).toBe('/api/reports/trends?from=2025-09-01&to=2026-08-31&audience=dsl');
    const row = within(context).getByRole('rowheader', { name: 'Setting corridors' }).closest('tr')!;
    expect(within(row).getByRole('cell').textContent).toBe('2');
    expect(
      within(context)
        .getAllByRole('columnheader')
        .map((h) => h.getAttribute('scope')),
    ).toEqual(['col', 'col']);
    expect(screen.getByText('Cases opened: 9')).toBeTruthy();
    expect(screen.getByText(/Cases opened: 9, up 9 from 0/)).toBeTruthy();
  });

  it('keeps every table when a chart cannot be drawn', async () => {
    // jsdom cannot load the charting library's ES modules: the same failure as a blocked chunk.
    setup();
    expect((await screen.findAllByText(/chart could not be drawn/)).length).toBeGreaterThan(0);
    expect((await screen.findAllByRole('table')).length).toBeGreaterThan(20);
  });

  it('previews what governors will see: small counts withheld in words, no charts', async () => {
    const { sent } = setup();
    await table('Incidents, by where they happened');
    await userEvent.click(screen.getByRole('tab', { name: 'Governors’ preview' }));
    await screen.findByText('What the governing board will see');
    expect(sent.at(-1)!.url).toContain('audience=governors');
    const context = await table('Incidents, by where they happened');
    const corridors = within(context).getByRole('rowheader', { name: 'Setting corridors' }).closest('tr')!;
    expect(within(corridors).getByRole('cell').textContent).toBe('fewer than 5, or withheld');
    expect(screen.queryByText('Drawing the chart…')).toBeNull();
    expect(screen.queryByText(/chart could not be drawn/)).toBeNull();
  });

  it('downloads the governors’ report with the DSL’s commentary', async () => {
    const { sent, downloads } = setup();
    await table('Incidents, by where they happened');
    await userEvent.click(screen.getByRole('tab', { name: 'Governors’ preview' }));
    await userEvent.type(
      await screen.findByRole('textbox', { name: /Your commentary/ }),
      'Reports rose after the assembly on respect.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download governors’ report' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.url).toBe('/api/reports/governors');
    expect(post.body).toEqual({
      from: '2025-09-01',
      to: '2026-08-31',
      commentary: 'Reports rose after the assembly on respect.',
    });
    expect(downloads[0]!.name).toBe('governors-report-2025-09-to-2026-08.docx');
  });

  it('shows the server’s refusal of a commentary beside it', async () => {
    setup((req) =>
      req.method === 'POST'
        ? json(400, { error: { code: 'COMMENTARY_NAMES_A_CHILD', message: 'The commentary names a child.' } })
        : undefined,
    );
    await table('Incidents, by where they happened');
    await userEvent.click(screen.getByRole('tab', { name: 'Governors’ preview' }));
    await userEvent.type(await screen.findByRole('textbox', { name: /Your commentary/ }), 'Text');
    await userEvent.click(screen.getByRole('button', { name: 'Download governors’ report' }));
    expect(await screen.findByText('The commentary names a child.')).toBeTruthy();
  });

  it('changes the period by academic year or by dates, from the keyboard too', async () => {
    const { sent } = setup();
    await table('Incidents, by where they happened');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Academic year' }), '2024-09-01');
    await waitFor(() => expect(sent.at(-1)!.url).toContain('from=2024-09-01&to=2025-08-31'));
    // Dates are typed the British way; leaving the box reads the date, and the button applies it.
    const from = screen.getByRole('combobox', { name: 'From' });
    await userEvent.clear(from);
    await userEvent.type(from, '1/1/2026');
    await userEvent.tab();
    expect(from).toHaveProperty('value', '01/01/2026');
    screen.getByRole('button', { name: 'Show these dates' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(sent.at(-1)!.url).toContain('from=2026-01-01&to=2025-08-31'));
  });
});
