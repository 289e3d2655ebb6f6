/** Maintenance windows of one service: active, upcoming and past; schedule one, end one early, delete a future one. */
import { useId, useState, type FormEvent } from 'react';
import { useRoleAtLeast } from '../access/session.js';
import { useNow, useZone, When } from '../incidents/parts.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { formatTime } from '../ui/format.js';
import { useCreateWindow, useDeleteWindow, useEndWindow, useMaintenanceWindows, type CreateWindowBody, type MaintenanceWindow, type Service, type WindowState } from './queries.js';
import { epochToWall, useProfileZone, wallToEpoch } from './zone.js';

const FIELDS = ['description', 'start', 'end', 'condition', 'service_ids'] as const;
const QUICK = [
  { hours: 1, label: '1 h' },
  { hours: 2, label: '2 h' },
  { hours: 4, label: '4 h' },
  { hours: 8, label: '8 h' },
] as const;

export function MaintenancePanel({ service }: { service: Service }) {
  const canWrite = useRoleAtLeast('responder');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const zone = useZone();
  const hid = useId();
  return (
    <section className="section svc-section" aria-labelledby={hid}>
      <div className="section__header">
        <h2 id={hid}>Maintenance windows</h2>
        <div className="section__tools">
          {canWrite && !adding ? (
            <Button
              variant="primary"
              onClick={() => {
                setAdding(true);
                setNotice(null);
              }}
            >
              Schedule maintenance
            </Button>
          ) : null}
        </div>
      </div>
      <p className="muted svc-section__about">While a window is active, alerts for this service are kept as suppressed and page nobody.</p>
      {notice ? (
        <Alert tone="success" title="Maintenance scheduled">
          {notice}
        </Alert>
      ) : null}
      {adding ? (
        <CreateWindowForm
          serviceId={service.id}
          onCancel={() => setAdding(false)}
          onCreated={(w) => {
            setAdding(false);
            setNotice(w.state === 'active' ? 'The window is active now.' : `The window starts ${formatTime(w.start, zone)}.`);
          }}
        />
      ) : null}
      <div className="panel svc-windows">
        <WindowList serviceId={service.id} state="active" title="Active now" empty="Nothing is in maintenance." canWrite={canWrite} />
        <WindowList serviceId={service.id} state="future" title="Upcoming" empty="Nothing scheduled." canWrite={canWrite} />
        <WindowList serviceId={service.id} state="past" title="Past" empty="No past windows." canWrite={canWrite} collapsed />
      </div>
    </section>
  );
}

function WindowList({ serviceId, state, title, empty, canWrite, collapsed }: { serviceId: string; state: WindowState; title: string; empty: string; canWrite: boolean; collapsed?: boolean }) {
  const windows = useMaintenanceWindows(serviceId, state);
  const [all, setAll] = useState(!collapsed);
  const hid = useId();
  const rows = windows.data ?? [];
  const visible = all ? rows : rows.slice(0, 3);
  return (
    <section className={`svc-windows__group svc-windows__group--${state}`} aria-labelledby={hid} data-state={state}>
      <h3 id={hid}>
        {title}
        {windows.data ? <span className="muted svc-count"> {rows.length === 100 ? '100+' : rows.length}</span> : null}
      </h3>
      {windows.isError ? <Alert title="Could not load windows">{windows.error.message}</Alert> : null}
      {windows.isPending ? <p className="muted small">Loading…</p> : rows.length === 0 ? <p className="muted small">{empty}</p> : null}
      <ul className="plain-list">
        {visible.map((w) => (
          <WindowItem key={w.id} serviceId={serviceId} w={w} canWrite={canWrite} />
        ))}
      </ul>
      {!all && rows.length > visible.length ? (
        <Button variant="ghost" className="svc-more" onClick={() => setAll(true)}>
          Show all {rows.length}
        </Button>
      ) : null}
    </section>
  );
}

