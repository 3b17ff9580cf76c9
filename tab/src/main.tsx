import { createRoot } from 'react-dom/client';
import { ApiClient } from './api/api-client';
import { App, preloadRoute } from './app/app';
import { AuthProblems } from './app/auth-problems';
import { navigate, parseRoute } from './app/router';
import { startRoute } from './app/start-route';
import { connectHost } from './host/connect-host';

async function start(): Promise<void> {
  const host = await connectHost();
  navigate(startRoute(host.context, window.location.hash), { replace: true });
  const authProblems = new AuthProblems();
  const teamId = host.context.teamId;
  const api = new ApiClient({
    getToken: (request) => host.getToken(request),
    onAuthProblem: (error) => authProblems.report(error),
    team: () => teamId,
  });
  preloadRoute(parseRoute(window.location.hash), api);
  createRoot(document.getElementById('root')!).render(
    <App host={host} api={api} authProblems={authProblems} />,
  );
}

// The sign-in window's two pages are served by this same index.html (the server answers every
// extension-less path under /tab/ with it), so they are told apart by path before anything renders.
const path = window.location.pathname.replace(/\/+$/, '');
if (path.endsWith('/tab/auth-start')) void import('./auth/auth-start').then((m) => m.runAuthStart());
else if (path.endsWith('/tab/auth-end')) void import('./auth/auth-end').then((m) => m.runAuthEnd());
else void start();
