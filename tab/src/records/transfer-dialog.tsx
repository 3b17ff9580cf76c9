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
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { planKindLabels } from '../cases/labels';
import { dateInZone } from '../../../core/dates';
import { transferMethodLabels, transferMethods, type TransferMethod } from '../../../core/records/transfer';
import { ApiError, type ApiClient, type TransferSentResponse } from '../api/api-client';
import { DateField } from '../ui/date-field';
import { saveFile, saveJson } from '../ui/save-file';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Today in England: between midnight and 1 a.m. in summer, UTC is still on yesterday. */
export function today(): string {
  return dateInZone(new Date());
}

/**
 * Records that the child-protection file has gone to the child's new school, then offers the child's
 * own file to send: each plan as a document for the child's file, and the same record as JSON. Who
 * sent it is the signed-in person; the form does not ask.
 */
export function TransferDialog({
  api,
  childId,
  open,
  onClose,
}: {
  api: ApiClient;
  childId: string;
  open: boolean;
  onClose: (changed: boolean) => void;
}) {
  const styles = useStyles();
  const [school, setSchool] = useState('');
  const [sentOn, setSentOn] = useState(today());
  const [method, setMethod] = useState<TransferMethod>('secure-transfer-service');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<TransferSentResponse>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setSent(
        await api.sendTransfer(childId, {
          receivingSchool: school.trim(),
          sentOn,
          method,
          ...(method === 'other' && detail.trim() ? { methodDetail: detail.trim() } : {}),
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The transfer could not be recorded.');
    } finally {
      setBusy(false);
    }
  };

  const download = async (href: string, fileName: string) => {
    try {
      saveFile(await api.download(href), fileName);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The file could not be downloaded.');
    }
  };

  const exportJson = async () => {
    try {
      saveJson(await api.childExport(childId), 'child-protection-file.json');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The file could not be downloaded.');
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose(sent !== undefined)}>
      <DialogSurface aria-describedby="transfer-help">
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>Transfer the child-protection file</DialogTitle>
            <DialogContent className={styles.stack}>
              <Body1 as="p" id="transfer-help">
                Send the file to the new school within five school days, separately from the main pupil file,
                and ask them to confirm that it arrived.
              </Body1>
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              {sent ? (
                <>
                  <MessageBar intent="success">
                    <MessageBarBody>
                      Transfer recorded. Download the child’s own file to send; other children appear in it as
                      “another child”.
                    </MessageBarBody>
                  </MessageBar>
                  <ul className={styles.list} aria-label="The child’s own file">
                    {sent.documents.map((d) => (
                      <li key={d.assessmentId}>
                        <Link as="button" onClick={() => void download(d.href, `${d.caseRef}-file.docx`)}>
                          {planKindLabels[d.kind]} ({d.caseRef}), Word document
                        </Link>
                      </li>
                    ))}
                    <li>
                      <Link as="button" onClick={() => void exportJson()}>
                        The whole record, machine-readable (JSON)
                      </Link>
                    </li>
                  </ul>
                </>
              ) : (
                <>
                  <Field label="Receiving school" required>
                    <Input value={school} onChange={(_e, d) => setSchool(d.value)} maxLength={200} />
                  </Field>
                  <DateField
                    label="Date sent"
                    required
                    value={sentOn}
                    max={today()}
                    onChange={(v) => setSentOn(v ?? '')}
                  />
                  <Field label="How it was sent" required>
                    <RadioGroup value={method} onChange={(_e, d) => setMethod(d.value as TransferMethod)}>
                      {transferMethods.map((m) => (
                        <Radio key={m} value={m} label={transferMethodLabels[m]} />
                      ))}
                    </RadioGroup>
                  </Field>
                  {method === 'other' && (
                    <Field label="Say how" required hint="Never by a parent or carer.">
                      <Input value={detail} onChange={(_e, d) => setDetail(d.value)} maxLength={200} />
                    </Field>
                  )}
                </>
              )}
            </DialogContent>
            <DialogActions>
              {!sent && (
                <Button appearance="primary" type="submit" disabled={busy || !school.trim() || !sentOn}>
                  Record the transfer
                </Button>
              )}
              <Button onClick={() => onClose(sent !== undefined)}>{sent ? 'Done' : 'Cancel'}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
