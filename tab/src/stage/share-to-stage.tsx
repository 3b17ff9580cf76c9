import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { routePath } from '../app/router';
import type { MeetingParticipant, StageSharing } from '../host/host';

/** Names the people outside the school who will see the stage, when the host can tell who is there. */
export function audienceWarning(participants: readonly MeetingParticipant[] | null): string {
  const base =
    'Everyone in this meeting will see it on the shared stage, including guests and people from outside your organisation';
  const outside = (participants ?? []).filter((p) => p.kind !== 'member').map((p) => p.displayName);
  if (outside.length === 0) return `${base}.`;
  const names =
    outside.length === 1
      ? outside[0]!
      : `${outside.slice(0, -1).join(', ')} and ${outside[outside.length - 1]!}`;
  return `${base}. Guests and external people here now: ${names}.`;
}

/** What goes on the stage: the plan being discussed (with its case), or the case alone. */
export interface StageTarget {
  of: 'plan' | 'case';
  id: string;
}

/**
 * "Share to stage", offered only to people Teams lets share (organisers and presenters), and only
 * after a confirmation that says plainly who will see it.
 */
export function ShareToStage({ stage, target }: { stage: StageSharing; target: StageTarget }) {
  const [allowed, setAllowed] = useState(false);
  const [open, setOpen] = useState(false);
  const [participants, setParticipants] = useState<MeetingParticipant[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    stage.canShare().then(
      (can) => live && setAllowed(can),
      () => live && setAllowed(false),
    );
    return () => {
      live = false;
    };
  }, [stage]);

  if (!allowed) return null;

  const openDialog = async () => {
    setError(null);
    setOpen(true);
    setParticipants(await stage.participants().catch(() => null));
  };

  const share = async () => {
    setBusy(true);
    try {
      await stage.share(
        routePath(
          target.of === 'case'
            ? { name: 'stage', id: target.id, of: 'case' }
            : { name: 'stage', id: target.id },
        ),
      );
      setOpen(false);
    } catch {
      setError('Teams could not share to the stage. Check that you are a presenter and try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button onClick={openDialog}>Share to stage</Button>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogSurface aria-describedby="share-warning">
          <DialogBody>
            <DialogTitle>
              {target.of === 'case'
                ? 'Share the case to the meeting stage?'
                : 'Share the plan to the meeting stage?'}
            </DialogTitle>
            <DialogContent>
              <p id="share-warning">
                <strong>{audienceWarning(participants)}</strong>
              </p>
              <p>
                The stage shows the case reference and each child by the case’s label (“Child A”) with their
                part in the case. For a risk assessment it adds the contexts, the strategies, who owns them
                and the ways forward decided; for a support plan only the adjustments and the arrangements for
                contact with the other child. It never shows a child’s name, what happened, or anyone’s views
                and wishes.
              </p>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button appearance="primary" onClick={share} disabled={busy}>
                Share to everyone
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
