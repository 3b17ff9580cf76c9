import { WORD_CSP } from '../../bot/src/http/security-headers.js';
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

  it('lets the sign-in page redeem its code at Entra’s token endpoint, and nowhere else', () => {
    expect(directive(WORD_CSP, 'connect-src')).toEqual([
      "'self'",
      'https://appsforoffice.microsoft.com',
      'https://login.microsoftonline.com',
    ]);
  });
});
