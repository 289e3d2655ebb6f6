/** A service's integrations: add one of each type, see its key once, rotate it, and try generic templates. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useRoleAtLeast } from '../access/session.js';
import { durationText, useNow, useZone, When } from '../incidents/parts.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { GenericDryRun } from './GenericDryRun.js';
import { useCreateIntegration, useDeleteIntegration, useIntegrations, useRotateIntegrationKey, type Integration, type IntegrationType, type Service } from './queries.js';

export const TYPES: Array<{ type: IntegrationType; label: string; about: string }> = [
  { type: 'events_v2', label: 'Events API v2', about: 'PagerDuty-compatible: anything that can send to PagerDuty (monitoring tools, scripts) sends here.' },
  { type: 'alertmanager', label: 'Prometheus Alertmanager', about: 'A webhook receiver in alertmanager.yml; set send_resolved: true so incidents resolve.' },
  { type: 'grafana', label: 'Grafana alerting', about: 'A Webhook contact point in Grafana (HTTP method POST).' },
  { type: 'generic', label: 'Generic JSON webhook', about: 'Any JSON body; templates pick the summary, severity, dedup key, action and source.' },
  { type: 'email', label: 'Email', about: 'Mail to an address; the subject becomes the alert’s summary.' },
  { type: 'heartbeat', label: 'Heartbeat', about: 'Something pings a URL regularly; a missed ping opens an alert, the next ping resolves it.' },
];

export const typeLabel = (t: string) => TYPES.find((x) => x.type === t)?.label ?? t;

export function IntegrationsPanel({ service }: { service: Service }) {
  const integrations = useIntegrations(service.id);
  const canManage = useRoleAtLeast('manager');
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<{ integration: Integration; rotated: boolean } | null>(null);
  const hid = useId();

  return (
    <section className="section svc-section" aria-labelledby={hid}>
      <div className="section__header">
        <h2 id={hid}>Integrations</h2>
        <div className="section__tools">
          {canManage && !adding ? (
            <Button
              variant="primary"
              onClick={() => {
                setAdding(true);
                setShown(null);
              }}
            >
              Add integration
            </Button>
          ) : null}
        </div>
      </div>
      {shown ? <KeyOnce integration={shown.integration} rotated={shown.rotated} onDone={() => setShown(null)} /> : null}
      {adding ? (
        <AddIntegrationForm
          serviceId={service.id}
          onCancel={() => setAdding(false)}
          onCreated={(i) => {
            setAdding(false);
            setShown({ integration: i, rotated: false });
          }}
        />
      ) : null}
      {integrations.isError ? <Alert title="Could not load integrations">{integrations.error.message}</Alert> : null}
      <div className="panel svc-list">
        {integrations.isPending ? <p className="muted svc-list__empty">Loading integrations…</p> : null}
        {integrations.data?.length === 0 ? (
          <p className="muted svc-list__empty">No integrations yet: nothing can send this service alerts. {canManage ? 'Add one to get a URL or address to paste into your monitoring.' : ''}</p>
        ) : null}
        <ul className="svc-integrations" aria-label="Integrations">
          {integrations.data?.map((i) => (
            <IntegrationItem key={i.id} serviceId={service.id} integration={i} canManage={canManage} onRotated={(r) => setShown({ integration: r, rotated: true })} />
          ))}
        </ul>
      </div>
    </section>
  );
}

const INTERVAL_UNITS = [
  { value: 60, label: 'minutes' },
  { value: 3600, label: 'hours' },
  { value: 86_400, label: 'days' },
] as const;

function AddIntegrationForm({ serviceId, onCreated, onCancel }: { serviceId: string; onCreated: (i: Integration) => void; onCancel: () => void }) {
  const create = useCreateIntegration(serviceId);
  const [type, setType] = useState<IntegrationType>('events_v2');
  const [name, setName] = useState('');
  const [every, setEvery] = useState('1');
  const [unit, setUnit] = useState('86400');
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, ['type', 'name', 'interval_seconds', 'config']);
  const err = problems.fields;
  const about = TYPES.find((t) => t.type === type)?.about;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        type,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(type === 'heartbeat' ? { interval_seconds: Math.round(Number(every) * Number(unit)) } : {}),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form className="panel form-panel" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>Add an integration</h3>
      {problems.summary ? <Alert title="The integration was not created">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('type')} label="Type" error={err.type} hint={about}>
          <select id={id('type')} name="type" value={type} onChange={(e) => setType(e.target.value as IntegrationType)} {...describedBy(id('type'), err.type, true)}>
            {TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('name')} label="Integration name" optional error={err.name} hint="e.g. “Datadog production”; the type’s name if empty">
          <input id={id('name')} name="integration_name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy(id('name'), err.name, true)} />
        </Field>
        {type === 'heartbeat' ? (
          <Field id={id('interval')} label="Expect a ping every" error={err.interval_seconds} hint="10 seconds to 30 days">
            <span className="svc-inline">
              <input
                id={id('interval')}
                type="number"
                min={1}
                inputMode="numeric"
                value={every}
                onChange={(e) => setEvery(e.target.value)}
                {...describedBy(id('interval'), err.interval_seconds, true)}
              />
              <select aria-label="Unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
                {INTERVAL_UNITS.map((u) => (
                  <option key={u.value} value={String(u.value)}>
                    {u.label}
                  </option>
                ))}
              </select>
            </span>
          </Field>
        ) : null}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create integration'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A value with a copy button (and select-to-copy where the Clipboard API is blocked). */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const fid = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="svc-copy">
      <label htmlFor={fid} className="svc-copy__label">
        {label}
      </label>
      <div className="svc-copy__row">
        <input id={fid} ref={input} className="svc-copy__value" readOnly value={value} onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
        <Button onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {copied === 'failed' ? <p className="small muted">Copying is blocked here; the text is selected, press Ctrl+C (⌘C).</p> : null}
    </div>
  );
}

