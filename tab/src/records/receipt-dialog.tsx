import {
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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../api/api-client';
import { DateField } from '../ui/date-field';
import { today } from './transfer-dialog';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The receiving school has confirmed that the file arrived: when, and who at that school said so. */
export function ReceiptDialog({
  api,
  childId,
  transfer,
  onClose,
}: {
  api: ApiClient;
  childId: string;
  transfer: { id: string; receivingSchool: string; sentOn: string } | undefined;
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const [receivedOn, setReceivedOn] = useState(today());
  const [confirmedBy, setConfirmedBy] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!transfer) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.confirmTransferReceipt(childId, transfer.id, { receivedOn, confirmedBy: confirmedBy.trim() });
      onClose(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The receipt could not be recorded.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={transfer !== undefined} onOpenChange={(_e, d) => !d.open && onClose(false)}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>Record receipt</DialogTitle>
            <DialogContent className={styles.stack}>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <DateField
                label="Date the receiving school confirmed receipt"
                required
                value={receivedOn}
                min={transfer?.sentOn}
                max={today()}
                onChange={(v) => setReceivedOn(v ?? '')}
              />
              <Field label="Confirmed by" hint="Their role at the receiving school, e.g. DSL." required>
                <Input value={confirmedBy} onChange={(_e, d) => setConfirmedBy(d.value)} maxLength={200} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                type="submit"
                disabled={busy || !confirmedBy.trim() || !receivedOn}
              >
                Record receipt
              </Button>
              <Button onClick={() => onClose(false)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
