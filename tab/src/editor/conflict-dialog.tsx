import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { RiskTemplate } from '../api/content-types';
import type { Conflict } from './autosave-controller';
import type { Draft } from './draft';
import { describePath } from './field-labels';

function valueAt(draft: unknown, path: string): string | null {
  let value: unknown = draft;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  if (value === undefined || value === null) return '(empty)';
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function Changes<D>({
  title,
  paths,
  draft,
  describe,
}: {
  title: string;
  paths: string[];
  draft: D;
  describe: (path: string, draft: D) => string;
}) {
  if (paths.length === 0) return null;
  return (
    <>
      <p>
        <strong>{title}</strong>
      </p>
      <ul>
        {[...new Set(paths.map((p) => describe(p, draft)))].map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * Shown when a save meets a newer version (HTTP 412). Nothing is overwritten until the user
 * chooses: keep their own changes (on top of the other version), or take the other version.
 */
export function ConflictDialog<D = Draft>({
  conflict,
  mine,
  template,
  onChoose,
  what = 'assessment',
  describe = (path, draft) => describePath(path, draft as Draft, template),
}: {
  conflict: Conflict<D> | null;
  mine: D;
  template: RiskTemplate | null;
  onChoose: (choice: 'mine' | 'theirs') => void;
  /** What was saved by someone else: "assessment", "case". */
  what?: string;
  /** The words for a changed field; a plan's by default. */
  describe?: (path: string, draft: D) => string;
}) {
  return (
    <Dialog open={conflict !== null} modalType="alert">
      <DialogSurface aria-describedby="conflict-help">
        {conflict && (
          <DialogBody>
            <DialogTitle>Someone else saved this {what}</DialogTitle>
            <DialogContent>
              <p id="conflict-help">
                While you were editing, another person saved changes. Your changes are not saved yet. Choose
                which version to keep.
              </p>
              {/* The first thing to take focus is this summary, not a button: someone still typing when
                  the dialog opens must not pick a version with a stray space or Enter. */}
              <details open>
                <summary>What changed</summary>
                <Changes
                  title="They changed:"
                  paths={conflict.theirChanges}
                  draft={conflict.theirs}
                  describe={describe}
                />
                <Changes
                  title="You changed (not saved):"
                  paths={conflict.myChanges}
                  draft={mine}
                  describe={describe}
                />
                {conflict.overlaps.length > 0 && (
                  <>
                    <p>
                      <strong>You both changed:</strong>
                    </p>
                    <ul>
                      {conflict.overlaps.map((path) => {
                        const theirs = valueAt(conflict.theirs, path);
                        const yours = valueAt(mine, path);
                        return (
                          <li key={path}>
                            {describe(path, mine)}
                            {theirs !== null && yours !== null && (
                              <>
                                {' '}
                                — theirs: “{theirs}”, yours: “{yours}”
                              </>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </>
                )}
              </details>
              <p>
                <strong>Keep my changes</strong> saves yours on top of theirs: their other changes stay, and
                where you both changed the same thing, yours replace theirs.{' '}
                <strong>Use their version</strong> discards your unsaved changes.
              </p>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => onChoose('theirs')}>Use their version</Button>
              <Button appearance="primary" onClick={() => onChoose('mine')}>
                Keep my changes
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