/** Right after creation or rotation: the key and where to send, shown this once. */
function KeyOnce({ integration: i, rotated, onDone }: { integration: Integration; rotated: boolean; onDone: () => void }) {
  const hid = useId();
  const key = i.key ?? '';
  const sample =
    i.type === 'events_v2' && i.url
      ? `curl -X POST ${i.url} -H 'content-type: application/json' -d '{"routing_key":"${key}","event_action":"trigger","dedup_key":"test-1","payload":{"summary":"Test from Tocsin","source":"my-host","severity":"warning"}}'`
      : i.type === 'heartbeat' && i.url
        ? `curl -fsS ${i.url}`
        : null;
  return (
    <section className="panel secret-once svc-key-once" aria-labelledby={hid} data-testid="integration-created">
      <h3 id={hid}>
        {rotated ? `New key for “${i.name}”` : `“${i.name}” is ready`} <span className="badge">{typeLabel(i.type)}</span>
      </h3>
      <p>
        <strong>Shown once.</strong> Copy the key and the {i.type === 'email' ? 'address' : 'URL'} now: Tocsin keeps only a hash of the key and cannot show it again. If it is lost, rotate the key.
      </p>
      <div className="svc-copies">
        {i.type === 'email' && i.email ? <CopyField label="Email address" value={i.email} testId="integration-email" /> : null}
        {i.type !== 'email' && i.url ? <CopyField label={i.type === 'events_v2' ? 'Events API URL' : 'Webhook URL'} value={i.url} testId="integration-url" /> : null}
        <CopyField label={i.type === 'events_v2' ? 'Integration key (routing_key)' : 'Integration key'} value={key} testId="integration-key" />
      </div>
      {i.type === 'events_v2' ? <p className="small muted">Send events to the URL with this key as <code>routing_key</code>, as you would to PagerDuty.</p> : null}
      {sample ? (
        <details className="svc-sample">
          <summary>Try it from a shell</summary>
          <pre>
            <code>{sample}</code>
          </pre>
        </details>
      ) : null}
      <div className="form-actions">
        <Button onClick={onDone}>I have copied it</Button>
      </div>
    </section>
  );
}

function where(i: Integration): string {
  if (i.type === 'events_v2') return i.endpoint;
  return i.endpoint.replace('{key}', `…${i.key_hint}`);
}

function IntegrationItem({ serviceId, integration: i, canManage, onRotated }: { serviceId: string; integration: Integration; canManage: boolean; onRotated: (i: Integration) => void }) {
  const rotate = useRotateIntegrationKey(serviceId);
  const del = useDeleteIntegration(serviceId);
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null);
  const [templates, setTemplates] = useState(false);
  const now = useNow();
  const zone = useZone();
  const error = rotate.error ?? del.error;
  return (
    <li className="svc-integration" aria-label={`Integration ${i.name}`}>
      <div className="svc-integration__main">
        <div className="svc-integration__head">
          <span className="svc-integration__name">{i.name}</span>
          <span className="badge">{typeLabel(i.type)}</span>
          {i.type === 'heartbeat' && i.heartbeat_state ? <span className={`badge${i.heartbeat_state === 'missed' ? ' badge--warning' : ''}`}>{i.heartbeat_state}</span> : null}
        </div>
        <code className="svc-integration__where">{where(i)}</code>
        <span className="muted small">
          {i.type === 'events_v2' ? `Routing key ends in …${i.key_hint} · ` : `Key ends in …${i.key_hint} · `}
          added <When iso={i.created_at} now={now} zone={zone} />
          {i.type === 'heartbeat' ? (
            <>
              {' '}
              · every {durationText(i.interval_seconds)} · last ping {i.last_ping_at ? <When iso={i.last_ping_at} now={now} zone={zone} /> : 'never'}
            </>
          ) : null}
        </span>
      </div>
      {canManage ? (
        <div className="svc-integration__actions">
          {confirm === 'rotate' ? (
            <span className="confirm">
              <span className="small">The old key stops working.</span>
              <Button
                variant="danger"
                busy={rotate.isPending}
                onClick={() =>
                  rotate.mutate(i.id, {
                    onSuccess: (r) => {
                      setConfirm(null);
                      onRotated(r);
                    },
                  })
                }
              >
                Rotate key
              </Button>
              <Button variant="ghost" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
            </span>
          ) : confirm === 'delete' ? (
            <span className="confirm">
              <span className="small">Senders using it will be refused.</span>
              <Button variant="danger" busy={del.isPending} onClick={() => del.mutate(i.id)}>
                Delete
              </Button>
              <Button variant="ghost" onClick={() => setConfirm(null)}>
                Keep
              </Button>
            </span>
          ) : (
            <>
              {i.type === 'generic' ? (
                <Button variant="ghost" aria-expanded={templates} onClick={() => setTemplates((t) => !t)}>
                  Templates & dry run
                </Button>
              ) : null}
              <Button variant="ghost" onClick={() => setConfirm('rotate')} aria-label={`Rotate key of ${i.name}`}>
                Rotate key
              </Button>
              <Button variant="ghost" className="btn--danger-text" onClick={() => setConfirm('delete')} aria-label={`Delete ${i.name}`}>
                Delete
              </Button>
            </>
          )}
        </div>
      ) : null}
      {error ? <p className="field__error svc-integration__error">{error.message}</p> : null}
      {templates && i.type === 'generic' ? <GenericDryRun serviceId={serviceId} integration={i} /> : null}
    </li>
  );
}
