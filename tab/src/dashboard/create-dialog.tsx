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
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-client';
import { focusTitleOnArrival } from '../ui/focus-after';

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
  /**
   * Opens the new record: its page replaces this one. Meanwhile a status line in place of the dialog
   * holds focus; the new record's page takes it. A promise that settles with this dialog still shown
   * means the record did not open here (its caller says why): focus goes back to the trigger.
   */
  onCreated: (id: string, caseRef: string) => void | Promise<void>;
  /** What the status line says while the new record opens, e.g. "Opening the new case…". */
  opening: string;
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
  const [opening, setOpening] = useState(false);
  const openingRef = useRef<HTMLSpanElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // In the commit that closes the dialog, so focus never rests on the page's body.
  useLayoutEffect(() => {
    if (opening) openingRef.current?.focus();
  }, [opening]);

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
    if (busy) return;
    setBusy(true);
    setError(null);
    let created: { id: string; caseRef: string };
    try {
      created = await props.create();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : props.failure);
      setBusy(false);
      return;
    }
    setBusy(false);
    setOpen(false);
    setOpening(true);
    reset();
    // The new record's page opens with focus on its title, not on the page's body.
    focusTitleOnArrival();
    const opened = props.onCreated(created.id, created.caseRef);
    if (!(opened instanceof Promise)) return;
    await opened;
    if (mounted.current) {
      setOpening(false);
      triggerRef.current?.focus();
    }
  };

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(_, d) => {
          setOpen(d.open);
          if (!d.open) reset();
        }}
      >
        <DialogTrigger disableButtonEnhancement>
          <Button appearance="primary" ref={triggerRef}>
            {props.trigger}
          </Button>
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
                {/* Still focusable while busy: a disabled button would drop focus to the page. */}
                <Button appearance="primary" type="submit" disabledFocusable={busy}>
                  {busy ? 'Creating…' : props.submitLabel}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {opening && (
        <span ref={openingRef} role="status" tabIndex={-1}>
          {props.opening}
        </span>
      )}
    </>
  );
}
