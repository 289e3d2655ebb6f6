import type { ScheduleIssue } from './types.js';

/** A schedule that cannot be rendered; `issues` name the fields as validateSchedule does. */
export class InvalidScheduleError extends Error {
  readonly issues: ScheduleIssue[];

  constructor(issues: ScheduleIssue[]) {
    super(
      `invalid schedule: ${issues
        .slice(0, 3)
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join('; ')}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}`,
    );
    this.name = 'InvalidScheduleError';
    this.issues = issues;
  }
}
