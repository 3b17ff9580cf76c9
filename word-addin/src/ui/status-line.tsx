import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export interface Status {
  intent: 'success' | 'error' | 'warning' | 'info';
  text: string;
}

/** The result of the last action, announced to screen readers. */
export function StatusLine({ status }: { status: Status | null }) {
  return (
    <div role="status" aria-live="polite">
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
