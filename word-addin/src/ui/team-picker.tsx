import { Body1, Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { accessMessage } from './access-message.js';
import type { PaneServices } from './pane-services.js';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * Shown when the server asks which safeguarding team a request is for (TEAM_REQUIRED: the user is
 * in more than one). The choice lasts for this session and goes with every call as a header.
 */
export function TeamPicker({ services, onChosen }: { services: PaneServices; onChosen: () => void }) {
  const styles = useStyles();
  const [teams, setTeams] = useState<string[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    services.api
      .me()
      .then((me) => setTeams((me.schools ?? []).flatMap((s) => (s.teamId ? [s.teamId] : []))))
      .catch((e: unknown) => setError(accessMessage(e)));
  }, [services.api]);

  return (
    <div className={styles.column}>
      <Body1>
        You are in more than one safeguarding team. Choose the team whose records this pane should use.
      </Body1>
      {error && <Body1>{error}</Body1>}
      {teams && (
        <Field label="Safeguarding team (Microsoft 365 group id)">
          <Select value={chosen} onChange={(_e, data) => setChosen(data.value)}>
            <option value="">Choose a team…</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div>
        <Button
          appearance="primary"
          disabled={!chosen}
          onClick={() => {
            services.team.set(chosen);
            onChosen();
          }}
        >
          Use this team
        </Button>
      </div>
    </div>
  );
}
