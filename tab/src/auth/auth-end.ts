import { app, authentication } from '@microsoft/teams-js';

/** /tab/auth-end, where Entra returns after the consent page: tells the tab whether consent was given. */
async function end(): Promise<void> {
  await app.initialize();
  const params = new URLSearchParams(window.location.hash.slice(1) || window.location.search.slice(1));
  const error = params.get('error');
  if (error) authentication.notifyFailure(error);
  else if (params.get('code')) authentication.notifySuccess();
  else authentication.notifyFailure('NoResult');
}

export function runAuthEnd(): void {
  end().catch(() => authentication.notifyFailure('ConsentPageFailed'));
}
