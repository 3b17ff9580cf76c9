/** @jest-environment jsdom */
import './support/dom';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiClient } from '../../tab/src/api/api-client';
import { DocumentsPanel } from '../../tab/src/editor/documents-panel';
import { json, scriptedFetch, type Sent } from './support/http';

const PLAN = '22222222-2222-4222-8222-222222222222';

/** A .docx answer: ApiClient.download reads it as a Blob. */
function docx(): Response {
  return {
    ok: true,
    status: 200,
    headers: { get: () => null },
    blob: async () => new Blob(['PK'], { type: 'application/octet-stream' }),
  } as unknown as Response;
}

let saved: string[];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

function renderPanel(answer: (sent: Sent) => Response) {
  const { fetch, sent } = scriptedFetch(answer);
  render(
    <FluentProvider theme={teamsLightTheme}>
      <DocumentsPanel api={new ApiClient({ fetch })} id={PLAN} caseRef="HSB-2026-4" />
    </FluentProvider>,
  );
  return sent;
}

describe('the plan’s documents, downloaded from the tab', () => {
  it('offers each version with who it is for, and saves the one chosen under the case reference', async () => {
    const sent = renderPanel(() => docx());
    for (const name of [/staff version/, /parents’ version/, /full record/, /child’s own file/]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByText(/never names or describes another child/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: /parents’ version/ }));
    await screen.findByText('Parents’ version downloaded.');
    expect(sent.map((s) => s.url)).toEqual([`/api/assessments/${PLAN}/document?audience=parents`]);
    expect(saved).toEqual(['HSB-2026-4-parents.docx']);
    // Focus moves to the announcement, so a keyboard user hears what happened.
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('status'));
  });

  it('says plainly when the server refuses, and saves nothing', async () => {
    renderPanel(() => json(403, { error: { code: 'FORBIDDEN', message: 'You cannot see this plan.' } }));
    await userEvent.click(screen.getByRole('button', { name: /full record/ }));
    await screen.findByText('You cannot see this plan.');
    expect(saved).toEqual([]);
  });
});
