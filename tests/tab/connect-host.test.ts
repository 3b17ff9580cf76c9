/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';

const initialize = jest.fn();
jest.doMock('@microsoft/teams-js', () => ({ app: { initialize } }));
const { connectHost, mayBeInTeams } =
  require('../../tab/src/host/connect-host') as typeof import('../../tab/src/host/connect-host');

describe('host detection', () => {
  it('treats a top-level page as a plain browser and never starts teams-js', async () => {
    expect(mayBeInTeams(window)).toBe(false);
    const host = await connectHost(window);
    expect(host.kind).toBe('browser');
    expect(await host.getToken()).toBeUndefined();
    expect(initialize).not.toHaveBeenCalled();
  });

  it('suspects Teams when framed, in a mobile web view, or in a pop-up', () => {
    expect(mayBeInTeams({ self: 1, top: 2 } as unknown as Window)).toBe(true);
    const mobile = { nativeInterface: {} } as unknown as Window;
    Object.assign(mobile, { self: mobile, top: mobile });
    expect(mayBeInTeams(mobile)).toBe(true);
  });
});
