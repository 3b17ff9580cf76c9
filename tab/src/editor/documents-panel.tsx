import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { apiPaths } from '../../../core/api/paths';
import type { DocumentAudience } from '../../../core/documents/document-audiences';
import { ApiError, type ApiClient } from '../api/api-client';
import { saveFile } from '../ui/save-file';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
});

/** Each version of the plan's document and who it is for, in the words staff choose by. */
const VERSIONS: readonly { audience: DocumentAudience; title: string; forWhom: string }[] = [
  {
    audience: 'staff',
    title: 'Staff version',
    forWhom: 'For the staff who carry out the plan: what they need to do it.',
  },
  {
    audience: 'parents',
    title: 'Parents’ version',
    forWhom: 'For this child’s parents or carers: never names or describes another child.',
  },
  {
    audience: 'full',
    title: 'Full record',
    forWhom: 'For the DSL and the safeguarding file: everything recorded, other children included.',
  },
  {
    audience: 'file',
    title: 'Child’s own file',
    forWhom:
      'For a subject access request or a transfer: this child’s record only, others as “another child”.',
  },
];

/**
 * Downloads of the plan as a Word document for each audience. The server renders every version, so
 * what a parent receives is redacted where the data is, not in the browser; the file name carries
 * the case reference only.
 */
export function DocumentsPanel({ api, id, caseRef }: { api: ApiClient; id: string; caseRef: string }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<DocumentAudience | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  const download = async (audience: DocumentAudience, title: string) => {
    setBusy(audience);
    setStatus(null);
    try {
      const file = await api.download(`${apiPaths.assessmentDocument(id)}?audience=${audience}`);
      saveFile(file, `${caseRef}-${audience}.docx`);
      setStatus({ ok: true, text: `${title} downloaded.` });
    } catch (e) {
      setStatus({
        ok: false,
        text: e instanceof ApiError ? e.message : 'The document could not be downloaded.',
      });
    } finally {
      setBusy(null);
      // The result is announced and takes focus, so a keyboard user knows what happened.
      requestAnimationFrame(() => statusRef.current?.focus());
    }
  };

  return (
    <section aria-labelledby={`documents-${id}`}>
      <Subtitle2 as="h2" id={`documents-${id}`}>
        Documents
      </Subtitle2>
      <ul className={styles.list}>
        {VERSIONS.map((v) => (
          <li key={v.audience} className={styles.item}>
            <Button onClick={() => void download(v.audience, v.title)} disabled={busy !== null}>
              Download the {v.title.charAt(0).toLowerCase() + v.title.slice(1)} (.docx)
            </Button>
            <Body1>{v.forWhom}</Body1>
          </li>
        ))}
      </ul>
      <div ref={statusRef} tabIndex={-1} role="status">
        {status && (
          <MessageBar intent={status.ok ? 'success' : 'error'}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
