import { useId, useMemo, useState, type FormEvent } from 'react';
import { ROLES, type Role, type User } from '../api/client.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { browserTimeZone, timeZones } from '../ui/format.js';
import { ROLE_HELP, useCreateUser, type CreateUserBody } from './queries.js';

const FIELDS = ['name', 'email', 'role', 'time_zone', 'password'] as const;

/** Admins add people: name, email, role, time zone and an optional first password. */
export function CreateUserForm({ onCreated, onCancel }: { onCreated: (user: User) => void; onCancel: () => void }) {
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('responder');
  const [timeZone, setTimeZone] = useState(browserTimeZone());
  const [password, setPassword] = useState('');
  const zones = useMemo(() => timeZones(), []);
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, FIELDS);
  const err = problems.fields;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CreateUserBody = { name: name.trim(), email: email.trim(), role, time_zone: timeZone.trim(), ...(password ? { password } : {}) };
    create.mutate(body, { onSuccess: (user) => onCreated(user) });
  };

  return (
    <form className="panel form-panel" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>Add a user</h3>
      {problems.summary ? <Alert title="The user was not created">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('name')} label="Name" error={err.name}>
          <input id={id('name')} name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy(id('name'), err.name)} />
        </Field>
        <Field id={id('email')} label="Email" error={err.email}>
          <input id={id('email')} name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" {...describedBy(id('email'), err.email)} />
        </Field>
        <Field id={id('role')} label="Role" error={err.role} hint={ROLE_HELP[role]}>
          <select id={id('role')} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} {...describedBy(id('role'), err.role, true)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('time_zone')} label="Time zone" error={err.time_zone} hint="IANA name, e.g. Europe/London">
          <input
            id={id('time_zone')}
            name="time_zone"
            list={id('zones')}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            autoComplete="off"
            {...describedBy(id('time_zone'), err.time_zone, true)}
          />
          <datalist id={id('zones')}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <Field id={id('password')} label="Password" optional error={err.password} hint="At least 8 characters. Without one, the user cannot sign in to the console yet.">
          <input
            id={id('password')}
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            {...describedBy(id('password'), err.password, true)}
          />
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create user'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
