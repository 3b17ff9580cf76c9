import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ApiError } from '../api/api-client';
import type { Draft } from './draft';
import type { RiskTemplate } from '../api/content-types';
import { describePath } from './field-labels';

/** A refused save or action: the server's message, and each field it names in the form's own words. */
export function ApiErrorBar({
  error,
  draft,
  template,
}: {
  error: ApiError;
  draft: Draft;
  template: RiskTemplate | null;
}) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        {error.message}
        {error.details.length > 0 && (
          <ul>
            {error.details.map((d) => (
              <li key={d.path}>
                {describePath(d.path, draft, template)}: {d.problem}
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
