import { Field, makeStyles } from '@fluentui/react-components';
import {
  DatePicker,
  defaultDatePickerStrings,
  type CalendarStrings,
  type DatePickerProps,
  type DatePickerValidationResultData,
} from '@fluentui/react-datepicker-compat';
import { useMemo, useRef, useState } from 'react';
import { MONTHS } from '../../../core/dates';
import {
  SHORT_MONTHS,
  WEEKDAYS,
  checkUkDate,
  isoToLocalDate,
  localDateToIso,
  parseUkDate,
  toUkNumeric,
  type DateProblemCode,
} from './uk-date';

/** DayOfWeek.Monday in the calendar's own numbering (Sunday is 0). */
const MONDAY = 1 as NonNullable<DatePickerProps['firstDayOfWeek']>;

/**
 * The earliest date any field takes when it sets no `min`. The picker keeps text it cannot read only
 * when it sees it as "out of bounds" (text it reads as "invalid" is wiped), so unreadable text is
 * handed to it as a date long before this one: what was typed stays on screen with its message.
 */
const EARLIEST = '1900-01-01';
const UNREADABLE = new Date(-8.64e15);

const strings: CalendarStrings = {
  ...defaultDatePickerStrings,
  months: [...MONTHS],
  shortMonths: SHORT_MONTHS,
  days: [...WEEKDAYS],
  shortDays: WEEKDAYS.map((d) => d.slice(0, 1)),
  goToToday: 'Go to today',
};

const dateTimeFormatter: NonNullable<DatePickerProps['dateTimeFormatter']> = {
  formatDay: (d) => String(d.getDate()),
  formatMonth: (d) => MONTHS[d.getMonth()]!,
  formatYear: (d) => String(d.getFullYear()),
  formatMonthDayYear: (d) => `${d.getDate()} ${MONTHS[d.getMonth()]!} ${d.getFullYear()}`,
  formatMonthYear: (d) => `${MONTHS[d.getMonth()]!} ${d.getFullYear()}`,
};

const formatDate = (date?: Date) => (date ? toUkNumeric(localDateToIso(date)) : '');

const parseDateFromString = (text: string): Date | null =>
  isoToLocalDate(parseUkDate(text) ?? undefined) ?? UNREADABLE;

const useStyles = makeStyles({
  // The box takes the width it is given, down to the narrowest side panel.
  picker: { minWidth: 0, maxWidth: '100%' },
});

export interface DateFieldProps {
  label: string;
  /** ISO `YYYY-MM-DD`, or undefined for no date. */
  value?: string | undefined;
  /** Called with the ISO date chosen or typed, or undefined when the box is cleared. */
  onChange: (value: string | undefined) => void;
  /** ISO dates, both inclusive. */
  min?: string | undefined;
  max?: string | undefined;
  required?: boolean | undefined;
  hint?: string | undefined;
  /** A problem found elsewhere (the save's validation), shown when the typed text has none of its own. */
  problem?: string | undefined;
  /** The field's `data-path`, so a listed problem can move focus to it. */
  path?: string | undefined;
  /** The label is read by screen readers but not shown (a date in a table row, named by its row). */
  labelHidden?: boolean | undefined;
  className?: string | undefined;
}

/**
 * A date, shown and typed the British way (05/03/2026; "5/3/2026", "5 March 2026" and "2026-03-05"
 * are read too), with a calendar that starts on Monday. One Tab stop: the calendar opens with Enter
 * or ArrowDown from the box, or a click on its icon. Text that is not a date, or is out
 * of range, stays in the box with a coded message and leaves the saved value as it was.
 */
export function DateField({
  label,
  value,
  onChange,
  min,
  max,
  required,
  hint,
  problem: outside,
  path,
  labelHidden,
  className,
}: DateFieldProps) {
  const styles = useStyles();
  const text = useRef(toUkNumeric(value));
  const [problem, setProblem] = useState<{ code: DateProblemCode; message: string } | null>(null);
  // A date set from outside (an undo, the other version of a conflict) replaces what was typed, and
  // with it any message about that text.
  const [shownFor, setShownFor] = useState(value);
  if (shownFor !== value) {
    setShownFor(value);
    setProblem(null);
  }
  const earliest = min ?? EARLIEST;
  // The picker resets its text whenever the Date it is given changes identity: keep one per value.
  const date = useMemo(() => isoToLocalDate(value), [value]);
  const minDate = useMemo(() => isoToLocalDate(earliest) ?? undefined, [earliest]);
  const maxDate = useMemo(() => isoToLocalDate(max) ?? undefined, [max]);

  const select = (picked: Date | null | undefined) => {
    const iso = picked ? localDateToIso(picked) : undefined;
    text.current = toUkNumeric(iso);
    setProblem(null);
    if (iso !== value) onChange(iso);
  };

  const validated = ({ error }: DatePickerValidationResultData) => {
    // An empty required box is the form's to point out, when it is sent, not on the way past.
    if (!error || error === 'required-input') return setProblem(null);
    const check = checkUkDate(text.current, { min: earliest, max });
    setProblem(check.ok ? null : { code: check.code, message: check.message });
  };

  const message = problem
    ? { children: problem.message, ...({ 'data-error-code': problem.code } as Record<string, string>) }
    : outside;

  return (
    <Field
      label={labelHidden ? { children: label, className: 'visually-hidden' } : label}
      required={required}
      hint={hint}
      validationMessage={message}
      validationState={message ? 'error' : 'none'}
      className={className}
    >
      <DatePicker
        className={styles.picker}
        {...(path ? { 'data-path': path } : {})}
        value={date}
        onSelectDate={select}
        onChange={(_, d) => {
          text.current = d.value;
        }}
        onValidationResult={validated}
        allowTextInput
        // A click in the box is to type there; the calendar opens from its icon or the keyboard.
        openOnClick={false}
        disableAutoFocus
        formatDate={formatDate}
        parseDateFromString={parseDateFromString}
        firstDayOfWeek={MONDAY}
        strings={strings}
        dateTimeFormatter={dateTimeFormatter}
        minDate={minDate}
        {...(maxDate ? { maxDate } : {})}
        placeholder="dd/mm/yyyy"
        showGoToToday
      />
    </Field>
  );
}
