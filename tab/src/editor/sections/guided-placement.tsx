import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Classification } from '../../../../core/classify/classify';
import type {
  AggravatingFactor,
  ClassificationInput,
  ConsentAnswer,
  FrequencyAnswer,
  PowerAnswer,
  SeenKind,
  Setting,
} from '../../../../core/classify/input';
import { decisionOptionOf, MAX_AGE, MAX_CHILDREN } from '../../../../core/classify/input';
import {
  aggravatingChoices,
  classificationQuestions,
  consentChoices,
  frequencyChoices,
  powerChoices,
  seenChoices,
  settingChoices,
  type Choice,
} from '../../../../core/classify/labels';
import { ApiError } from '../../api/api-client';
import type { HackettGuide, RiskTemplate } from '../../api/content-types';
import { useFormStyles } from '../fields';

/** POST /api/classify, through the tab's API client. */
export type Classifier = (input: ClassificationInput) => Promise<Classification>;

const useStyles = makeStyles({
  checks: { display: 'flex', flexDirection: 'column' },
  child: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  age: { maxWidth: '120px' },
  result: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

interface ChildAnswer {
  age: string;
  need: boolean;
}

interface Answers {
  children: ChildAnswer[];
  seen: SeenKind[];
  consent?: ConsentAnswer;
  power?: PowerAnswer;
  frequency?: FrequencyAnswer;
  setting?: Setting;
  aggravating: AggravatingFactor[];
}

function inputOf(answers: Answers): ClassificationInput | null {
  const { consent, power, frequency } = answers;
  const ages = answers.children.filter((c) => c.age.trim() !== '');
  if (!ages.length || !answers.seen.length || !consent || !power || !frequency) return null;
  if (ages.some((c) => !/^\d{1,2}$/.test(c.age.trim()))) return null;
  return {
    children: ages.map((c) => ({
      age: Number(c.age),
      ...(c.need ? { sendOrDevelopmentalNeed: true } : {}),
    })),
    seen: answers.seen,
    consent,
    power,
    frequency,
    ...(answers.setting ? { setting: answers.setting } : {}),
    aggravating: answers.aggravating,
  };
}

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

function Checks<T extends string>({
  label,
  choices,
  value,
  onChange,
}: {
  label: string;
  choices: readonly Choice<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
}) {
  const styles = useStyles();
  return (
    <fieldset className={styles.checks} aria-label={label}>
      <legend>{label}</legend>
      {choices.map((c) => (
        <Checkbox
          key={c.value}
          label={c.title}
          checked={value.includes(c.value)}
          onChange={(_, d) => onChange(toggled(value, c.value, d.checked === true))}
        />
      ))}
    </fieldset>
  );
}

function Radios<T extends string>({
  label,
  choices,
  value,
  onChange,
}: {
  label: string;
  choices: readonly Choice<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
}) {
  return (
    <Field label={label} required>
      <RadioGroup value={value ?? ''} onChange={(_, d) => onChange(d.value as T)} aria-label={label}>
        {choices.map((c) => (
          <Radio key={c.value} value={c.value} label={c.title} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/**
 * The guided placement for one incident: the same questions as the bot's card, placed by the server's
 * rules. It records nothing: the DSL still chooses the level to record in the incident.
 */
export function GuidedPlacement({
  classify,
  hackett,
  template,
  online,
}: {
  classify: Classifier;
  hackett: HackettGuide | null;
  template: RiskTemplate | null;
  online: boolean | undefined;
}) {
  const form = useFormStyles();
  const styles = useStyles();
  const [answers, setAnswers] = useState<Answers>({
    children: [
      { age: '', need: false },
      { age: '', need: false },
    ],
    seen: [],
    aggravating: [],
    ...(online ? { setting: 'online' as const } : {}),
  });
  const [result, setResult] = useState<Classification | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Answers>) => {
    setAnswers((a) => ({ ...a, ...change }));
    setResult(null);
  };
  const setChild = (index: number, change: Partial<ChildAnswer>) =>
    set({ children: answers.children.map((c, i) => (i === index ? { ...c, ...change } : c)) });

  const levelTitle = (id: Classification['level']) => hackett?.levels.find((l) => l.id === id)?.title ?? id;
  const actionTitle = (id: Classification['actions'][number]) =>
    template?.decision.options.find((o) => o.id === decisionOptionOf(id))?.title ?? id;

  const place = async () => {
    const input = inputOf(answers);
    if (!input) {
      setProblem(
        'Give at least one child’s age as a whole number, choose what was seen, and answer consent, power and how often.',
      );
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      setResult(await classify(input));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The placement could not be worked out.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={form.addForm} aria-label="Guided placement">
      <p className={form.muted}>
        Answer about the behaviour and the children’s ages only. The answers are not saved.
      </p>
      <fieldset aria-label={classificationQuestions.ages}>
        <legend>{classificationQuestions.ages}</legend>
        {answers.children.map((child, index) => (
          <div key={index} className={styles.child}>
            <Field label={`Child ${index + 1}`} className={styles.age}>
              <Input
                type="number"
                min={0}
                max={MAX_AGE}
                value={child.age}
                onChange={(_, d) => setChild(index, { age: d.value })}
              />
            </Field>
            <Checkbox
              label={classificationQuestions.sendNeed}
              checked={child.need}
              onChange={(_, d) => setChild(index, { need: d.checked === true })}
            />
            {answers.children.length > 1 && (
              <Button
                appearance="subtle"
                onClick={() => set({ children: answers.children.filter((_, i) => i !== index) })}
              >
                Remove child {index + 1}
              </Button>
            )}
          </div>
        ))}
        {answers.children.length < MAX_CHILDREN && (
          <Button
            appearance="subtle"
            onClick={() => set({ children: [...answers.children, { age: '', need: false }] })}
          >
            Add a child
          </Button>
        )}
      </fieldset>
      <Checks
        label={classificationQuestions.seen}
        choices={seenChoices}
        value={answers.seen}
        onChange={(seen) => set({ seen })}
      />
      <Radios
        label={classificationQuestions.consent}
        choices={consentChoices}
        value={answers.consent}
        onChange={(consent) => set({ consent })}
      />
      <Radios
        label={classificationQuestions.power}
        choices={powerChoices}
        value={answers.power}
        onChange={(power) => set({ power })}
      />
      <Radios
        label={classificationQuestions.frequency}
        choices={frequencyChoices}
        value={answers.frequency}
        onChange={(frequency) => set({ frequency })}
      />
      <Field label={classificationQuestions.setting}>
        <Select
          value={answers.setting ?? ''}
          onChange={(_, d) => set({ setting: d.value === '' ? undefined : (d.value as Setting) })}
        >
          <option value="">Not known</option>
          {settingChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.title}
            </option>
          ))}
        </Select>
      </Field>
      <Checks
        label={classificationQuestions.aggravating}
        choices={aggravatingChoices}
        value={answers.aggravating}
        onChange={(aggravating) => set({ aggravating })}
      />
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void place()}>
          Suggest a placement
        </Button>
      </div>
      {result && (
        <div className={styles.result} role="status" aria-label="Suggested placement">
          <Subtitle2 as="h4">Suggested placement: {levelTitle(result.level)}</Subtitle2>
          <strong>Why</strong>
          <ul>
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <strong>What the guidance says to consider</strong>
          <ul aria-label="Actions to consider">
            {result.actions.map((a) => (
              <li key={a}>{actionTitle(a)}</li>
            ))}
          </ul>
          {result.notes.map((n) => (
            <strong key={n}>{n}</strong>
          ))}
          <MessageBar intent="warning">
            <MessageBarBody>{result.note}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </section>
  );
}
