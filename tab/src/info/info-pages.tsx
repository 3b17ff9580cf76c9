import { Body1, Link, Title2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { InfoPage } from '../app/router';

const useStyles = makeStyles({
  root: { maxWidth: '720px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * The pages the Teams manifest links to (developer website, privacy statement, terms of use). They are
 * public: anyone may read them without signing in, so they say nothing about any school's records.
 */
export function InfoPageView({ page }: { page: InfoPage }) {
  const styles = useStyles();
  return (
    <article className={styles.root}>
      {page === 'about' && (
        <>
          <Title2 as="h1">HSB Safeguarding Assistant</Title2>
          <Body1 as="p">
            A Microsoft 365 app for school safeguarding teams responding to harmful sexual behaviour between
            children. It turns the Harmful Sexual Behaviour Support Service resource pack into tools staff use
            where they already work: a Teams bot that answers questions and reminds about reviews, this tab
            where the risk-assessment meeting completes the assessment together, and a Word add-in for policy
            and referral clauses.
          </Body1>
          <Body1 as="p">
            It structures, reminds and drafts. It never decides: the Designated Safeguarding Lead decides and
            records why, following Keeping children safe in education.
          </Body1>
          <Body1 as="p">
            <Link href="#/privacy">Privacy</Link> · <Link href="#/terms">Terms of use</Link>
          </Body1>
        </>
      )}
      {page === 'privacy' && (
        <>
          <Title2 as="h1">Privacy</Title2>
          <Body1 as="p">
            The records this app holds are about children and are special-category personal data. Your school
            is the data controller; ask its data protection officer about your rights.
          </Body1>
          <Title3 as="h2">Where the records are</Title3>
          <ul className={styles.list}>
            <li>
              In your school’s own SharePoint site, in its own Microsoft 365 tenant. The app acts with your
              own rights and never sees more than you may.
            </li>
            <li>
              Only members of the school’s safeguarding team can open them; the server checks this on every
              request.
            </li>
            <li>Every change and every view of a record is written to its audit trail.</li>
          </ul>
          <Title3 as="h2">What the app keeps out of sight</Title3>
          <ul className={styles.list}>
            <li>Channel and chat messages carry case references, never a child’s name or what happened.</li>
            <li>The meeting stage shows the plan without names or descriptions.</li>
            <li>Nothing about a child is kept in your browser’s storage or in web addresses.</li>
            <li>Logs carry ids and codes only. The app sets no advertising or analytics cookies.</li>
          </ul>
          <Title3 as="h2">How long records are kept</Title3>
          <Body1 as="p">
            Your school sets retention, in line with its records policy and the guidance it follows.
          </Body1>
        </>
      )}
      {page === 'terms' && (
        <>
          <Title2 as="h1">Terms of use</Title2>
          <Body1 as="p">
            The app is provided as it is, under the MIT licence, to support professional judgement, not to
            replace it. Its guidance text is written from published statutory guidance and names the edition
            it follows; check the current edition and your local safeguarding partnership’s procedures.
          </Body1>
          <Body1 as="p">If a child is in immediate danger, call 999.</Body1>
        </>
      )}
    </article>
  );
}

export default InfoPageView;
