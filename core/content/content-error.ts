import { DomainError } from '../errors.js';

/**
 * A content file breaks a rule of content/README.md. The server refuses to start with it, so the
 * message names the file (relative to content/) and the field, which is all a writer needs to fix it.
 * Content is the team's own text, never child data, so quoting paths and field names is safe.
 */
export class ContentError extends DomainError {
  readonly code = 'CONTENT_INVALID';
  readonly file: string;
  readonly field: string;
  readonly problem: string;

  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field || '(file)'}: ${problem}`, [{ path: field, problem }]);
    this.file = file;
    this.field = field;
    this.problem = problem;
  }
}
