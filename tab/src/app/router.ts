import { useEffect, useState } from 'react';

/**
 * Hash routes, so that the server's static route serves one index.html and Teams content URLs can
 * point at a view. Routes carry ids only, never child data (DESIGN §6).
 */
export type Route =
  | { name: 'dashboard' }
  /**
   * A plan at a section; with `item`, a strategy or measure to bring into view (My actions links to
   * it); with `agenda`, in meeting mode (`/assessments/<id>/agenda/<step>`) at an agenda step.
   */
  | { name: 'assessment'; id: string; section?: string; item?: string; agenda?: true }
  | { name: 'case'; id: string }
  | { name: 'child'; id: string }
  /** The meeting stage: a plan (`/stage/<plan id>`) or a case with no plan open (`/cases/<id>/stage`). */
  | { name: 'stage'; id: string; of?: 'case' }
  | { name: 'trends' }
  | { name: 'retention' }
  /** The signed-in member of staff's own actions (strategies and measures they own). */
  | { name: 'actions' }
  /** Local mode's outbox: the notifications a school's tenant would have had from Teams. */
  | { name: 'outbox' }
  | { name: 'config' }
  /** The meeting side panel, with the id of the case linked to the meeting. */
  | { name: 'meeting'; id?: string }
  | { name: 'info'; page: InfoPage }
  | { name: 'not-found' };

/** Public pages the Teams manifest links to (developer website, privacy and terms URLs). */
export const infoPages = ['about', 'privacy', 'terms'] as const;
export type InfoPage = (typeof infoPages)[number];

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A list item's id inside a plan (a strategy's, a measure's): what the plan's schema allows. */
const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isAssessmentId(value: string | undefined): value is string {
  return !!value && ID.test(value);
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean);
  const [head, id, section, item] = parts;
  if (parts.length === 0 || (head === 'dashboard' && parts.length === 1)) return { name: 'dashboard' };
  if (parts.length === 1 && (infoPages as readonly string[]).includes(head ?? '')) {
    return { name: 'info', page: head as InfoPage };
  }
  if (head === 'assessments' && isAssessmentId(id) && section === 'agenda' && parts.length <= 4) {
    const step = parts[3];
    return step
      ? { name: 'assessment', id, agenda: true, section: step }
      : { name: 'assessment', id, agenda: true };
  }
  if (head === 'assessments' && isAssessmentId(id) && section && item && parts.length === 4) {
    return ITEM_ID.test(item) ? { name: 'assessment', id, section, item } : { name: 'not-found' };
  }
  if (head === 'assessments' && isAssessmentId(id) && parts.length <= 3) {
    return section ? { name: 'assessment', id, section } : { name: 'assessment', id };
  }
  if (head === 'cases' && isAssessmentId(id) && parts.length === 2) return { name: 'case', id };
  if (head === 'cases' && isAssessmentId(id) && parts.length === 3 && section === 'stage') {
    return { name: 'stage', id, of: 'case' };
  }
  if (head === 'children' && isAssessmentId(id) && parts.length === 2) return { name: 'child', id };
  if (head === 'stage' && isAssessmentId(id) && parts.length === 2) return { name: 'stage', id };
  if (head === 'config' && parts.length === 1) return { name: 'config' };
  if (head === 'trends' && parts.length === 1) return { name: 'trends' };
  if (head === 'retention' && parts.length === 1) return { name: 'retention' };
  if (head === 'actions' && parts.length === 1) return { name: 'actions' };
  if (head === 'outbox' && parts.length === 1) return { name: 'outbox' };
  if (head === 'meeting' && parts.length === 1) return { name: 'meeting' };
  if (head === 'meeting' && isAssessmentId(id) && parts.length === 2) return { name: 'meeting', id };
  return { name: 'not-found' };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '/';
    case 'assessment':
      return `/assessments/${route.id}${route.agenda ? '/agenda' : ''}${route.section ? `/${route.section}` : ''}${
        route.section && route.item && !route.agenda ? `/${route.item}` : ''
      }`;
    case 'case':
      return `/cases/${route.id}`;
    case 'child':
      return `/children/${route.id}`;
    case 'stage':
      return route.of === 'case' ? `/cases/${route.id}/stage` : `/stage/${route.id}`;
    case 'trends':
      return '/trends';
    case 'config':
      return '/config';
    case 'retention':
      return '/retention';
    case 'actions':
      return '/actions';
    case 'outbox':
      return '/outbox';
    case 'meeting':
      return route.id ? `/meeting/${route.id}` : '/meeting';
    case 'info':
      return `/${route.page}`;
    case 'not-found':
      return '/';
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = `#${routePath(route)}`;
  if (window.location.hash === hash) return;
  if (options.replace) {
    window.history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