function WindowItem({ serviceId, w, canWrite }: { serviceId: string; w: MaintenanceWindow; canWrite: boolean }) {
  const end = useEndWindow(serviceId);
  const del = useDeleteWindow(serviceId);
  const [confirming, setConfirming] = useState(false);
  const zone = useZone();
  const now = useNow();
  const error = end.error ?? del.error;
  return (
    <li className="plain-list__item svc-window" data-window={w.id}>
      <div className="plain-list__main">
        <span className="svc-window__title">{w.description || 'Maintenance'}</span>
        <span className="small">
          {formatTime(w.start, zone)} → {formatTime(w.end, zone)}
          {w.state === 'active' ? (
            <span className="muted">
              {' '}
              · ends <When iso={w.end} now={now} zone={zone} />
            </span>
          ) : w.state === 'future' ? (
            <span className="muted">
              {' '}
              · starts <When iso={w.start} now={now} zone={zone} />
            </span>
          ) : null}
        </span>
        {w.condition ? (
          <span className="small">
            Only events where <code>{w.condition}</code>
          </span>
        ) : (
          <span className="small muted">Every event of the service</span>
        )}
        {w.ended_early ? <span className="badge">ended early</span> : null}
        {error ? <span className="field__error">{error.message}</span> : null}
      </div>
      {canWrite && w.state !== 'past' ? (
        <div className="plain-list__actions">
          {confirming ? (
            <span className="confirm">
              {w.state === 'active' ? (
                <Button variant="danger" busy={end.isPending} onClick={() => end.mutate(w.id)}>
                  End now
                </Button>
              ) : (
                <Button variant="danger" busy={del.isPending} onClick={() => del.mutate(w.id)}>
                  Delete
                </Button>
              )}
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </span>
          ) : (
            <Button variant="ghost" className={w.state === 'future' ? 'btn--danger-text' : undefined} onClick={() => setConfirming(true)}>
              {w.state === 'active' ? 'End early…' : 'Delete…'}
            </Button>
          )}
        </div>
      ) : null}
    </li>
  );
}

function CreateWindowForm({ serviceId, onCreated, onCancel }: { serviceId: string; onCreated: (w: MaintenanceWindow) => void; onCancel: () => void }) {
  const create = useCreateWindow(serviceId);
  const zone = useProfileZone();
  const [description, setDescription] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState(() => epochToWall(Date.now() + 3_600_000, zone));
  const [condition, setCondition] = useState('');
  const [local, setLocal] = useState<Partial<Record<'start' | 'end', string>>>({});
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, FIELDS);
  const err: Record<string, string | undefined> = { ...problems.fields, ...local };

  const quick = (hours: number) => {
    const from = start ? wallToEpoch(start, zone) : Date.now();
    if (Number.isFinite(from)) setEnd(epochToWall(from + hours * 3_600_000, zone));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = start ? wallToEpoch(start, zone) : null;
    const en = wallToEpoch(end, zone);
    const bad: typeof local = {};
    if (s !== null && !Number.isFinite(s)) bad.start = 'Must be a date and time';
    if (!Number.isFinite(en)) bad.end = 'Required';
    setLocal(bad);
    if (Object.keys(bad).length) return;
    const body: CreateWindowBody = {
      service_ids: [serviceId],
      end: new Date(en).toISOString(),
      ...(s !== null ? { start: new Date(s).toISOString() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(condition.trim() ? { condition: condition.trim() } : {}),
    };
    create.mutate(body, { onSuccess: onCreated });
  };

  return (
    <form className="panel form-panel" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>Schedule maintenance</h3>
      {problems.summary ? <Alert title="The window was not created">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('description')} label="Description" optional error={err.description} className="form-grid__wide" hint="What is being done, e.g. “Firewall firmware upgrade”">
          <input id={id('description')} name="description" value={description} onChange={(e) => setDescription(e.target.value)} autoComplete="off" {...describedBy(id('description'), err.description, true)} />
        </Field>
        <Field id={id('start')} label="Starts" optional error={err.start} hint={`Empty: now. Times in ${zone}.`}>
          <input id={id('start')} name="start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} {...describedBy(id('start'), err.start, true)} />
        </Field>
        <Field
          id={id('end')}
          label="Ends"
          error={err.end}
          hint={
            <span className="svc-quick">
              {QUICK.map((q) => (
                <button key={q.hours} type="button" className="svc-quick__btn" onClick={() => quick(q.hours)} aria-label={`End ${q.label} after the start`} title={`End ${q.label} after the start`}>
                  +{q.label}
                </button>
              ))}
            </span>
          }
        >
          <input id={id('end')} name="end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} {...describedBy(id('end'), err.end, true)} />
        </Field>
        <Field
          id={id('condition')}
          label="Only events matching"
          optional
          error={err.condition}
          className="form-grid__wide"
          hint={
            <>
              A CEL condition over <code>event</code>, e.g. <code>event.source == &apos;fw-01&apos;</code>. Empty: every event of this service.
            </>
          }
        >
          <textarea id={id('condition')} name="condition" className="svc-mono-input" rows={2} value={condition} onChange={(e) => setCondition(e.target.value)} spellCheck={false} {...describedBy(id('condition'), err.condition, true)} />
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Scheduling…' : 'Schedule'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
