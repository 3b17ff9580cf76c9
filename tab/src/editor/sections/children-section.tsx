import { Button, Checkbox, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { childRoles, type ChildRole, type OtherChild } from '../../../../core/assessment/schema';
import { AddedStatus, useAddForm } from '../../ui/focus-after';
import { listAt, listRemoval } from '../../ui/undo-removal';
import { useRemoval } from '../../ui/undo-toast';
import { newItemId, withOptional, type Draft } from '../draft';
import { SelectField, TextField, replaceAt, useFormStyles, type SectionProps } from '../fields';
import { incidentName } from './incidents-section';

export const roleLabels: Record<ChildRole, string> = {
  harmed: 'Child harmed',
  witness: 'Witness',
  displayedHsb: 'Also displayed harmful sexual behaviour',
  other: 'Other',
};
const roleOptions = childRoles.map((r) => ({ value: r, label: roleLabels[r] }));

export function ChildrenSection({ draft, edit, problemAt }: SectionProps) {
  const styles = useFormStyles();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ChildRole | undefined>(undefined);
  const [yearGroup, setYearGroup] = useState('');
  const [tried, setTried] = useState(false);
  const removal = useRemoval<Draft>();
  const form = useAddForm();

  const update = (index: number, change: (c: OtherChild) => OtherChild) =>
    edit((d) => ({
      ...d,
      otherChildren: replaceAt(d.otherChildren, index, change(d.otherChildren[index]!)),
    }));

  const add = () => {
    setTried(true);
    if (!name.trim() || !role) return;
    const child: OtherChild = {
      id: newItemId(),
      name: name.trim(),
      role,
      ...(yearGroup.trim() ? { yearGroup: yearGroup.trim() } : {}),
    };
    edit((d) => ({ ...d, otherChildren: [...d.otherChildren, child] }));
    setName('');
    setRole(undefined);
    setYearGroup('');
    setTried(false);
    form.announce(`Child ${draft.otherChildren.length + 1} added.`);
  };

  return (
    <div className={styles.section}>
      <p className={styles.muted}>
        Record each other child by their role only. Their own records and support plans are kept separately;
        the wishes of a child harmed belong in their own support plan. Documents for one family never name
        another child.
      </p>
      {draft.otherChildren.map((child, index) => {
        const path = `otherChildren.${index}`;
        return (
          <section
            key={child.id}
            className={styles.card}
            aria-label={`Child ${index + 1}: ${roleLabels[child.role]}`}
            data-entry={child.id}
          >
            <Subtitle2 as="h3">
              Child {index + 1}: {roleLabels[child.role]}
            </Subtitle2>
            <div className={styles.grid}>
              <TextField
                label="Name"
                path={`${path}.name`}
                required
                value={child.name}
                onChange={(v) => update(index, (c) => ({ ...c, name: v }))}
                problem={problemAt(`${path}.name`)}
              />
              <SelectField
                label="Role"
                path={`${path}.role`}
                required
                value={child.role}
                options={roleOptions}
                onChange={(v) => v && update(index, (c) => ({ ...c, role: v }))}
              />
              <TextField
                label="Year group"
                path={`${path}.yearGroup`}
                value={child.yearGroup}
                onChange={(v) => update(index, (c) => withOptional(c, 'yearGroup', v))}
              />
            </div>
            {draft.incidents.length > 0 && (
              <fieldset>
                <legend>Involved in</legend>
                {draft.incidents.map((incident, i) => (
                  <Checkbox
                    key={incident.id}
                    label={incidentName(incident, i)}
                    checked={child.incidentIds?.includes(incident.id) ?? false}
                    onChange={(_, data) =>
                      update(index, (c) => {
                        const ids = new Set(c.incidentIds ?? []);
                        if (data.checked) ids.add(incident.id);
                        else ids.delete(incident.id);
                        return withOptional(c, 'incidentIds', ids.size ? [...ids] : undefined);
                      })
                    }
                  />
                ))}
              </fieldset>
            )}
            <div>
              <Button
                onClick={() =>
                  removal({
                    message: `Child ${index + 1} removed`,
                    entry: child.id,
                    ...listRemoval(listAt<Draft, 'otherChildren'>('otherChildren'), index),
                  })
                }
              >
                Remove child {index + 1}
              </Button>
            </div>
          </section>
        );
      })}
      <div ref={form.ref} className={styles.addForm} role="group" aria-label="Add another child">
        <Subtitle2 as="h3">Add another child</Subtitle2>
        <div className={styles.grid}>
          <Field
            label="Child’s name"
            required
            validationMessage={tried && !name.trim() ? 'Enter a name.' : undefined}
          >
            <Input value={name} onChange={(_, d) => setName(d.value)} autoComplete="off" />
          </Field>
          <SelectField
            label="Role"
            path="new-child-role"
            required
            value={role}
            emptyLabel="Choose a role"
            options={roleOptions}
            onChange={setRole}
            problem={tried && !role ? 'Choose a role.' : undefined}
          />
          <Field label="Year group">
            <Input value={yearGroup} onChange={(_, d) => setYearGroup(d.value)} autoComplete="off" />
          </Field>
        </div>
        <div>
          <Button onClick={add}>Add child</Button>
          <AddedStatus text={form.added} />
        </div>
      </div>
    </div>
  );
}
