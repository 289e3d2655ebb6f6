/** A notification rule's fields in one sentence: "for high urgency, after N minutes, notify via <method>". */
import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { isUsable, methodName } from './methodTypes.js';
import type { ContactMethod, CreateRuleBody, NotificationRule, Urgency } from './queries.js';

const FIELDS = ['urgency', 'start_delay_minutes', 'contact_method_id'] as const;

export function RuleForm(props: {
  title: string;
  methods: ContactMethod[];
  rule?: NotificationRule;
  urgency?: Urgency;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (body: CreateRuleBody) => void;
  onCancel: () => void;
}) {
  const { title, methods, rule, busy, error, submitLabel, onSubmit, onCancel } = props;
  const [urgency, setUrgency] = useState<Urgency>((rule?.urgency as Urgency | undefined) ?? props.urgency ?? 'high');
  const [delay, setDelay] = useState(String(rule?.start_delay_minutes ?? 0));
  const [methodId, setMethodId] = useState(rule?.contact_method_id ?? methods.find(isUsable)?.id ?? methods[0]?.id ?? '');
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(error, FIELDS);
  const err = problems.fields;
  const chosen = methods.find((m) => m.id === methodId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ urgency, start_delay_minutes: delay.trim() === '' ? 0 : Number(delay), contact_method_id: methodId });
  };

  return (
    <form className="prof-rule-form" onSubmit={submit} noValidate aria-label={title}>
      {problems.summary ? <Alert title="The rule was not saved">{problems.summary}</Alert> : null}
      <div className="prof-rule-form__fields">
        <Field id={id('urgency')} label="For" error={err.urgency}>
          <select id={id('urgency')} value={urgency} onChange={(e) => setUrgency(e.target.value as Urgency)} {...describedBy(id('urgency'), err.urgency)}>
            <option value="high">High-urgency incidents</option>
            <option value="low">Low-urgency incidents</option>
          </select>
        </Field>
        <Field id={id('delay')} label="After (minutes)" error={err.start_delay_minutes} hint="0: as soon as you are paged">
          <input
            id={id('delay')}
            type="number"
            min={0}
            max={1440}
            inputMode="numeric"
            value={delay}
            onChange={(e) => setDelay(e.target.value)}
            {...describedBy(id('delay'), err.start_delay_minutes, true)}
          />
        </Field>
        <Field
          id={id('method')}
          label="Notify via"
          error={err.contact_method_id}
          hint={chosen && !isUsable(chosen) ? (chosen.disabled_reason ? 'This method is disabled: the rule does nothing until it is re-enabled.' : 'Verify this number, or the rule does nothing.') : undefined}
          className="prof-rule-form__method"
        >
          <select id={id('method')} value={methodId} onChange={(e) => setMethodId(e.target.value)} {...describedBy(id('method'), err.contact_method_id, Boolean(chosen && !isUsable(chosen)))}>
            {methods.map((m) => (
              <option key={m.id} value={m.id}>
                {methodName(m)}
                {isUsable(m) ? '' : m.disabled_reason ? ' — disabled' : ' — unverified'}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
