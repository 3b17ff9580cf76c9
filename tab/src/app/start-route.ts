import { meetingLink, type HostContext } from '../host/host';
import { isAssessmentId, parseRoute, routePath, type Route } from './router';

/**
 * The sub-page id (Teams' subEntityId) that names a view of the tab: the view's route without its
 * leading slash (`cases/<id>`, `assessments/<id>/agenda/<step>`). Ids only, never child data.
 */
export function subPageIdOf(route: Route): string {
  return routePath(route).replace(/^\//, '');
}

/**
 * The view a sub-page id names: a plan (a bare id, as bot cards link to plans), a case, a plan at a
 * section, or a plan's agenda at a step; nothing for anything else.
 */
export function routeOfSubPage(subPageId: string | undefined): Route | undefined {
  if (!subPageId) return undefined;
  if (isAssessmentId(subPageId)) return { name: 'assessment', id: subPageId.toLowerCase() };
  const route = parseRoute(`/${subPageId}`);
  if (route.name !== 'assessment' && route.name !== 'case') return undefined;
  return { ...route, id: route.id.toLowerCase() };
}

const isAgenda = (route: Route | undefined): route is Extract<Route, { name: 'assessment' }> =>
  route?.name === 'assessment' && route.agenda === true;

/**
 * Where Teams opened us decides the first view: the configuration dialog, the meeting side panel,
 * the stage, or a deep link (subEntityId, see `routeOfSubPage`). A meeting tab linked to a case opens
 * it; one linked to a plan before meetings were linked to cases opens that plan's case in the panel
 * (the panel reads the link itself) and that plan on the stage. The side panel keeps a plan's agenda
 * at its step, from its address (the panel reloaded) or from Teams (a link to the step). A plain
 * browser keeps whatever the address says, which is how the bot's local links
 * (`/tab/#/assessments/<id>`) work.
 */
export function startRoute(context: HostContext, hash: string): Route {
  const current = parseRoute(hash);
  const linked = meetingLink(context.entityId);
  const deepLink = routeOfSubPage(context.subPageId);
  switch (context.frame) {
    case 'settings':
    case 'remove':
      return { name: 'config' };
    case 'sidePanel':
      if (isAgenda(current)) return current;
      if (isAgenda(deepLink)) return deepLink;
      if (current.name === 'meeting' && current.id) return current;
      return linked?.kind === 'case' ? { name: 'meeting', id: linked.id } : { name: 'meeting' };
    case 'meetingStage':
      if (current.name === 'stage' || !linked) return current;
      return linked.kind === 'case'
        ? { name: 'stage', id: linked.id, of: 'case' }
        : { name: 'stage', id: linked.id };
    default:
      return deepLink ?? current;
  }
}
