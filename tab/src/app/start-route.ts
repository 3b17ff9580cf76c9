import { linkedAssessmentId, type HostContext } from '../host/host';
import { isAssessmentId, parseRoute, type Route } from './router';

/**
 * Where Teams opened us decides the first view: the configuration dialog, the meeting side panel,
 * the stage, or a deep link from a bot card (subEntityId = an assessment id). A plain browser keeps
 * whatever the address says, which is how the bot's local links (`/tab/#/assessments/<id>`) work.
 */
export function startRoute(context: HostContext, hash: string): Route {
  const current = parseRoute(hash);
  const linked = linkedAssessmentId(context.entityId);
  switch (context.frame) {
    case 'settings':
    case 'remove':
      return { name: 'config' };
    case 'sidePanel':
      return current.name === 'meeting' && current.id
        ? current
        : linked
          ? { name: 'meeting', id: linked }
          : { name: 'meeting' };
    case 'meetingStage':
      if (current.name === 'stage') return current;
      return linked ? { name: 'stage', id: linked } : current;
    default:
      if (isAssessmentId(context.subPageId))
        return { name: 'assessment', id: context.subPageId.toLowerCase() };
      return current;
  }
}
