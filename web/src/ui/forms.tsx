/** Form building blocks: labelled fields with their server-side errors, alerts and buttons. */
import { type ButtonHTMLAttributes, type ReactNode } from 'react';
import { ApiError, fieldName } from '../api/client.js';

export interface FormProblems {
  /** Message per form field, from the problem's `errors`. */
  fields: Record<string, string>;
  /** What to show above the form, or null when everything is shown beside its field. */
  summary: string | null;
}

const sentence = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Schema-validator wording ("must NOT have fewer than 1 characters") in plainer words. */
export function humanize(message: string): string {
  const m = message.trim();
  if (/^is required$/i.test(m) || /^must NOT have fewer than 1 characters?$/i.test(m)) return 'Required';
  let x = /^must NOT have fewer than (\d+) characters$/i.exec(m);
  if (x) return `Must be at least ${x[1]} characters`;
  x = /^must NOT have more than (\d+) characters$/i.exec(m);
  if (x) return `Must be at most ${x[1]} characters`;
  if (/^must match format "email"$/i.test(m)) return 'Must be an email address';
  if (/^must match format "date-time"$/i.test(m)) return 'Must be a date and time';
  x = /^must be >= (-?\d+)$/i.exec(m);
  if (x) return `Must be at least ${x[1]}`;
  x = /^must be <= (-?\d+)$/i.exec(m);
  if (x) return `Must be at most ${x[1]}`;
  if (/^must be integer$/i.test(m)) return 'Must be a whole number';
  x = /^must NOT have fewer than (\d+) items?$/i.exec(m);
  if (x) return x[1] === '1' ? 'Add at least one' : `Add at least ${x[1]}`;
  x = /^must NOT have more than (\d+) items?$/i.exec(m);
  if (x) return `At most ${x[1]}`;
  return sentence(m);
}

/**
 * Places a failed request's problem+json beside the form's own fields. Problems about fields
 * the form does not have (or none at all) go to the summary, so nothing is ever swallowed.
 */
export function formProblems(error: unknown, formFields: readonly string[]): FormProblems {
  if (!error) return { fields: {}, summary: null };
  if (!(error instanceof ApiError)) return { fields: {}, summary: error instanceof Error ? error.message : String(error) };
  const fields: Record<string, string> = {};
  let unplaced = 0;
  for (const problem of error.fields) {
    const name = fieldName(problem.field);
    if (!formFields.includes(name)) {
      unplaced += 1;
      continue;
    }
    const message = humanize(problem.message);
    fields[name] = fields[name] ? `${fields[name]}; ${message}` : message;
  }
  const placed = Object.keys(fields).length > 0;
  const summary = placed && unplaced === 0 ? 'Please correct the highlighted fields.' : error.detail;
  return { fields, summary };
}

export function Field(props: { id: string; label: string; error?: string | undefined; hint?: ReactNode; optional?: boolean; children: ReactNode; className?: string }) {
  const { id, label, error, hint, optional, children, className } = props;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`} data-field-error={id}>
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes tying an input to its error or hint. */
export function describedBy(id: string, error: string | undefined, hasHint = false): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  if (error) return { 'aria-invalid': true, 'aria-describedby': `${id}-error` };
  return hasHint ? { 'aria-describedby': `${id}-hint` } : {};
}

export function Alert({ tone = 'error', title, children }: { tone?: 'error' | 'success' | 'info' | 'warning'; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <strong className="alert__title">{title}</strong> : null}
      {children ? <div className="alert__body">{children}</div> : null}
    </div>
  );
}

export function Button({ variant = 'secondary', busy = false, className, children, disabled, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'ghost'; busy?: boolean }) {
  return (
    <button type="button" className={`btn btn--${variant}${className ? ` ${className}` : ''}`} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}
