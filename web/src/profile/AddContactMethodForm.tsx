/** Add a contact method: its kind, its address (in the form that kind needs) and an optional label. */
import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { METHOD_TYPES, methodType } from './methodTypes.js';
import { useCreateContactMethod, type ContactMethod, type ContactType } from './queries.js';

const FIELDS = ['type', 'address', 'label'] as const;

export function AddContactMethodForm({ userId, onCreated, onCancel }: { userId: string; onCreated: (m: ContactMethod) => void; onCancel: () => void }) {
  const create = useCreateContactMethod(userId);
  const [type, setType] = useState<ContactType>('email');
  const [address, setAddress] = useState('');
  const [label, setLabel] = useState('');
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, FIELDS);
  const err = problems.fields;
  const t = methodType(type);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ type, address: address.trim(), ...(label.trim() ? { label: label.trim() } : {}) }, { onSuccess: onCreated });
  };

  return (
    <form className="panel form-panel" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>Add a contact method</h3>
      {problems.summary ? <Alert title="The contact method was not added">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('type')} label="Type" error={err.type}>
          <select
            id={id('type')}
            name="type"
            value={type}
            onChange={(e) => {
              setType(e.target.value as ContactType);
              create.reset();
            }}
            {...describedBy(id('type'), err.type)}
          >
            {METHOD_TYPES.map((m) => (
              <option key={m.type} value={m.type}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('address')} label={t.address} error={err.address} hint={t.hint}>
          <input
            id={id('address')}
            name="address"
            type={t.inputMode === 'email' ? 'email' : t.inputMode === 'tel' ? 'tel' : t.inputMode === 'url' ? 'url' : 'text'}
            inputMode={t.inputMode}
            placeholder={t.placeholder}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            {...describedBy(id('address'), err.address, true)}
          />
        </Field>
        <Field id={id('label')} label="Label" optional error={err.label} hint={`e.g. “Work phone”; “${t.label}” if empty`}>
          <input id={id('label')} name="label" value={label} onChange={(e) => setLabel(e.target.value)} autoComplete="off" {...describedBy(id('label'), err.label, true)} />
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add contact method'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
