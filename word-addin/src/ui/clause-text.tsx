import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { inlineRuns, markdownBlocks, markdownToPlainText } from '../../../core/content/markdown.js';
import { fillVariables, type SchoolProfile } from '../../../core/content/school-profile.js';
import type { LibraryClause } from '../api/api-types.js';

const useStyles = makeStyles({
  text: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    '& p, & ul, & ol': { marginTop: 0, marginBottom: tokens.spacingVerticalS },
    '& ul, & ol': { paddingLeft: tokens.spacingHorizontalXL },
    '& h4': {
      fontSize: tokens.fontSizeBase300,
      fontWeight: tokens.fontWeightSemibold,
      marginTop: tokens.spacingVerticalM,
      marginBottom: tokens.spacingVerticalXS,
    },
  },
});

function Inline({ text, profile }: { text: string; profile: SchoolProfile }) {
  return (
    <>
      {inlineRuns(text).map((run, i) => {
        const filled = fillVariables(run.text, profile);
        return run.bold ? <strong key={i}>{filled}</strong> : <Fragment key={i}>{filled}</Fragment>;
      })}
    </>
  );
}

/** A clause body in the content's Markdown subset, filled with the school's details. */
export function ClauseText({ body, profile }: { body: string; profile: SchoolProfile }) {
  const styles = useStyles();
  return (
    <div className={styles.text}>
      {markdownBlocks(body).map((block, i) => {
        switch (block.type) {
          case 'heading':
            return (
              <h4 key={i}>
                <Inline text={block.text} profile={profile} />
              </h4>
            );
          case 'paragraph':
            return (
              <p key={i}>
                <Inline text={block.text} profile={profile} />
              </p>
            );
          case 'bullets':
          case 'numbered': {
            const List = block.type === 'bullets' ? 'ul' : 'ol';
            return (
              <List key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>
                    <Inline text={item} profile={profile} />
                  </li>
                ))}
              </List>
            );
          }
        }
      })}
    </div>
  );
}

/** The clause as plain text for the clipboard: title, then the filled body. */
export function clausePlainText(
  clause: Pick<LibraryClause, 'title' | 'body'>,
  profile: SchoolProfile,
): string {
  return `${fillVariables(clause.title, profile)}\n\n${markdownToPlainText(fillVariables(clause.body, profile))}`;
}
