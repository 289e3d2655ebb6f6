import { useId, useRef, useState, type FormEvent } from 'react';
import type { Role, Token } from '../api/client.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { formatTime, relativeTime } from '../ui/format.js';
import { ROLE_HELP, useCreateToken, useRevokeToken, useTokens } from './queries.js';
import { rolesUpTo, useSession } from './session.js';

type Created = Token & { token: string };

export function TokensPage() {
  const tokens = useTokens();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const me = useSession();
  const zone = me.user?.time_zone;

  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let scripts and tools call the REST API with <code>Authorization: Bearer …</code>. A token never has more rights than its role.
          </>
        }
        actions={
          !adding ? (
            <Button
              variant="primary"
              onClick={() => {
                setAdding(true);
                setCreated(null);
              }}
            >
              New token
            </Button>
          ) : null
        }
      />
      {created ? <SecretOnce token={created} onDone={() => setCreated(null)} /> : null}
      {adding ? (
        <CreateTokenForm
          onCancel={() => setAdding(false)}
          onCreated={(t) => {
            setAdding(false);
            setCreated(t);
          }}
        />
      ) : null}
      {tokens.isError ? <Alert title="Could not load tokens">{tokens.error.message}</Alert> : null}
      <div className="table-wrap panel">
        <table className="table" aria-label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.map((t) => (
              <TokenRow key={t.id} token={t} zone={zone} />
            ))}
            {tokens.isPending ? (
              <tr>
                <td colSpan={8} className="table__empty">
                  Loading tokens…
                </td>
              </tr>
            ) : tokens.data?.length === 0 ? (
              <tr>
                <td colSpan={8} className="table__empty">
                  No API tokens yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}

function tokenStatus(t: Token): { label: string; tone: string } {
  if (t.revoked_at) return { label: 'revoked', tone: 'muted' };
  if (t.expires_at && Date.parse(t.expires_at) <= Date.now()) return { label: 'expired', tone: 'muted' };
  return { label: 'active', tone: 'ok' };
}

function TokenRow({ token, zone }: { token: Token; zone: string | undefined }) {
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState(false);
  const status = tokenStatus(token);
  return (
    <tr className={status.label === 'active' ? undefined : 'is-inactive'}>
      <td>{token.name}</td>
      <td>
        <code className="token-prefix">{token.prefix}…</code>
      </td>
      <td>
        <span className={`badge badge--role-${token.role}`}>{token.role}</span>
      </td>
      <td title={token.created_at}>{formatTime(token.created_at, zone)}</td>
      <td title={token.last_used_at ?? undefined}>{relativeTime(token.last_used_at)}</td>
      <td title={token.expires_at ?? undefined}>{token.expires_at ? formatTime(token.expires_at, zone) : 'never'}</td>
      <td>
        <span className={`status status--${status.tone}`}>{status.label}</span>
      </td>
      <td className="table__actions">
        {status.label === 'active' ? (
          confirming ? (
            <span className="confirm">
              <span className="small">Revoke for good?</span>
              <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
                Revoke
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </span>
          ) : (
            <Button variant="ghost" className="btn--danger-text" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
              Revoke
            </Button>
          )
        ) : null}
        {revoke.error ? <span className="field__error">{revoke.error.message}</span> : null}
      </td>
    </tr>
  );
}

const EXPIRY = [
  { value: '', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
] as const;

const TOKEN_FIELDS = ['name', 'role', 'expires_at'] as const;

function CreateTokenForm({ onCreated, onCancel }: { onCreated: (t: Created) => void; onCancel: () => void }) {
  const me = useSession();
  const allowed = rolesUpTo(me.actor.role);
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>((allowed[0] ?? 'observer') as Role);
  const [expiry, setExpiry] = useState('');
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, TOKEN_FIELDS);
  const err = problems.fields;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const expires_at = expiry ? new Date(Date.now() + Number(expiry) * 86_400_000).toISOString() : undefined;
    create.mutate({ name: name.trim(), role, ...(expires_at ? { expires_at } : {}) }, { onSuccess: (t) => onCreated(t) });
  };

  return (
    <form className="panel form-panel" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>New API token</h3>
      {problems.summary ? <Alert title="The token was not created">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('name')} label="Name" error={err.name} hint="What it is for, e.g. “Grafana alerts”">
          <input id={id('name')} name="token_name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy(id('name'), err.name, true)} />
        </Field>
        <Field id={id('role')} label="Role" error={err.role} hint={ROLE_HELP[role]}>
          <select id={id('role')} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} {...describedBy(id('role'), err.role, true)}>
            {allowed.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('expires_at')} label="Expires" error={err.expires_at}>
          <select id={id('expires_at')} name="expires_at" value={expiry} onChange={(e) => setExpiry(e.target.value)} {...describedBy(id('expires_at'), err.expires_at)}>
            {EXPIRY.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The secret, shown once, with a copy button. */
function SecretOnce({ token, onDone }: { token: Created; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      // Without a secure context there is no Clipboard API: select the text for Ctrl+C instead.
      field.current?.select();
      setCopied('failed');
    }
  };

  return (
    <section className="panel secret-once" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`}>Token “{token.name}” created</h3>
      <p>Copy the token now. Tocsin stores only its hash, so it will never be shown again.</p>
      <div className="secret-once__row">
        <label htmlFor={fieldId} className="visually-hidden">
          New token secret
        </label>
        <input id={fieldId} ref={field} className="secret-once__value" readOnly value={token.token} onFocus={(e) => e.currentTarget.select()} data-testid="token-secret" />
        <Button variant="primary" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {copied === 'failed' ? <p className="small muted">Copying is blocked here; the token is selected, press Ctrl+C (⌘C).</p> : null}
      <div className="form-actions">
        <Button onClick={onDone}>
          I have saved it
        </Button>
      </div>
    </section>
  );
}
