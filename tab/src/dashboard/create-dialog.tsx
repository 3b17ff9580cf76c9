import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-client';

export interface CreateDialogProps {
  /** The button that opens the dialog. */
  trigger: string;
  title: string;
  /** What the dialog is for, read out with its title. */
  help: ReactNode;
  submitLabel: string;
  /** Shown when creating fails with something other than a coded API error. */
  failure: string;
  /** Why the form cannot be sent yet, or null when it can. */
  problem?: () => string | null;
  create: () => Promise<{ id: string; caseRef: string }>;
  onCreated: (id: string, caseRef: string) => void;
  /** Clears the form: after creating, and when the dialog is closed. */
  onReset: () => void;
  contentClassName?: string;
  children: ReactNode;
}

/**
 * The shell of a dialog that creates a record and opens it: the trigger button, a form that says
 * what it is for, one error message (the API's coded message, never a library's), and a submit
 * button that cannot be pressed twice.
 */
export function CreateDialog(props: CreateDialogProps) {
  const helpId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setError(null);
    props.onReset();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = props.problem?.() ?? null;
    if (problem !== null) {
      setError(problem || null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await props.create();
      setOpen(false);
      reset();
      props.onCreated(created.id, created.caseRef);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : props.failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (!d.open) reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{props.trigger}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={helpId}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={props.contentClassName}>
              <p id={helpId}>{props.help}</p>
              {props.children}
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? 'Creating…' : props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
