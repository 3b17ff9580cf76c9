import { TAB_CSP, WORD_CSP } from '../../bot/src/http/security-headers.js';
import { OFFICE_JS_URL } from '../../word-addin/src/office/load-office.js';

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

describe('the task pane’s Content-Security-Policy', () => {
  it('lets the pane load office.js from Microsoft’s CDN and nothing else from elsewhere', () => {
    const cdn = new URL(OFFICE_JS_URL).origin;
    expect(directive(WORD_CSP, 'script-src')).toEqual(["'self'", cdn]);
  });

  it('lets MSAL reach Entra’s token endpoint, and nowhere else, with no frame from anywhere', () => {
    expect(directive(WORD_CSP, 'connect-src')).toEqual([
      "'self'",
      'https://appsforoffice.microsoft.com',
      'https://login.microsoftonline.com',
    ]);
    expect(directive(WORD_CSP, 'frame-src')).toEqual([]);
    expect(directive(WORD_CSP, 'default-src')).toEqual(["'self'"]);
  });
});

describe('the tab’s Content-Security-Policy', () => {
  it('lets MSAL in the sign-in window reach Entra and nothing else, and frames nothing', () => {
    expect(directive(TAB_CSP, 'connect-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(directive(TAB_CSP, 'script-src')).toEqual(["'self'"]);
    expect(directive(TAB_CSP, 'frame-src')).toEqual([]);
    expect(directive(TAB_CSP, 'default-src')).toEqual(["'self'"]);
  });
});
