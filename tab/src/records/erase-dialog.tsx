import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../api/api-client';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** What the DSL types to confirm: the year group when known, never the child's name. */
export function confirmationWord(yearGroup: string | undefined): string {
  return yearGroup?.trim() || 'ERASE';
}

/**
 * Retention erasure: only the DSL may do it (the server decides), it cannot be undone, and the reason
 * is kept in the line the erasure leaves, so the form asks for no name in it.
 */
export function EraseDialog({
  api,
  childId,
  yearGroup,
  open,
  onClose,
  onErased,
}: {
  api: ApiClient;
  childId: string;
  yearGroup: string | undefined;
  open: boolean;
  onClose: () => void;
  onErased: () => void;
}) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const word = confirmationWord(yearGroup);
  const confirmed = typed.trim().toLowerCase() === word.toLowerCase();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.eraseChild(childId, reason.trim());
      onErased();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The record could not be erased.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="erase-warning">
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>Erase this child’s records</DialogTitle>
            <DialogContent className={styles.stack}>
              <MessageBar intent="warning" id="erase-warning">
                <MessageBarBody>
                  This removes the child’s record, their plans, their chronology and their generated documents
                  from every store, and cannot be undone. Cases go on for the other children, with this child
                  shown as “another child”. Only the designated safeguarding lead can do this.
                </MessageBarBody>
              </MessageBar>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <Field
                label="Why the record is being erased"
                hint="This is kept after the erasure. Do not write the child’s name: any name found is removed."
                required
              >
                <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={2000} />
              </Field>
              <Field label={`To confirm, type “${word}”`} required>
                <Input value={typed} onChange={(_e, d) => setTyped(d.value)} autoComplete="off" />
              </Field>
              <Body1 as="p">Keep the review decision in your records policy’s log as well.</Body1>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || !confirmed || !reason.trim()}>
                Erase permanently
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
