/**
 * office.js comes from Microsoft's CDN (add-ins may not bundle it). It is added once the page has
 * loaded, and given a time limit, so a slow or blocked CDN (a plain browser offline, a school
 * firewall) never holds up the pane or its load event: the pane simply stays in preview mode.
 */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export type OfficeLoad =
  | { status: 'ready'; office: typeof Office; host: Office.HostType | null }
  | { status: 'unavailable'; reason: 'load-failed' | 'timeout' };

export function loadOffice(
  doc: Document,
  win: Window & { Office?: typeof Office },
  timeoutMs: number,
): Promise<OfficeLoad> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: OfficeLoad) => {
      if (settled) return;
      settled = true;
      win.clearTimeout(timer);
      resolve(outcome);
    };
    const timer = win.setTimeout(() => settle({ status: 'unavailable', reason: 'timeout' }), timeoutMs);
    const onLoaded = () => {
      const office = win.Office;
      if (!office?.onReady) {
        settle({ status: 'unavailable', reason: 'load-failed' });
        return;
      }
      office
        .onReady()
        .then((info) => settle({ status: 'ready', office, host: info.host ?? null }))
        .catch(() => settle({ status: 'unavailable', reason: 'load-failed' }));
    };
    if (win.Office?.onReady) {
      onLoaded();
      return;
    }
    const inject = () => {
      const script = doc.createElement('script');
      script.src = OFFICE_JS_URL;
      script.async = true;
      script.addEventListener('load', onLoaded);
      script.addEventListener('error', () => settle({ status: 'unavailable', reason: 'load-failed' }));
      doc.head.appendChild(script);
    };
    if (doc.readyState === 'complete') inject();
    else win.addEventListener('load', inject, { once: true });
  });
}
