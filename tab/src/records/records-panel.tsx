import {
  Badge,
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { receiptOverdue, transferMethodLabels } from '../../../core/records/transfer';
import { ApiError, type ApiClient, type Child, type TransferResponse } from '../api/api-client';
import { navigate } from '../app/router';
import { formatDate } from '../ui/format';
import { DateField } from '../ui/date-field';
import { EraseDialog } from './erase-dialog';
import { ReceiptDialog } from './receipt-dialog';
import { saveJson } from '../ui/save-file';
import { today, TransferDialog } from './transfer-dialog';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

/** Asks for the date of birth the retention date is worked out from, and saves it on the child. */
function DateOfBirthPrompt({
  api,
  childId,
  onSaved,
}: {
  api: ApiClient;
  childId: string;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const [dob, setDob] = useState('');
  const [error, setError] = useState<string>();
  const save = async () => {
    setError(undefined);
    try {
      const current = await api.getChild(childId);
      await api.replaceChild(childId, { ...current.record, dateOfBirth: dob }, current.etag);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The date of birth could not be saved.');
    }
  };
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <Body1 as="p">
          The date of birth is not recorded. Child-protection records are kept until the child’s 25th birthday
          and then reviewed, so that date cannot be worked out without it.
        </Body1>
        {error && <Body1 as="p">{error}</Body1>}
        <div className={styles.row}>
          <DateField label="Date of birth" value={dob} max={today()} onChange={(v) => setDob(v ?? '')} />
          <Button onClick={() => void save()} disabled={!dob}>
            Save the date of birth
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The child's whole record on their page: the child-protection file transfer and its receipt, the
 * subject access export and the retention erasure. The server decides who may do each; the buttons
 * are shown to the whole team.
 */
export function RecordsPanel({
  api,
  child,
  onChanged,
}: {
  api: ApiClient;
  child: Child;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const [transferring, setTransferring] = useState(false);
  const [receipt, setReceipt] = useState<TransferResponse>();
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<string>();
  const transfers = child.transfers ?? [];
  const now = today();

  const exportRecord = async () => {
    setError(undefined);
    try {
      saveJson(await api.childExport(child.id), 'subject-access-record.json');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The record could not be exported.');
    }
  };

  return (
    <section className={styles.section} aria-labelledby="child-records">
      <Subtitle1 as="h2" id="child-records">
        File transfer, subject access and retention
      </Subtitle1>
      {!child.dateOfBirth && <DateOfBirthPrompt api={api} childId={child.id} onSaved={onChanged} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {transfers.length > 0 && (
        <Table aria-label="Child-protection file transfers" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Receiving school</TableHeaderCell>
              <TableHeaderCell>Sent</TableHeaderCell>
              <TableHeaderCell>How</TableHeaderCell>
              <TableHeaderCell>Sent by</TableHeaderCell>
              <TableHeaderCell>Receipt</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {transfers.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{t.receivingSchool}</TableCell>
                <TableCell>{formatDate(t.sentOn)}</TableCell>
                <TableCell>{transferMethodLabels[t.method]}</TableCell>
                <TableCell>{t.sentBy}</TableCell>
                <TableCell>
                  {t.receivedOn ? (
                    `Confirmed ${formatDate(t.receivedOn)} by ${t.confirmedBy ?? ''}`
                  ) : (
                    <span className={styles.row}>
                      {receiptOverdue(t, now) && (
                        <Badge color="danger" appearance="tint">
                          No receipt after five school days
                        </Badge>
                      )}
                      <Button size="small" onClick={() => setReceipt(t)}>
                        Record receipt
                      </Button>
                    </span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div className={styles.actions}>
        <Button onClick={() => setTransferring(true)}>Transfer the child-protection file</Button>
        <Button onClick={() => void exportRecord()}>Export for a subject access request</Button>
        <Button onClick={() => setErasing(true)}>Erase (retention)</Button>
      </div>
      <Body1 as="p">
        {child.retainUntil
          ? `Retention review due ${formatDate(child.retainUntil)} (date of birth + 25 years).`
          : 'Retention date not known until the date of birth is recorded.'}
      </Body1>

      {transferring && (
        <TransferDialog
          api={api}
          childId={child.id}
          open
          onClose={(changed) => {
            setTransferring(false);
            if (changed) onChanged();
          }}
        />
      )}
      <ReceiptDialog
        api={api}
        childId={child.id}
        transfer={receipt}
        onClose={(changed) => {
          setReceipt(undefined);
          if (changed) onChanged();
        }}
      />
      {erasing && (
        <EraseDialog
          api={api}
          childId={child.id}
          yearGroup={child.yearGroup}
          open
          onClose={() => setErasing(false)}
          onErased={() => navigate({ name: 'retention' })}
        />
      )}
    </section>
  );
}
