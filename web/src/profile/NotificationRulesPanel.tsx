/** A person's notification rules, per urgency: "after N minutes, notify via <method>"; add, edit, delete. */
import { useId, useState } from 'react';
import { Alert, Button } from '../ui/forms.js';
import { isUsable, methodName } from './methodTypes.js';
import { MethodState } from './ContactMethodItem.js';
import { useCreateRule, useDeleteRule, useUpdateRule, type ContactMethod, type NotificationRule, type Urgency } from './queries.js';
import { RuleForm } from './RuleForm.js';

const URGENCIES: Array<{ urgency: Urgency; title: string }> = [
  { urgency: 'high', title: 'High urgency' },
  { urgency: 'low', title: 'Low urgency' },
];

export function whenText(minutes: number): string {
  return minutes === 0 ? 'Immediately' : `After ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

export function NotificationRulesPanel(props: { userId: string; canEdit: boolean; self: boolean; rules: NotificationRule[]; methods: ContactMethod[]; loading: boolean; error: Error | null }) {
  const { userId, canEdit, self, rules, methods, loading, error } = props;
  const create = useCreateRule(userId);
  const [adding, setAdding] = useState<Urgency | null>(null);
  const hid = useId();

  return (
    <section className="section prof-section" aria-labelledby={hid}>
      <div className="section__header">
        <h2 id={hid}>Notification rules</h2>
        <div className="section__tools">
          {canEdit && !adding && methods.length ? (
            <Button variant="primary" onClick={() => setAdding('high')}>
              Add rule
            </Button>
          ) : null}
        </div>
      </div>
      <p className="muted prof-section__about">
        When an incident pages {self ? 'you' : 'them'}, every rule for its urgency runs, each its number of minutes after the page, until someone acknowledges.
      </p>
      {canEdit && methods.length === 0 && !loading ? <Alert tone="info">Add a contact method first; rules say when to use it.</Alert> : null}
      {adding ? (
        <div className="panel form-panel">
          <RuleForm
            title="New notification rule"
            methods={methods}
            urgency={adding}
            busy={create.isPending}
            error={create.error}
            submitLabel={create.isPending ? 'Adding…' : 'Add rule'}
            onSubmit={(body) => create.mutate(body, { onSuccess: () => setAdding(null) })}
            onCancel={() => {
              setAdding(null);
              create.reset();
            }}
          />
        </div>
      ) : null}
      {error ? <Alert title="Could not load the notification rules">{error.message}</Alert> : null}
      <div className="prof-urgencies">
        {URGENCIES.map((u) => (
          <UrgencyRules key={u.urgency} userId={userId} title={u.title} urgency={u.urgency} rules={rules} methods={methods} canEdit={canEdit} self={self} loading={loading} />
        ))}
      </div>
    </section>
  );
}

function UrgencyRules(props: { userId: string; title: string; urgency: Urgency; rules: NotificationRule[]; methods: ContactMethod[]; canEdit: boolean; self: boolean; loading: boolean }) {
  const { userId, title, urgency, methods, canEdit, self, loading } = props;
  const rules = props.rules.filter((r) => r.urgency === urgency).sort((a, b) => a.start_delay_minutes - b.start_delay_minutes);
  const byId = new Map(methods.map((m) => [m.id, m]));
  const reaches = rules.some((r) => {
    const m = byId.get(r.contact_method_id);
    return m && isUsable(m);
  });
  const hid = useId();
  return (
    <section className="panel prof-urgency" aria-labelledby={hid} data-urgency={urgency}>
      <h3 id={hid}>
        <span className={`inc-urgency inc-urgency--${urgency}`}>{title}</span>
      </h3>
      {loading ? <p className="muted">Loading…</p> : null}
      {!loading && !reaches ? (
        <p className="prof-urgency__gap">{rules.length ? 'None of these rules can reach anyone yet' : 'No rules'}: {urgency}-urgency pages do not reach {self ? 'you' : 'them'}.</p>
      ) : null}
      {rules.length ? (
        <ol className="prof-rules" aria-label={`${title} rules`}>
          {rules.map((r) => (
            <RuleRow key={r.id} userId={userId} rule={r} method={byId.get(r.contact_method_id)} methods={methods} canEdit={canEdit} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function RuleRow({ userId, rule, method, methods, canEdit }: { userId: string; rule: NotificationRule; method: ContactMethod | undefined; methods: ContactMethod[]; canEdit: boolean }) {
  const update = useUpdateRule(userId);
  const del = useDeleteRule(userId);
  const [editing, setEditing] = useState(false);
  const text = `${whenText(rule.start_delay_minutes)}, notify via ${method ? methodName(method) : 'a deleted contact method'}`;
  if (editing) {
    return (
      <li className="prof-rule prof-rule--editing">
        <RuleForm
          title={`Edit: ${text}`}
          methods={methods}
          rule={rule}
          busy={update.isPending}
          error={update.error}
          submitLabel={update.isPending ? 'Saving…' : 'Save rule'}
          onSubmit={(body) => update.mutate({ rid: rule.id, body }, { onSuccess: () => setEditing(false) })}
          onCancel={() => {
            setEditing(false);
            update.reset();
          }}
        />
      </li>
    );
  }
  return (
    <li className="prof-rule" aria-label={text}>
      <span className="prof-rule__when">{whenText(rule.start_delay_minutes)}</span>
      <span className="prof-rule__how">
        notify via <strong>{method ? methodName(method) : 'a deleted contact method'}</strong>
        {method && !isUsable(method) ? <MethodState method={method} /> : null}
      </span>
      {canEdit ? (
        <span className="prof-rule__actions">
          <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit rule: ${text}`}>
            Edit
          </Button>
          <Button variant="ghost" className="btn--danger-text" busy={del.isPending} onClick={() => del.mutate(rule.id)} aria-label={`Delete rule: ${text}`}>
            Delete
          </Button>
        </span>
      ) : null}
      {del.error ? <span className="field__error">{del.error.message}</span> : null}
    </li>
  );
}
