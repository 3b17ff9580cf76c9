import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { HackettGuide, RiskTemplate } from '../api/content-types';
import { DateField as UkDateField } from '../ui/date-field';
import type { Draft } from './draft';
import type { Classifier } from './sections/guided-placement';

/** What every section of the form receives. */
export interface SectionProps {
  draft: Draft;
  edit: (update: (draft: Draft) => Draft) => void;
  template: RiskTemplate | null;
  hackett: HackettGuide | null;
  /** The problem autosave found at a dotted path, if any. */
  problemAt: (path: string) => string | undefined;
  /** POST /api/classify for the incidents' guided placement; absent, the guided placement is not offered. */
  classify?: Classifier | undefined;
}

export const useFormStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: {
    display: 'grid',
    // As many 220 px columns as fit, and one column however narrow the panel: a column never asks for
    // more room than there is, and a field never spills into its neighbour (a long option in a select).
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  /** Lets a select with long options shrink to its column instead of widening the page. */
  shrink: { minWidth: 0, maxWidth: '100%' },
  radios: { flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  addForm: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
  },
});

interface BaseFieldProps {
  label: string;
  path: string;
  problem?: string | undefined;
  required?: boolean;
  hint?: string | undefined;
}

export function TextField({
  label,
  path,
  problem,
  required,
  hint,
  value,
  onChange,
  type = 'text',
}: BaseFieldProps & {
  value: string | undefined;
  onChange: (value: string) => void;
  type?: 'text' | 'number';
}) {
  return (
    <Field label={label} required={required} validationMessage={problem} hint={hint}>
      <Input data-path={path} type={type} value={value ?? ''} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/** A date in the form: the one date field, with the form's path and the save's problem for it. */
export function DateField({
  path,
  problem,
  onChange,
  ...props
}: BaseFieldProps & {
  value: string | undefined;
  onChange: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
}) {
  return <UkDateField {...props} path={path} problem={problem} onChange={(v) => onChange(v ?? '')} />;
}

/** A yes / no that may also be "not recorded": `undefined` is different from "no". */
export function YesNoField({
  label,
  path,
  value,
  onChange,
  problem,
}: BaseFieldProps & { value: boolean | undefined; onChange: (value: boolean | undefined) => void }) {
  const styles = useFormStyles();
  return (
    <Field label={label} validationMessage={problem}>
      <Select
        className={styles.shrink}
        data-path={path}
        value={value === undefined ? '' : value ? 'yes' : 'no'}
        onChange={(_, d) => onChange(d.value === '' ? undefined : d.value === 'yes')}
      >
        <option value="">Not recorded</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </Select>
    </Field>
  );
}

export function SelectField<T extends string>({
  label,
  path,
  value,
  options,
  onChange,
  problem,
  required,
  hint,
  emptyLabel,
  describedBy,
}: BaseFieldProps & {
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | undefined) => void;
  /** Offered as the first choice when the field may be left empty. */
  emptyLabel?: string;
  /** The id of a longer description laid out away from the field (read with it all the same). */
  describedBy?: string | undefined;
}) {
  const styles = useFormStyles();
  return (
    <Field label={label} required={required} validationMessage={problem} hint={hint}>
      <Select
        className={styles.shrink}
        data-path={path}
        aria-describedby={describedBy}
        value={value ?? ''}
        onChange={(_, d) => onChange(d.value === '' ? undefined : (d.value as T))}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Replaces the item at `index` of a list immutably. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((x, i) => (i === index ? item : x));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}
