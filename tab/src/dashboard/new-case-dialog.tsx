import { Body1, Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { childRoles, type ChildRole } from '../../../core/assessment/schema';
import { MAX_ROLES } from '../../../core/cases/case';
import { roleLabels } from '../../../core/documents/labels';
import type { ApiClient, ChildSummary } from '../api/api-client';
import { CreateDialog } from './create-dialog';
import { ChildFinder, describeChild, type FoundChild } from '../cases/child-finder';

export { describeChild };

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  child: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
  },
});

/** A child of the new case: one already known to the team, or one to be created with the case. */
export type CaseChild =
  { existing: ChildSummary; roles: ChildRole[] } | { name: string; yearGroup?: string; roles: ChildRole[] };

export function caseChildName(child: CaseChild): string {
  return 'existing' in child ? child.existing.name : child.name;
}

/** The body of POST /api/cases for the chosen children. */
export function createCaseBody(children: readonly CaseChild[]) {
  return {
    participants: children.map((c) =>
      'existing' in c
        ? { child: { id: c.existing.id }, roles: c.roles }
        : { child: { name: c.name, ...(c.yearGroup ? { yearGroup: c.yearGroup } : {}) }, roles: c.roles },
    ),
  };
}

/**
 * Starts a case from the children in it: each is found among the children the team already knows
 * (so one child never gets two records) or added as new, and given one or two roles.
 */
export function NewCaseDialog({
  api,
  onCreated,
}: {
  api: ApiClient;
  onCreated: (id: string, caseRef: string) => void | Promise<void>;
}) {
  const styles = useStyles();
  const [children, setChildren] = useState<CaseChild[]>([]);

  const add = (found: FoundChild) => {
    const roles: ChildRole[] = children.length === 0 ? ['displayedHsb'] : ['harmed'];
    setChildren((list) => [...list, { ...found, roles }]);
  };

  const toggleRole = (index: number, role: ChildRole, on: boolean) =>
    setChildren((list) =>
      list.map((c, i) =>
        i !== index ? c : { ...c, roles: on ? [...c.roles, role] : c.roles.filter((r) => r !== role) },
      ),
    );

  return (
    <CreateDialog
      trigger="New case"
      title="New case"
      help="Add each child involved, then say what part they had. A child may hold two roles, for example harmed and also displayed harmful sexual behaviour. Channels and cards show the case reference and “Child A”, “Child B”, never names."
      submitLabel="Create case"
      opening="Opening the new case…"
      failure="The case could not be created."
      problem={() =>
        children.length === 0
          ? 'Add at least one child to the case.'
          : children.some((c) => c.roles.length === 0)
            ? 'Give each child at least one role.'
            : null
      }
      create={async () => (await api.createCase(createCaseBody(children))).record}
      onCreated={onCreated}
      onReset={() => setChildren([])}
      contentClassName={styles.stack}
    >
      <ChildFinder
        api={api}
        exclude={children.flatMap((c) => ('existing' in c ? [c.existing.id] : []))}
        onChoose={add}
      />

      {children.length > 0 && (
        <ul aria-label="Children in this case" className={styles.stack}>
          {children.map((c, i) => (
            <li key={i} className={styles.child}>
              <Body1>
                {'existing' in c
                  ? describeChild(c.existing)
                  : `${c.name}${c.yearGroup ? `, ${c.yearGroup}` : ''} (new)`}
              </Body1>
              <div role="group" aria-label={`Roles of ${caseChildName(c)}`}>
                {childRoles.map((role) => (
                  <Checkbox
                    key={role}
                    label={roleLabel(role)}
                    checked={c.roles.includes(role)}
                    disabled={!c.roles.includes(role) && c.roles.length >= MAX_ROLES}
                    onChange={(_, d) => toggleRole(i, role, !!d.checked)}
                  />
                ))}
              </div>
              {c.roles.length === 0 && <Body1 role="alert">Give at least one role.</Body1>}
              <Button
                appearance="subtle"
                onClick={() => setChildren((list) => list.filter((_, j) => j !== i))}
              >
                Remove {caseChildName(c)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </CreateDialog>
  );
}

/** The document label, except for the one role that names the child the plan is about. */
export function roleLabel(role: ChildRole): string {
  return role === 'displayedHsb' ? 'Displayed harmful sexual behaviour' : roleLabels[role];
}
