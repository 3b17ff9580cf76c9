import { HintedTextarea } from '../../language/hinted-textarea';
import { withOptional } from '../draft';
import { useFormStyles, type SectionProps } from '../fields';

/** Risk assessment: what is done to help the child who displayed the behaviour, and who covers the key adult. */
export function SupportSection({ draft, edit, problemAt }: SectionProps) {
  const styles = useFormStyles();
  return (
    <div className={styles.section}>
      <p className={styles.muted}>
        A risk assessment is also about helping this child change their behaviour and stay safe themselves:
        record the support and interventions in place or planned, and who they go to.
      </p>
      <HintedTextarea
        label="Support and interventions"
        rows={5}
        path="support"
        value={draft.support ?? ''}
        onChange={(v) => edit((d) => withOptional(d, 'support', v))}
        validationMessage={problemAt('support')}
      />
      <HintedTextarea
        label="Who covers when the key adult is away"
        rows={3}
        path="keyAdultCover"
        value={draft.keyAdultCover ?? ''}
        onChange={(v) => edit((d) => withOptional(d, 'keyAdultCover', v))}
        validationMessage={problemAt('keyAdultCover')}
      />
    </div>
  );
}
