/** A person's contact methods: the list, adding one, and a new webhook's signing secret shown once. */
import { useId, useState } from 'react';
import { CopyField } from '../services/IntegrationsPanel.js';
import { Alert, Button } from '../ui/forms.js';
import { AddContactMethodForm } from './AddContactMethodForm.js';
import { ContactMethodItem } from './ContactMethodItem.js';
import { useContactMethods, type ContactMethod, type NotificationRule } from './queries.js';

export function ContactMethodsPanel(props: { userId: string; canEdit: boolean; self: boolean; rules: NotificationRule[]; zone: string | undefined }) {
  const { userId, canEdit, self, rules, zone } = props;
  const methods = useContactMethods(userId);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<ContactMethod | null>(null);
  const hid = useId();
  const list = methods.data ?? [];

  return (
    <section className="section prof-section" aria-labelledby={hid}>
      <div className="section__header">
        <h2 id={hid}>Contact methods</h2>
        <div className="section__tools">
          {canEdit && !adding ? (
            <Button
              variant="primary"
              onClick={() => {
                setAdding(true);
                setAdded(null);
              }}
            >
              Add contact method
            </Button>
          ) : null}
        </div>
      </div>
      <p className="muted prof-section__about">Where {self ? 'you are' : 'they are'} paged. Notification rules below say which of these are used, and when.</p>
      {added?.signing_secret ? <SigningSecret method={added} onDone={() => setAdded(null)} /> : null}
      {added && !added.signing_secret ? (
        <Alert tone="success" title={`${added.label} added`}>
          {added.verified ? 'Add a notification rule that uses it.' : 'Verify the number with a code before it can be paged.'}
        </Alert>
      ) : null}
      {adding ? (
        <AddContactMethodForm
          userId={userId}
          onCancel={() => setAdding(false)}
          onCreated={(m) => {
            setAdding(false);
            setAdded(m);
          }}
        />
      ) : null}
      {methods.isError ? <Alert title="Could not load the contact methods">{methods.error.message}</Alert> : null}
      <div className="panel prof-list">
        {methods.isPending ? <p className="muted prof-list__empty">Loading contact methods…</p> : null}
        {methods.data && list.length === 0 ? (
          <p className="muted prof-list__empty">No contact methods yet: {self ? 'you cannot' : 'they cannot'} be paged. {canEdit ? 'Add an email address or a phone number.' : ''}</p>
        ) : null}
        {list.length ? (
          <ul className="prof-methods" aria-label="Contact methods">
            {list.map((m) => (
              <ContactMethodItem key={m.id} userId={userId} method={m} canEdit={canEdit} ruleCount={rules.filter((r) => r.contact_method_id === m.id).length} zone={zone} />
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

/** A new webhook's signing secret: shown in the create answer only, so now or never. */
function SigningSecret({ method, onDone }: { method: ContactMethod; onDone: () => void }) {
  const hid = useId();
  return (
    <section className="panel secret-once" aria-labelledby={hid}>
      <h3 id={hid}>Webhook “{method.label}” added</h3>
      <p>
        Every request carries an <code>X-Tocsin-Signature</code> header made with this secret. Copy it now: it is not shown again.
      </p>
      <CopyField label="Signing secret" value={method.signing_secret ?? ''} testId="webhook-secret" />
      <div className="form-actions">
        <Button onClick={onDone}>I have saved it</Button>
      </div>
    </section>
  );
}
