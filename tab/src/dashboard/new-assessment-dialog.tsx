import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../api/api-client';

/** A draft needs nothing but the learner's name (README "The API"); everything else is the form's. */
export function NewAssessmentDialog({
  api,
  onCreated,
}: {
  api: ApiClient;
  onCreated: (id: string, caseRef: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [yearGroup, setYearGroup] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  const reset = () => {
    setName('');
    setYearGroup('');
    setError(null);
    setTouched(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const { record } = await api.createAssessment({
        learner: { name: name.trim(), ...(yearGroup.trim() ? { yearGroup: yearGroup.trim() } : {}) },
      });
      setOpen(false);
      reset();
      onCreated(record.id, record.caseRef);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The assessment could not be created.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (!d.open) reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">New assessment</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="new-assessment-help">
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>New risk assessment</DialogTitle>
            <DialogContent>
              <p id="new-assessment-help">
                Start a draft for the learner who displayed the behaviour. The case reference is given
                automatically; it is what channel messages show instead of the name.
              </p>
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
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy}>
                {busy ? 'Creating…' : 'Create draft'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
