import { Button, Subtitle2 } from '@fluentui/react-components';
import {
  cscStatuses,
  referralAgencies,
  referralStatuses,
  specialistAssessmentStatuses,
  type Agencies,
  type Police,
  type Referral,
} from '../../../core/cases/case';
import { newItemId, withOptional } from '../editor/draft';
import { DateField, SelectField, TextField, replaceAt, useFormStyles } from '../editor/fields';
import { HintedTextarea } from '../language/hinted-textarea';
import { formatDate } from '../ui/format';
import { listRemoval, type ListLens } from '../ui/undo-removal';
import { useRemoval } from '../ui/undo-toast';
import type { CaseSectionProps } from './case-fields';
import type { CaseDraft } from './case-model';
import {
  agencyLabels,
  caseFieldLabels as L,
  cscStatusLabels,
  referralStatusLabels,
  specialistLabels,
} from './labels';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

type SocialWorker = NonNullable<Agencies['socialWorker']>;

const referralsOf: ListLens<CaseDraft, Referral> = {
  get: (d) => d.agencies.referrals,
  set: (d, referrals) => ({ ...d, agencies: { ...d.agencies, referrals } }),
};
const agreedSharingOf: ListLens<CaseDraft, Police['agreedSharing'][number]> = {
  get: (d) => d.agencies.police.agreedSharing,
  set: (d, agreedSharing) => ({
    ...d,
    agencies: { ...d.agencies, police: { ...d.agencies.police, agreedSharing } },
  }),
};

