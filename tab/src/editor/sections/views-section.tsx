import { HintedTextarea } from '../../language/hinted-textarea';
import { withOptional, type Draft } from '../draft';
import { useFormStyles, type SectionProps } from '../fields';

type Views = NonNullable<Draft['views']>;

export function ViewsSection({ draft, edit, problemAt }: SectionProps) {
  const styles = useFormStyles();
  const views: Views = draft.views ?? {};
  const set = (key: keyof Views, value: string) =>
    edit((d) => ({ ...d, views: withOptional(d.views ?? {}, key, value) }));
  return (
    <div className={styles.section}>
      <p className={styles.muted}>
        Record views in the person’s own words where you can, in quotation marks. The wishes of a child harmed
        are recorded in their own support plan, not here.
      </p>
      <HintedTextarea
        label="The learner’s views"
        rows={4}
        value={views.learner ?? ''}
        onChange={(v) => set('learner', v)}
        validationMessage={problemAt('views.learner')}
      />
      <HintedTextarea
        label="Parents’ or carers’ views"
        rows={4}
        value={views.parentsCarers ?? ''}
        onChange={(v) => set('parentsCarers', v)}
        validationMessage={problemAt('views.parentsCarers')}
      />
    </div>
  );
}
