import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { checkStatus, type CheckableItem } from '../../../core/content/check-status';

const useStyles = makeStyles({
  status: { display: 'block', marginBlock: tokens.spacingVerticalXS },
  unchecked: { color: tokens.colorPaletteMarigoldForeground2 },
  note: { marginBlockStart: tokens.spacingVerticalXXS },
});

/**
 * Whether a guidance panel's text was checked against the official edition it follows. An unchecked
 * panel says so, with what is still to check behind a disclosure, so staff never read it as settled.
 */
export function CheckStatusNote({ item }: { item: CheckableItem }) {
  const styles = useStyles();
  const status = checkStatus(item);
  return (
    <div className={styles.status} data-check-status={status.checked ? 'checked' : 'unchecked'}>
      <Caption1 className={status.checked ? undefined : styles.unchecked}>{status.label}</Caption1>
      {status.note && (
        <details className={styles.note}>
          <summary>
            <Caption1>What is still to check</Caption1>
          </summary>
          <Caption1>{status.note}</Caption1>
        </details>
      )}
    </div>
  );
}
