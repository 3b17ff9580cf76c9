import type { Request, Response } from 'restify';

/**
 * Hosts allowed to frame the Teams tab (Microsoft's tab requirements: Teams, the Microsoft 365 app and
 * Outlook, which are moving to *.cloud.microsoft; keep the old names while both are in use).
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office365.com',
] as const;

/**
 * Hosts allowed to frame the Word task pane. frame-ancestors checks every ancestor: Word on the web
 * runs in *.officeapps.live.com inside the document's SharePoint or OneDrive page (*.sharepoint.com)
 * or the Microsoft 365 shell. Word on Windows and Mac loads the pane as a top-level page, unaffected.
 */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.sharepoint.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
] as const;

function policy(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

const FRONT_END = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Fluent UI v9 (Griffel) writes its styles into <style> elements at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Office.js must be loaded from Microsoft's CDN (add-ins may not bundle it), and loads its parts from there. */
const OFFICE_JS = 'https://appsforoffice.microsoft.com';

/**
 * Where MSAL, in the sign-in windows (/tab/auth-start, /word/sign-in.html) and in the pane's preview
 * mode, reads Entra's metadata and redeems its authorisation code (a single-page app with PKCE calls
 * Entra's token endpoint). Sign-in itself happens in a window or pop-up on Entra's own pages, and
 * nested app authentication goes through the host, so no Entra frame is ever needed.
 */
const ENTRA_LOGIN = 'https://login.microsoftonline.com';

export const TAB_CSP = policy({
  ...FRONT_END,
  'connect-src': ["'self'", ENTRA_LOGIN],
  'frame-ancestors': ["'self'", ...TEAMS_FRAME_ANCESTORS],
});
export const WORD_CSP = policy({
  ...FRONT_END,
  'script-src': ["'self'", OFFICE_JS],
  'connect-src': ["'self'", OFFICE_JS, ENTRA_LOGIN],
  'frame-ancestors': ["'self'", ...OFFICE_FRAME_ANCESTORS],
});
/** The API and everything else return data, never pages: nothing may frame or run from them. */
export const API_CSP = policy({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Headers for every response, set before routing so errors and unknown addresses get them too. Only
 * the two front ends may be cached or framed; every other answer (API data, errors) is `no-store`,
 * so no shared or browser cache keeps a child's record.
 */
export function applySecurityHeaders(req: Request, res: Response): void {
  const path = (req.url ?? '/').split('?')[0]!;
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'no-referrer');
  if (isUnder(path, '/tab')) {
    res.header('Content-Security-Policy', TAB_CSP);
  } else if (isUnder(path, '/word')) {
    res.header('Content-Security-Policy', WORD_CSP);
  } else {
    res.header('Content-Security-Policy', API_CSP);
    res.header('X-Frame-Options', 'DENY');
    res.header('Cache-Control', 'no-store');
  }
}
