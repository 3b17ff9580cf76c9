import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { findLabellingTerms, type LabellingMatch } from '../../../core/content/labelling-terms.js';
import type { LanguageGuideResponse } from '../api/api-types.js';
import { accessMessage } from './access-message.js';
import type { PaneServices } from './pane-services.js';
import { StatusLine, type Status } from './status-line.js';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  match: {
    padding: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorder2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  alternatives: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const CONTEXT_CHARS = 40;

function around(text: string, m: LabellingMatch): string {
  const start = Math.max(0, m.start - CONTEXT_CHARS);
  const end = Math.min(text.length, m.end + CONTEXT_CHARS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

export function LanguageView({ services }: { services: PaneServices }) {
  const styles = useStyles();
  const [guide, setGuide] = useState<LanguageGuideResponse | null>(null);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<{ text: string; matches: LabellingMatch[] } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const word = services.word;

  useEffect(() => {
    services.api
      .languageGuide()
      .then(setGuide)
      .catch((error: unknown) => setStatus({ intent: 'error', text: accessMessage(error) }));
  }, [services.api]);

  function check(source: string) {
    if (!guide) return;
    setChecked({ text: source, matches: findLabellingTerms(source, guide) });
  }

  async function checkWord(scope: 'selection' | 'document') {
    if (!word) return;
    setStatus(null);
    try {
      check(await word.readText(scope));
    } catch {
      setStatus({ intent: 'error', text: 'Word could not read the text. Try again.' });
    }
  }

  return (
    <section aria-labelledby="language-heading" className={styles.column}>
      <Subtitle2 as="h2" id="language-heading">
        Language check
      </Subtitle2>
      <Body1 as="p">
        Flags words that label a child rather than describe the behaviour, with child-centred alternatives.
        Keep a child’s or parent’s exact words when you quote them.
      </Body1>
      {word ? (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!guide} onClick={() => void checkWord('selection')}>
            Check selection
          </Button>
          <Button disabled={!guide} onClick={() => void checkWord('document')}>
            Check whole document
          </Button>
        </div>
      ) : (
        <>
          <Field
            label="Text to check"
            hint="Paste a paragraph from a record or a referral. It stays in this page."
          >
            <Textarea value={text} onChange={(_e, data) => setText(data.value)} resize="vertical" rows={5} />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!guide || !text.trim()} onClick={() => check(text)}>
              Check text
            </Button>
          </div>
        </>
      )}
      {checked && (
        <div role="region" aria-label="Language check results" className={styles.column}>
          <Body1>
            {checked.matches.length === 0
              ? 'No labelling terms found.'
              : `${checked.matches.length} ${checked.matches.length === 1 ? 'term' : 'terms'} to look at.`}
          </Body1>
          <ul className={styles.list}>
            {checked.matches.map((m) => (
              <li key={`${m.start}-${m.termId}`} className={styles.match}>
                <Body1>
                  <strong>{m.matched}</strong>{' '}
                  {m.quoted && <Badge appearance="outline">in quotation marks</Badge>}
                </Body1>
                <Caption1>{around(checked.text, m)}</Caption1>
                <Caption1>
                  {m.quoted ? 'Inside a quotation: keep it if these are someone’s exact words.' : m.why}
                </Caption1>
                <Caption1>Instead, try:</Caption1>
                <ul className={styles.alternatives}>
                  {m.alternatives.map((a) => (
                    <li key={a}>
                      <Caption1>{a}</Caption1>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      <StatusLine status={status} />
    </section>
  );
}
