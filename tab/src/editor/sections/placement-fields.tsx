import { Caption1, makeStyles, tokens, useId } from '@fluentui/react-components';
import { hackettLevels, type Incident } from '../../../../core/assessment/schema';
import { hackettLabels } from '../../../../core/documents/labels';
import type { HackettGuide } from '../../api/content-types';
import { caseFieldLabels } from '../../cases/labels';
import { CheckStatusNote } from '../../content/check-status-note';
import { SelectField } from '../fields';

type Placement = Pick<Incident, 'hackettLevel' | 'brookRating'>;

const useStyles = makeStyles({
  // A row of its own across the incident's grid: the chosen level's description runs the full width
  // under both fields, instead of one tall cell that leaves a gap beside it.
  placement: {
    gridColumn: '1 / -1',
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  about: {
    gridColumn: '1 / -1',
    display: 'flex',
    flexDirection: 'column',
    color: tokens.colorNeutralForeground2,
  },
});

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
  const styles = useStyles();
  const aboutId = useId('hackett-level');
  return (
    <div className={styles.placement}>
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
        describedBy={aboutId}
      />
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
      <div className={styles.about}>
        <Caption1 id={aboutId}>
          {hackett?.levels.find((l) => l.id === incident.hackettLevel)?.description ??
            'Hackett’s continuum is a guide for the DSL’s judgement, not a score.'}
        </Caption1>
        {hackett && <CheckStatusNote item={hackett} />}
      </div>
    </div>
  );
}
