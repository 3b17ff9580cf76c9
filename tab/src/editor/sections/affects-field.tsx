import { Checkbox, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { riskAffects, type RiskAffects } from '../../../../core/assessment/schema';
import { affectsLabels } from '../../../../core/content/labels';

const useAffectsStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { ...typographyStyles.body1, padding: 0, marginBottom: tokens.spacingVerticalXS },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

/** Who could be harmed: any of the four, each once, in their fixed order. */
export function AffectsField({
  path,
  value,
  onChange,
}: {
  path: string;
  value: readonly RiskAffects[];
  onChange: (value: RiskAffects[]) => void;
}) {
  const styles = useAffectsStyles();
  const toggle = (choice: RiskAffects, on: boolean) =>
    onChange(riskAffects.filter((a) => (a === choice ? on : value.includes(a))));
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>Who could be harmed (choose all that apply)</legend>
      <div className={styles.choices}>
        {riskAffects.map((a, i) => (
          <Checkbox
            key={a}
            label={affectsLabels[a]}
            checked={value.includes(a)}
            onChange={(_, d) => toggle(a, d.checked === true)}
            {...(i === 0 ? { 'data-path': path } : {})}
          />
        ))}
      </div>
    </fieldset>
  );
}
