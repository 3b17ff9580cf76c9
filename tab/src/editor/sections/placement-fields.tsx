import { hackettLevels, type Incident } from '../../../../core/assessment/schema';
import { hackettLabels } from '../../../../core/documents/labels';
import type { HackettGuide } from '../../api/content-types';
import { caseFieldLabels } from '../../cases/labels';
import { CheckStatusNote } from '../../content/check-status-note';
import { SelectField } from '../fields';

type Placement = Pick<Incident, 'hackettLevel' | 'brookRating'>;

/**
 * The DSL's own placement of an incident, on Hackett's continuum and (where the school uses it) Brook's
 * traffic light: the same two fields, words and hints in a plan's incidents and a case's.
 */
export function PlacementFields({
  path,
  incident,
  hackett,
  set,
}: {
  path: string;
  incident: Placement;
  hackett: HackettGuide | null;
  set: <K extends keyof Placement>(key: K, value: Placement[K] | '') => void;
}) {
  return (
    <>
      <SelectField
        label={caseFieldLabels['incidents.hackettLevel']}
        path={`${path}.hackettLevel`}
        value={incident.hackettLevel}
        emptyLabel="Not yet judged"
        options={hackettLevels.map((l) => ({
          value: l,
          label: hackett?.levels.find((x) => x.id === l)?.title ?? hackettLabels[l],
        }))}
        onChange={(v) => set('hackettLevel', v)}
        hint={
          hackett?.levels.find((l) => l.id === incident.hackettLevel)?.description ??
          'A guide for the DSL’s judgement, not a score'
        }
      />
      {hackett && <CheckStatusNote item={hackett} />}
      <SelectField
        label={caseFieldLabels['incidents.brookRating']}
        path={`${path}.brookRating`}
        value={incident.brookRating}
        emptyLabel="Not used"
        options={[
          { value: 'green', label: 'Green' },
          { value: 'amber', label: 'Amber' },
          { value: 'red', label: 'Red' },
        ]}
        onChange={(v) => set('brookRating', v)}
      />
    </>
  );
}