/** Referrals and their outcomes, the social worker, children's social care, the police, specialists. */
export function CaseAgencies({
  draft,
  edit,
  problemAt,
  focusPath,
  today,
}: CaseSectionProps & { today: string }) {
  const styles = useFormStyles();
  const { agencies } = draft;
  const removal = useRemoval<CaseDraft>();
  const setAgencies = (change: (a: Agencies) => Agencies) =>
    edit((d) => ({ ...d, agencies: change(d.agencies) }));
  const setReferral = (index: number, change: (r: Referral) => Referral) =>
    setAgencies((a) => ({ ...a, referrals: replaceAt(a.referrals, index, change(a.referrals[index]!)) }));
  const setPolice = (change: (p: Police) => Police) =>
    setAgencies((a) => ({ ...a, police: change(a.police) }));
  const setWorker = (key: keyof SocialWorker, value: string) =>
    setAgencies((a) => {
      const next = withOptional<SocialWorker, keyof SocialWorker>(
        { name: '', ...a.socialWorker },
        key,
        value,
      );
      // No name and nothing else: no social worker is recorded (the record needs a name to hold one).
      const empty = !next.name && !next.team && !next.contact;
      return withOptional(a, 'socialWorker', empty ? undefined : { ...next, name: next.name ?? '' });
    });

  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">Referrals</Subtitle2>
      {agencies.referrals.length === 0 && <p>No referrals are recorded.</p>}
      {agencies.referrals.map((r, index) => {
        const path = `agencies.referrals.${index}`;
        const name = `Referral ${index + 1} (${agencyLabels[r.to]}, ${formatDate(r.on)})`;
        return (
          <section key={r.id} className={styles.card} aria-label={name} data-entry={r.id}>
            <div className={styles.grid}>
              <SelectField
                label={L['agencies.referrals.to']}
                path={`${path}.to`}
                value={r.to}
                options={options(referralAgencies, agencyLabels)}
                onChange={(v) => v && setReferral(index, (x) => ({ ...x, to: v }))}
                problem={problemAt(`${path}.to`)}
              />
              <DateField
                label={L['agencies.referrals.on']}
                path={`${path}.on`}
                value={r.on}
                onChange={(v) => setReferral(index, (x) => ({ ...x, on: v }))}
                problem={problemAt(`${path}.on`)}
              />
              <TextField
                label={L['agencies.referrals.reference']}
                path={`${path}.reference`}
                value={r.reference}
                onChange={(v) => setReferral(index, (x) => withOptional(x, 'reference', v))}
                problem={problemAt(`${path}.reference`)}
              />
              <SelectField
                label={L['agencies.referrals.status']}
                path={`${path}.status`}
                value={r.status}
                options={options(referralStatuses, referralStatusLabels)}
                onChange={(v) => v && setReferral(index, (x) => ({ ...x, status: v }))}
              />
              <DateField
                label={L['agencies.referrals.outcomeOn']}
                path={`${path}.outcomeOn`}
                value={r.outcomeOn}
                onChange={(v) => setReferral(index, (x) => withOptional(x, 'outcomeOn', v))}
                problem={problemAt(`${path}.outcomeOn`)}
              />
            </div>
            <HintedTextarea
              label={L['agencies.referrals.outcome']}
              path={`${path}.outcome`}
              value={r.outcome ?? ''}
              onChange={(v) => setReferral(index, (x) => withOptional(x, 'outcome', v))}
              validationMessage={problemAt(`${path}.outcome`)}
            />
            <div className={styles.row}>
              <Button
                onClick={() =>
                  removal({
                    message: `Referral ${index + 1} removed`,
                    entry: r.id,
                    ...listRemoval(referralsOf, index),
                  })
                }
              >
                Remove referral {index + 1}
              </Button>
            </div>
          </section>
        );
      })}
      <div>
        <Button
          onClick={() => {
            setAgencies((a) => ({
              ...a,
              referrals: [
                ...a.referrals,
                { id: newItemId(), to: 'childrens-social-care', on: today, status: 'made' },
              ],
            }));
            focusPath(`agencies.referrals.${agencies.referrals.length}.to`);
          }}
        >
          Add a referral
        </Button>
      </div>

      <Subtitle2 as="h3">Children’s social care</Subtitle2>
      <div className={styles.grid}>
        <SelectField
          label={L['agencies.cscStatus']}
          path="agencies.cscStatus"
          value={agencies.cscStatus}
          options={options(cscStatuses, cscStatusLabels)}
          onChange={(v) => v && setAgencies((a) => ({ ...a, cscStatus: v }))}
        />
        {(['name', 'team', 'contact'] as const).map((key) => (
          <TextField
            key={key}
            label={L[`agencies.socialWorker.${key}`]}
            path={`agencies.socialWorker.${key}`}
            value={agencies.socialWorker?.[key]}
            onChange={(v) => setWorker(key, v)}
            problem={problemAt(`agencies.socialWorker.${key}`)}
          />
        ))}
      </div>

      <Subtitle2 as="h3">Police</Subtitle2>
      <div className={styles.grid}>
        {(['reference', 'officer', 'investigationStatus'] as const).map((key) => (
          <TextField
            key={key}
            label={L[`agencies.police.${key}`]}
            path={`agencies.police.${key}`}
            value={agencies.police[key]}
            onChange={(v) => setPolice((p) => withOptional(p, key, v))}
            problem={problemAt(`agencies.police.${key}`)}
          />
        ))}
      </div>
      <HintedTextarea
        label={L['agencies.police.bailConditions']}
        path="agencies.police.bailConditions"
        value={agencies.police.bailConditions ?? ''}
        onChange={(v) => setPolice((p) => withOptional(p, 'bailConditions', v))}
        validationMessage={problemAt('agencies.police.bailConditions')}
      />
      {agencies.police.agreedSharing.map((s, index) => {
        const path = `agencies.police.agreedSharing.${index}`;
        const set = (key: 'what' | 'with', value: string) =>
          setPolice((p) => ({
            ...p,
            agreedSharing: replaceAt(p.agreedSharing, index, { ...p.agreedSharing[index]!, [key]: value }),
          }));
        return (
          <div
            key={index}
            className={styles.row}
            role="group"
            aria-label={`Agreed sharing ${index + 1}`}
            data-entry={`agreed-sharing:${index}`}
          >
            <TextField
              label={L['agencies.police.agreedSharing.what']}
              path={`${path}.what`}
              value={s.what}
              onChange={(v) => set('what', v)}
              problem={problemAt(`${path}.what`)}
            />
            <TextField
              label={L['agencies.police.agreedSharing.with']}
              path={`${path}.with`}
              value={s.with}
              onChange={(v) => set('with', v)}
              problem={problemAt(`${path}.with`)}
            />
            <Button
              onClick={() =>
                removal({
                  message: `Agreed sharing ${index + 1} removed`,
                  entry: `agreed-sharing:${index}`,
                  ...listRemoval(agreedSharingOf, index),
                })
              }
            >
              Remove agreed sharing {index + 1}
            </Button>
          </div>
        );
      })}
      <div>
        <Button
          onClick={() => {
            setPolice((p) => ({ ...p, agreedSharing: [...p.agreedSharing, { what: '', with: '' }] }));
            focusPath(`agencies.police.agreedSharing.${agencies.police.agreedSharing.length}.what`);
          }}
        >
          Add what the police agreed may be shared
        </Button>
      </div>

      <Subtitle2 as="h3">Specialist assessment</Subtitle2>
      <div className={styles.grid}>
        <SelectField
          label={L['agencies.specialistAssessment']}
          path="agencies.specialistAssessment"
          value={agencies.specialistAssessment}
          options={options(specialistAssessmentStatuses, specialistLabels)}
          onChange={(v) => v && setAgencies((a) => ({ ...a, specialistAssessment: v }))}
        />
      </div>
    </div>
  );
}
