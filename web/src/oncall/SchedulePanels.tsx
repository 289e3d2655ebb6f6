/** The panels under a schedule's timeline: swap offers, your time off, layers, calendar feed. */
import { useId, useState, type FormEvent } from 'react';
import { useAllUsers } from '../access/queries.js';
import { useRoleAtLeast, useSession } from '../access/session.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { WEEKDAYS } from './CreateScheduleForm.js';
import { PersonChip } from './common.js';
import { useCancelSwap, useCreateTimeOff, useDeleteTimeOff, useOpenSwaps, useTakeSwap, useTimeOff, type Schedule } from './queries.js';
import { addDays, formatInstant, formatSpan, fromLocalInput, startOfDay, toLocalInput, today } from './time.js';

// ---- open swap offers ----

export function SwapsPanel({ scheduleId, zone, now, onNotice }: { scheduleId: string; zone: string; now: number; onNotice: (text: string) => void }) {
  const me = useSession();
  const canManage = useRoleAtLeast('manager');
  const canSwap = useRoleAtLeast('responder');
  const swaps = useOpenSwaps(scheduleId);
  const take = useTakeSwap();
  const cancel = useCancelSwap();
  const headingId = useId();
  const open = (swaps.data ?? []).filter((s) => Date.parse(s.end) > now).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const error = take.error ?? cancel.error;

  return (
    <section className="panel side-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Open swap offers</h2>
      {swaps.isError ? <Alert title="Could not load swap offers">{swaps.error.message}</Alert> : null}
      {error ? <Alert title={take.error ? 'The shift was not taken' : 'The offer was not cancelled'}>{error.message}</Alert> : null}
      {swaps.isPending ? <p className="muted">Loading…</p> : null}
      {swaps.data && open.length === 0 ? <p className="muted small">No open offers. Click one of your own shifts in the final schedule to offer it.</p> : null}
      {open.length ? (
        <ul className="plain-list" aria-label="Swap offers">
          {open.map((s) => {
            const own = s.offered_by.id === me.user?.id;
            return (
              <li key={s.id} className="plain-list__item" data-swap={s.id}>
                <div className="plain-list__main">
                  <PersonChip id={s.offered_by.id} name={s.offered_by.name} you={own} />
                  <span className="small">{formatSpan(s.start, s.end, zone)}</span>
                </div>
                <div className="plain-list__actions">
                  {!own && canSwap ? (
                    <Button
                      variant="primary"
                      busy={take.isPending && take.variables === s.id}
                      aria-label={`Take the shift ${s.offered_by.name} offers, ${formatSpan(s.start, s.end, zone)}`}
                      onClick={() =>
                        take.mutate(s.id, {
                          onSuccess: (t) => onNotice(`You took ${t.offered_by.name}’s shift: you are on call ${formatSpan(t.start, t.end, zone)}.`),
                        })
                      }
                    >
                      Take
                    </Button>
                  ) : null}
                  {own || canManage ? (
                    <Button
                      variant="ghost"
                      className="btn--danger-text"
                      busy={cancel.isPending && cancel.variables === s.id}
                      aria-label={`Cancel the offer of ${formatSpan(s.start, s.end, zone)}`}
                      onClick={() => cancel.mutate(s.id, { onSuccess: () => onNotice('The swap offer was cancelled.') })}
                    >
                      Cancel
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

// ---- your time off ----

const TIME_OFF_FIELDS = ['start', 'end', 'reason'] as const;

export function TimeOffPanel({ zone }: { zone: string }) {
  const me = useSession();
  const userId = me.user?.id;
  const timeOff = useTimeOff(userId);
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  if (!userId) return null;
  const rows = [...(timeOff.data ?? [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

  return (
    <section className="panel side-panel" aria-labelledby={headingId}>
      <div className="side-panel__head">
        <h2 id={headingId}>Your time off</h2>
        {!adding ? (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Mark time off
          </Button>
        ) : null}
      </div>
      {adding ? <TimeOffForm userId={userId} zone={zone} onDone={() => setAdding(false)} /> : null}
      {timeOff.isError ? <Alert title="Could not load your time off">{timeOff.error.message}</Alert> : null}
      {timeOff.data && rows.length === 0 ? <p className="muted small">None planned. Rotations that skip people who are away hand your turns on while you are off.</p> : null}
      {rows.length ? (
        <ul className="plain-list" aria-label="Time off">
          {rows.map((t) => (
            <TimeOffItem key={t.id} userId={userId} id={t.id} start={t.start} end={t.end} reason={t.reason} zone={zone} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function TimeOffItem({ userId, id, start, end, reason, zone }: { userId: string; id: string; start: string; end: string; reason: string; zone: string }) {
  const remove = useDeleteTimeOff(userId);
  return (
    <li className="plain-list__item">
      <div className="plain-list__main">
        <span>{formatSpan(start, end, zone)}</span>
        {reason ? <span className="small muted">{reason}</span> : null}
        {remove.error ? <span className="field__error">{remove.error.message}</span> : null}
      </div>
      <div className="plain-list__actions">
        <Button variant="ghost" className="btn--danger-text" busy={remove.isPending} onClick={() => remove.mutate(id)} aria-label={`Remove time off ${formatSpan(start, end, zone)}`}>
          Remove
        </Button>
      </div>
    </li>
  );
}

function TimeOffForm({ userId, zone, onDone }: { userId: string; zone: string; onDone: () => void }) {
  const create = useCreateTimeOff(userId);
  const [start, setStart] = useState(() => toLocalInput(startOfDay(addDays(today(zone), 1), zone), zone));
  const [end, setEnd] = useState(() => toLocalInput(startOfDay(addDays(today(zone), 2), zone), zone));
  const [reason, setReason] = useState('');
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, TIME_OFF_FIELDS);
  const err = problems.fields;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ start: fromLocalInput(start, zone) ?? start, end: fromLocalInput(end, zone) ?? end, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onDone });
  };

  return (
    <form className="subform" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h4 id={id('title')}>Mark time off</h4>
      {problems.summary ? <Alert title="The time off was not saved">{problems.summary}</Alert> : null}
      <div className="form-grid form-grid--narrow">
        <Field id={id('start')} label="From" error={err.start} hint={`In ${zone}`}>
          <input id={id('start')} name="start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} {...describedBy(id('start'), err.start, true)} />
        </Field>
        <Field id={id('end')} label="Until" error={err.end} hint={`In ${zone}`}>
          <input id={id('end')} name="end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} {...describedBy(id('end'), err.end, true)} />
        </Field>
        <Field id={id('reason')} label="Reason" optional error={err.reason} className="form-grid__wide">
          <input id={id('reason')} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" {...describedBy(id('reason'), err.reason)} />
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save time off'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

// ---- layers ----

type Layer = Schedule['layers'][number];

export function rotationSummary(layer: Pick<Layer, 'rotation' | 'restrictions'>): string {
  const r = layer.rotation;
  const n = r.length ?? 1;
  let text: string;
  switch (r.type) {
    case 'daily':
      text = `${n === 1 ? 'Daily' : `Every ${n} days`}, handoff at ${r.handoff_time}`;
      break;
    case 'weekly': {
      const day = r.handoff_day ? WEEKDAYS[r.handoff_day - 1] : null;
      text = `${n === 1 ? 'Weekly' : `Every ${n} weeks`}${day ? ` on ${day}` : ''} at ${r.handoff_time}`;
      break;
    }
    default:
      text = n === 1 ? 'Hourly' : `Every ${n} hours`;
  }
  if (layer.restrictions.length) text += ` · ${layer.restrictions.length} ${layer.restrictions.length === 1 ? 'window' : 'windows'}`;
  return text;
}

/** A few words for the timeline's row label: "Daily at 09:00", "Weekly, Mon 09:00", "Every 8 h". */
export function rotationShort(layer: Pick<Layer, 'rotation'>): string {
  const r = layer.rotation;
  const n = r.length ?? 1;
  switch (r.type) {
    case 'daily':
      return `${n === 1 ? 'Daily' : `Every ${n} days`} at ${r.handoff_time}`;
    case 'weekly':
      return `${n === 1 ? 'Weekly' : `Every ${n} weeks`}, ${r.handoff_day ? `${WEEKDAYS[r.handoff_day - 1]!.slice(0, 3)} ` : ''}${r.handoff_time}`;
    default:
      return n === 1 ? 'Hourly' : `Every ${n} h`;
  }
}

export function LayersPanel({ schedule, zone, now }: { schedule: Schedule; zone: string; now: number }) {
  const users = useAllUsers();
  const headingId = useId();
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const layers = schedule.layers.filter((l) => !l.end || Date.parse(l.end) > now);

  return (
    <section className="panel side-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Layers</h2>
      {layers.length === 0 ? <p className="muted small">This schedule has no layers in force.</p> : null}
      <ol className="layer-list">
        {[...layers].reverse().map((l) => (
          <li key={l.id}>
            <div className="layer-list__head">
              <strong>{l.name}</strong>
              <span className="small muted">{rotationSummary(l)}</span>
            </div>
            <div className="layer-list__people">
              {l.users.map((u, i) => (
                <PersonChip key={`${u}-${i}`} id={u} name={names.get(u) ?? '…'} />
              ))}
            </div>
            <div className="small muted">
              Since {formatInstant(l.start, zone)}
              {l.end ? `, until ${formatInstant(l.end, zone)}` : ''}
            </div>
          </li>
        ))}
      </ol>
      {layers.length > 1 ? <p className="small muted">Listed top to bottom by precedence: a higher layer wins where both have someone.</p> : null}
    </section>
  );
}

// ---- calendar feed ----

export function CalendarFeedPanel({ url }: { url: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const headingId = useId();
  const inputId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
      window.setTimeout(() => setCopied('no'), 2500);
    } catch {
      setCopied('failed');
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <section className="panel side-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Calendar feed</h2>
      <p className="small muted">Subscribe to this address in a calendar app to see the final schedule there. It is a secret: share it as you would a password.</p>
      <div className="copy-row">
        <label htmlFor={inputId} className="visually-hidden">
          Calendar feed URL
        </label>
        <input id={inputId} className="copy-row__value" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="ical-url" />
        <Button onClick={() => void copy()}>{copied === 'yes' ? 'Copied' : 'Copy'}</Button>
      </div>
      {copied === 'failed' ? <p className="small muted">Copying is blocked here; the address is selected, press Ctrl+C (⌘C).</p> : null}
    </section>
  );
}
