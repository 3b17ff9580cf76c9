import {
  Body1,
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
} from '@fluentui/react-components';
import { useState } from 'react';
import { childRoles, type ChildRole, type PlanKind } from '../../../core/assessment/schema';
import { MAX_ROLES, planKindsFor, plansOf, type Participant } from '../../../core/cases/case';
import { ApiError, type ApiClient, type Child } from '../api/api-client';
import { navigate } from '../app/router';
import { roleLabel } from '../dashboard/new-case-dialog';
import { useFormStyles } from '../editor/fields';
import { focusTitleOnArrival } from '../ui/focus-after';
import { listAt, listRemoval } from '../ui/undo-removal';
import { useRemoval } from '../ui/undo-toast';
import type { CaseSectionProps } from './case-fields';
import type { CaseDraft } from './case-model';
import { ChildFinder, type FoundChild } from './child-finder';
import { caseFieldLabels as L, planKindLabels } from './labels';

function RoleChecks({
  name,
  roles,
  onChange,
  path,
}: {
  name: string;
  roles: readonly ChildRole[];
  onChange: (roles: ChildRole[]) => void;
  path: string;
}) {
  return (
    <div role="group" aria-label={`${L['participants.roles']} of ${name}`}>
      {childRoles.map((role, i) => (
        <Checkbox
          key={role}
          label={roleLabel(role)}
          checked={roles.includes(role)}
          disabled={!roles.includes(role) && roles.length >= MAX_ROLES}
          onChange={(_, d) => onChange(d.checked ? [...roles, role] : roles.filter((r) => r !== role))}
          {...(i === 0 ? { 'data-path': path } : {})}
        />
      ))}
      {roles.length === 0 && <Body1 role="alert">Give at least one role.</Body1>}
    </div>
  );
}

/**
 * The children in the case and their roles. A child joins by find-or-create; once saved, the server
 * gives them the case's next pseudonym and the plan(s) their roles call for. A child with a plan in
 * the case stays in it (their plan is closed instead), so "Remove" is offered only to the others.
 */
export function CaseParticipants({
  api,
  draft,
  edit,
  focusPath,
  children,
  onChild,
}: CaseSectionProps & {
  api: ApiClient;
  children: ReadonlyMap<string, Pick<Child, 'name' | 'yearGroup'>>;
  /** A child record read or made here, so the page can show and mention them by name. */
  onChild: (id: string, child: Pick<Child, 'name' | 'yearGroup'>) => void;
}) {
  const styles = useFormStyles();
  const [pending, setPending] = useState<FoundChild | null>(null);
  const [roles, setRoles] = useState<ChildRole[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const removal = useRemoval<CaseDraft>();

  const nameOf = (p: Participant) => children.get(p.childId)?.name ?? `${p.label ?? 'New child'}`;
  const setRolesAt = (index: number, next: ChildRole[]) =>
    edit((d) => ({
      ...d,
      participants: d.participants.map((p, i) => (i === index ? { ...p, roles: next } : p)),
    }));

  const join = async () => {
    if (!pending || roles.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      let childId: string;
      let child: Pick<Child, 'name' | 'yearGroup'>;
      if ('existing' in pending) {
        childId = pending.existing.id;
        const { name, yearGroup } = pending.existing;
        child = { name, ...(yearGroup ? { yearGroup } : {}) };
      } else {
        const { record } = await api.createChild(pending);
        childId = record.id;
        child = record;
      }
      onChild(childId, child);
      edit((d) => ({ ...d, participants: [...d.participants, { childId, roles, label: '' }] }));
      focusPath(`participants.${draft.participants.length}.roles`);
      setPending(null);
      setRoles([]);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The child could not be added.');
    } finally {
      setBusy(false);
    }
  };

  const startPlan = async (childId: string, kind: PlanKind) => {
    setStarting(true);
    setError(null);
    try {
      const { record: plan } = await api.createAssessment({ caseId: draft.id, childId, kind });
      focusTitleOnArrival();
      navigate({ name: 'assessment', id: plan.id });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The plan could not be started.');
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className={styles.section}>
      <ul className={styles.list} aria-label={L.participants}>
        {draft.participants.map((p, index) => {
          const name = nameOf(p);
          const plans = plansOf(p);
          const saved = p.label !== '';
          const missing = saved ? planKindsFor(p.roles).filter((k) => !plans.some((x) => x.kind === k)) : [];
          return (
            <li key={p.childId} className={styles.card} data-entry={p.childId}>
              <Subtitle2 as="h3">
                {saved ? `${p.label}: ` : ''}
                <Link as="button" onClick={() => navigate({ name: 'child', id: p.childId })}>
                  {name}
                </Link>
                {children.get(p.childId)?.yearGroup ? `, ${children.get(p.childId)!.yearGroup}` : ''}
              </Subtitle2>
              <RoleChecks
                name={name}
                roles={p.roles}
                path={`participants.${index}.roles`}
                onChange={(next) => setRolesAt(index, next)}
              />
              <div className={styles.row}>
                {plans.map((x) => (
                  <Link
                    key={x.assessmentId}
                    as="button"
                    onClick={() => {
                      // The link leaves with this page: focus goes to the plan's title once it opens.
                      focusTitleOnArrival();
                      navigate({ name: 'assessment', id: x.assessmentId });
                    }}
                  >
                    Open {name}’s {planKindLabels[x.kind].toLowerCase()}
                  </Link>
                ))}
                {missing.map((kind) => (
                  <Button
                    key={kind}
                    size="small"
                    disabled={starting}
                    onClick={() => void startPlan(p.childId, kind)}
                  >
                    Start a {planKindLabels[kind].toLowerCase()}
                  </Button>
                ))}
                {plans.length === 0 && (
                  <Button
                    onClick={() =>
                      removal({
                        message: 'Child removed from the case',
                        entry: p.childId,
                        ...listRemoval(
                          listAt<CaseDraft, 'participants'>('participants'),
                          index,
                          (x) => x.childId,
                        ),
                      })
                    }
                  >
                    Remove {name} from the case
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      <section className={styles.addForm} aria-label="Add a child to the case">
        <Subtitle2 as="h3">Add a child</Subtitle2>
        {pending ? (
          <>
            <Body1>
              {'existing' in pending ? pending.existing.name : `${pending.name} (new)`}: what part did they
              have?
            </Body1>
            <RoleChecks
              name={'existing' in pending ? pending.existing.name : pending.name}
              roles={roles}
              path="participants.new.roles"
              onChange={setRoles}
            />
            <div className={styles.row}>
              <Button appearance="primary" disabled={busy || roles.length === 0} onClick={() => void join()}>
                {busy ? 'Adding…' : 'Add to the case'}
              </Button>
              <Button onClick={() => setPending(null)}>Cancel</Button>
            </div>
          </>
        ) : (
          <ChildFinder
            api={api}
            exclude={draft.participants.map((p) => p.childId)}
            addLabel="Choose this child"
            onChoose={(found) => {
              setPending(found);
              setRoles([]);
              focusPath('participants.new.roles');
            }}
          />
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    </div>
  );
}
