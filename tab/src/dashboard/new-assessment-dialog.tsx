import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import { CreateDialog } from './create-dialog';

/** A draft needs nothing but the learner's name (README "The API"); everything else is the form's. */
export function NewAssessmentDialog({
  api,
  onCreated,
}: {
  api: ApiClient;
  onCreated: (id: string, caseRef: string) => void;
}) {
  const [name, setName] = useState('');
  const [yearGroup, setYearGroup] = useState('');
  const [touched, setTouched] = useState(false);

  return (
    <CreateDialog
      trigger="New assessment"
      title="New risk assessment"
      help="Start a draft for the learner who displayed the behaviour. The case reference is given automatically; it is what channel messages show instead of the name."
      submitLabel="Create draft"
      opening="Opening the new assessment…"
      failure="The assessment could not be created."
      problem={() => {
        setTouched(true);
        // The field says what is missing; no second message.
        return name.trim() ? null : '';
      }}
      create={async () => {
        const { record } = await api.createAssessment({
          learner: { name: name.trim(), ...(yearGroup.trim() ? { yearGroup: yearGroup.trim() } : {}) },
        });
        return record;
      }}
      onCreated={onCreated}
      onReset={() => {
        setName('');
        setYearGroup('');
        setTouched(false);
      }}
    >
      <Field
        label="Learner’s name"
        required
        validationMessage={touched && !name.trim() ? 'Enter the learner’s name.' : undefined}
      >
        <Input value={name} onChange={(_, d) => setName(d.value)} autoComplete="off" />
      </Field>
      <Field label="Year group" hint="For example, Year 8">
        <Input value={yearGroup} onChange={(_, d) => setYearGroup(d.value)} autoComplete="off" />
      </Field>
    </CreateDialog>
  );
}
