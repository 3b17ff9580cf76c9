import { meetingLink, type HostContext } from '../host/host';
import { isAssessmentId, parseRoute, type Route } from './router';

/**
 * Where Teams opened us decides the first view: the configuration dialog, the meeting side panel,
 * the stage, or a deep link from a bot card (subEntityId = an assessment id, or `cases/<case id>`). A meeting tab linked to
 * a case opens it; one linked to a plan before meetings were linked to cases opens that plan's case
 * in the panel (the panel reads the link itself) and that plan on the stage. A plain browser keeps
 * whatever the address says, which is how the bot's local links (`/tab/#/assessments/<id>`) work.
 */
export function startRoute(context: HostContext, hash: string): Route {
  const current = parseRoute(hash);
  const linked = meetingLink(context.entityId);
  switch (context.frame) {
    case 'settings':
    case 'remove':
      return { name: 'config' };
    case 'sidePanel':
      if (current.name === 'meeting' && current.id) return current;
      return linked?.kind === 'case' ? { name: 'meeting', id: linked.id } : { name: 'meeting' };
    case 'meetingStage':
      if (current.name === 'stage' || !linked) return current;
      return linked.kind === 'case'
        ? { name: 'stage', id: linked.id, of: 'case' }
        : { name: 'stage', id: linked.id };
    default: {
      // A bot card's link to a case names it as `cases/<id>`; the id is a server-made UUID.
      const caseId = context.subPageId?.startsWith('cases/') ? context.subPageId.slice(6) : undefined;
      if (isAssessmentId(caseId)) return { name: 'case', id: caseId.toLowerCase() };
      if (isAssessmentId(context.subPageId))
        return { name: 'assessment', id: context.subPageId.toLowerCase() };
      return current;
    }
  }
}
