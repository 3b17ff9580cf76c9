import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/api-client';
import { focusSoon } from '../../ui/focus-after';
import { ApiErrorBar } from '../api-error-bar';
import type { Draft } from '../draft';

/**
 * A dialog for a change of status (activate, close, reopen). When `reasonLabel` is given a reason is
 * required, and it goes to the audit trail with the change.
 */
export function StatusDialog({
  trigger,
  title,
  children,
  reasonLabel,
  confirmLabel,
  draft,
  onConfirm,
}: {
  trigger: string;
  title: string;
  children: ReactNode;
  reasonLabel?: string;
  confirmLabel: string;
  draft: Draft;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (reasonLabel && !reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
      setOpen(false);
      // The button that opened the dialog goes with the old status: focus goes to the section's title.
      focusSoon(() => document.getElementById('section-title'));
      setReason('');
      setTried(false);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', 'The change could not be saved.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{trigger}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              {children}
              {reasonLabel && (
                <Field
                  label={reasonLabel}
                  required
                  validationMessage={tried && !reason.trim() ? 'A reason is required.' : undefined}
                >
                  <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
                </Field>
              )}
              {error && <ApiErrorBar error={error} draft={draft} template={null} />}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? 'Saving…' : confirmLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
