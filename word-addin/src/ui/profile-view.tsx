import { Body1, Button, Field, Input, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  profileVariables,
  type ProfileVariable,
  type SchoolProfile,
} from '../../../core/content/school-profile.js';
import type { PaneServices } from './pane-services.js';
import { StatusLine, type Status } from './status-line.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export const PROFILE_LABELS: Readonly<Record<ProfileVariable, { label: string; hint?: string }>> = {
  schoolName: { label: 'School name' },
  dslName: { label: 'Designated safeguarding lead (DSL)' },
  deputyDslNames: { label: 'Deputy DSLs', hint: 'e.g. Tom Reed and Ana Costa' },
  headteacherName: { label: 'Headteacher' },
  safeguardingGovernorName: { label: 'Safeguarding governor' },
  localAuthority: { label: 'Local authority' },
  childrensServicesContact: {
    label: 'Children’s services contact',
    hint: 'The front door or MASH, as you name it',
  },
  onlineSafetyLeadName: { label: 'Online safety lead' },
  sencoName: { label: 'SENCO' },
  reviewDate: { label: 'Policy review date', hint: 'e.g. 2026-09-01 or September 2026' },
};

export function ProfileView(props: {
  profile: SchoolProfile;
  services: PaneServices;
  onSaved: (profile: SchoolProfile) => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<SchoolProfile>(props.profile);
  const [status, setStatus] = useState<Status | null>(null);
  const store = props.services.profiles;

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await store.save(draft);
      const saved = store.load();
      props.onSaved(saved);
      setStatus({
        intent: 'success',
        text: store.where === 'document' ? 'Saved in this document.' : 'Saved in this browser.',
      });
    } catch {
      setStatus({
        intent: 'error',
        text: 'The school details were not saved. Check each field and try again.',
      });
    }
  }

  return (
    <section aria-labelledby="profile-heading">
      <Subtitle2 as="h2" id="profile-heading" block>
        School details
      </Subtitle2>
      <Body1 as="p">
        These fill the clauses’ placeholders. They are{' '}
        {store.where === 'document' ? 'saved with this document' : 'kept in this browser'}. School details
        only: never a child’s details here.
      </Body1>
      <form className={styles.form} onSubmit={(e) => void save(e)}>
        {profileVariables.map((name) => (
          <Field key={name} label={PROFILE_LABELS[name].label} hint={PROFILE_LABELS[name].hint}>
            <Input
              value={draft[name] ?? ''}
              maxLength={200}
              onChange={(_e, data) => setDraft({ ...draft, [name]: data.value })}
            />
          </Field>
        ))}
        <div>
          <Button appearance="primary" type="submit">
            Save school details
          </Button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
