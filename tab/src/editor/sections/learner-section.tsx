import { HintedTextarea } from '../../language/hinted-textarea';
import { withOptional, type Draft } from '../draft';
import { DateField, TextField, useFormStyles, type SectionProps } from '../fields';

type Learner = Draft['learner'];

export function LearnerSection({ draft, edit, problemAt }: SectionProps) {
  const styles = useFormStyles();
  const { learner } = draft;
  const set = <K extends keyof Learner>(key: K, value: Learner[K] | '') =>
    edit((d) => ({ ...d, learner: withOptional(d.learner, key, value) }));
  return (
    <div className={styles.section}>
      <p className={styles.muted}>
        The learner who displayed the behaviour. This assessment considers the risk to them, to any child
        harmed and to other children; each of the other children has their own record.
      </p>
      <div className={styles.grid}>
        <TextField
          label="Name"
          path="learner.name"
          required
          value={learner.name}
          onChange={(v) => edit((d) => ({ ...d, learner: { ...d.learner, name: v } }))}
          problem={problemAt('learner.name')}
        />
        <DateField
          label="Date of birth"
          path="learner.dateOfBirth"
          value={learner.dateOfBirth}
          onChange={(v) => set('dateOfBirth', v)}
          problem={problemAt('learner.dateOfBirth')}
        />
        <TextField
          label="Year group"
          path="learner.yearGroup"
          value={learner.yearGroup}
          onChange={(v) => set('yearGroup', v)}
          problem={problemAt('learner.yearGroup')}
        />
        <TextField
          label="Key adult"
          path="learner.keyAdult"
          hint="The trusted adult the learner can go to"
          value={learner.keyAdult}
          onChange={(v) => set('keyAdult', v)}
          problem={problemAt('learner.keyAdult')}
        />
      </div>
      <HintedTextarea
        label="Special educational needs and disabilities"
        value={learner.send ?? ''}
        onChange={(v) => set('send', v)}
        validationMessage={problemAt('learner.send')}
        path="learner.send"
      />
      <HintedTextarea
        label="Other vulnerabilities"
        hint="For example, being a child in need, a looked-after child, or known to other services"
        value={learner.vulnerabilities ?? ''}
        onChange={(v) => set('vulnerabilities', v)}
        validationMessage={problemAt('learner.vulnerabilities')}
        path="learner.vulnerabilities"
      />
    </div>
  );
}
