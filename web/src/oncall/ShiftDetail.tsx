/**
 * What a click on a shift opens: its exact start and end, and what can be done about it —
 * override it (managers) or offer it for a swap (its own person). An override bar opens the
 * same panel with "Remove override".
 */
import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.js';
import { useAllUsers } from '../access/queries.js';
import { useRoleAtLeast, useSession } from '../access/session.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { PersonChip } from './common.js';
import { useCreateOverride, useDeleteOverride, useOfferSwap, type OncallEntry, type Override, type Shift } from './queries.js';
import { formatDuration, formatInstantLong, formatSpan, fromLocalInput, toLocalInput } from './time.js';

export type Selection = { kind: 'shift'; shift: Shift } | { kind: 'override'; override: Override };

const SOURCE: Record<string, string> = { layer: 'rotation', override: 'override', swap: 'swap' };

/**
 * The shift as the page drew it is clipped to the range shown; ask who is on call at its start
 * for its real start and end (the server merges shifts the same way for both answers).
 */
function useExactSpan(scheduleId: string, shift: Shift): { span: { start: string; end: string }; settled: boolean } {
  // Asked once per shift opened (not under ['oncalls'], so a change made from this panel does
  // not swap the span under a form that is still open).
  const exact = useQuery({
    queryKey: ['shift-span', scheduleId, shift.user.id, shift.start, shift.end],
    queryFn: async () => (await unwrap(api.GET('/api/v1/oncalls', { params: { query: { at: shift.start, schedule_ids: [scheduleId] } } }))).data as OncallEntry[],
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const settled = !exact.isPending;
  const entry = exact.data?.find((e) => e.user.id === shift.user.id && e.source === shift.source);
  if (!entry) return { span: { start: shift.start, end: shift.end }, settled };
  // Never narrower than what is drawn (the answer is exact only up to 35 days back).
  return {
    span: {
      start: Date.parse(entry.start) < Date.parse(shift.start) ? entry.start : shift.start,
      end: Date.parse(entry.end) > Date.parse(shift.end) ? entry.end : shift.end,
    },
    settled,
  };
}

export function SelectionDetail(props: { scheduleId: string; selection: Selection; zone: string; otherZone: string | null; now: number; onClose: () => void; onNotice: (text: string) => void }) {
  return props.selection.kind === 'shift' ? (
    <ShiftDetail {...props} shift={props.selection.shift} />
  ) : (
    <OverrideDetail {...props} override={props.selection.override} />
  );
}

function Facts({ start, end, zone, otherZone }: { start: string; end: string; zone: string; otherZone: string | null }) {
  return (
    <dl className="facts">
      <div>
        <dt>Starts</dt>
        <dd data-testid="shift-start">{formatInstantLong(start, zone)}</dd>
      </div>
      <div>
        <dt>Ends</dt>
        <dd data-testid="shift-end">{formatInstantLong(end, zone)}</dd>
      </div>
      <div>
        <dt>Length</dt>
        <dd>{formatDuration(Date.parse(end) - Date.parse(start))}</dd>
      </div>
      {otherZone ? (
        <div>
          <dt>In {otherZone}</dt>
          <dd>{formatSpan(start, end, otherZone)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function ShiftDetail({ scheduleId, shift, zone, otherZone, now, onClose, onNotice }: { scheduleId: string; shift: Shift; zone: string; otherZone: string | null; now: number; onClose: () => void; onNotice: (text: string) => void }) {
  const me = useSession();
  const canManage = useRoleAtLeast('manager');
  const canSwap = useRoleAtLeast('responder');
  const { span, settled } = useExactSpan(scheduleId, shift);
  const [action, setAction] = useState<'override' | 'swap' | null>(null);
  const mine = shift.user.id === me.user?.id;
  const upcoming = Date.parse(span.end) > now;
  const headingId = useId();

  return (
    <section className="panel shift-detail" aria-labelledby={headingId}>
      <div className="shift-detail__head">
        <h3 id={headingId}>
          <PersonChip id={shift.user.id} name={shift.user.name} you={mine} />
        </h3>
        <span className={`badge${shift.source === 'layer' ? '' : ' badge--accent'}`}>{SOURCE[shift.source] ?? shift.source}</span>
        {shift.covering_for ? <span className="small muted">covering for {shift.covering_for.name}</span> : null}
        <button type="button" className="icon-btn shift-detail__close" aria-label="Close shift details" title="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <Facts start={span.start} end={span.end} zone={zone} otherZone={otherZone} />
      {!settled ? (
        <p className="small muted">Checking the shift’s exact times…</p>
      ) : upcoming && (canManage || (mine && canSwap)) ? (
        <div className="shift-detail__actions">
          {canManage ? (
            <Button variant={action === 'override' ? 'primary' : 'secondary'} onClick={() => setAction(action === 'override' ? null : 'override')} aria-expanded={action === 'override'}>
              Override this shift
            </Button>
          ) : null}
          {mine && canSwap ? (
            <Button variant={action === 'swap' ? 'primary' : 'secondary'} onClick={() => setAction(action === 'swap' ? null : 'swap')} aria-expanded={action === 'swap'}>
              Offer a swap
            </Button>
          ) : null}
        </div>
      ) : !upcoming ? (
        <p className="small muted">This shift is over.</p>
      ) : null}
      {settled && action === 'override' ? (
        <OverrideForm
          scheduleId={scheduleId}
          span={span}
          zone={zone}
          exclude={shift.user.id}
          onCancel={() => setAction(null)}
          onDone={(text) => {
            onNotice(text);
            onClose();
          }}
        />
      ) : null}
      {settled && action === 'swap' ? (
        <OfferSwapForm
          scheduleId={scheduleId}
          span={span}
          zone={zone}
          now={now}
          onCancel={() => setAction(null)}
          onDone={(text) => {
            onNotice(text);
            onClose();
          }}
        />
      ) : null}
    </section>
  );
}

function OverrideDetail({ scheduleId, override, zone, otherZone, now, onClose, onNotice }: { scheduleId: string; override: Override; zone: string; otherZone: string | null; now: number; onClose: () => void; onNotice: (text: string) => void }) {
  const canManage = useRoleAtLeast('manager');
  const me = useSession();
  const remove = useDeleteOverride(scheduleId);
  const headingId = useId();
  const ended = Date.parse(override.end) <= now;
  const started = Date.parse(override.start) <= now;
  return (
    <section className="panel shift-detail" aria-labelledby={headingId}>
      <div className="shift-detail__head">
        <h3 id={headingId}>
          <PersonChip id={override.user.id} name={override.user.name} you={override.user.id === me.user?.id} />
        </h3>
        <span className="badge badge--accent">{override.source === 'swap' ? 'swap' : 'override'}</span>
        <button type="button" className="icon-btn shift-detail__close" aria-label="Close override details" title="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <Facts start={override.start} end={override.end} zone={zone} otherZone={otherZone} />
      {canManage && !ended ? (
        <div className="shift-detail__actions">
          <Button
            variant="secondary"
            className="btn--danger-text"
            busy={remove.isPending}
            onClick={() =>
              remove.mutate(override.id, {
                onSuccess: () => {
                  onNotice(started ? `The override for ${override.user.name} was ended now.` : `The override for ${override.user.name} was removed.`);
                  onClose();
                },
              })
            }
          >
            {started ? 'End override now' : 'Remove override'}
          </Button>
        </div>
      ) : null}
      {remove.error ? <Alert title="The override was not removed">{remove.error.message}</Alert> : null}
    </section>
  );
}

const OVERRIDE_FIELDS = ['user_id', 'start', 'end'] as const;

function OverrideForm({ scheduleId, span, zone, exclude, onCancel, onDone }: { scheduleId: string; span: { start: string; end: string }; zone: string; exclude: string; onCancel: () => void; onDone: (notice: string) => void }) {
  const create = useCreateOverride(scheduleId);
  const users = useAllUsers();
  const [userId, setUserId] = useState('');
  const [start, setStart] = useState(() => toLocalInput(Date.parse(span.start), zone));
  const [end, setEnd] = useState(() => toLocalInput(Date.parse(span.end), zone));
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, OVERRIDE_FIELDS);
  const err = problems.fields;
  const candidates = (users.data ?? []).filter((u) => u.id !== exclude);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { user_id: userId, start: fromLocalInput(start, zone) ?? start, end: fromLocalInput(end, zone) ?? end },
      { onSuccess: (o) => onDone(`${o.user.name} is on call instead, ${formatSpan(o.start, o.end, zone)}.`) },
    );
  };

  return (
    <form className="subform" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h4 id={id('title')}>Override this shift</h4>
      {problems.summary ? <Alert title="The override was not created">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('user_id')} label="On call instead" error={err.user_id}>
          <select id={id('user_id')} name="user_id" value={userId} onChange={(e) => setUserId(e.target.value)} disabled={users.isPending} {...describedBy(id('user_id'), err.user_id)}>
            <option value="">{users.isPending ? 'Loading people…' : 'Choose a person…'}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} — {u.email}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('start')} label="From" error={err.start} hint={`In ${zone}`}>
          <input id={id('start')} name="start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} {...describedBy(id('start'), err.start, true)} />
        </Field>
        <Field id={id('end')} label="Until" error={err.end} hint={`In ${zone}`}>
          <input id={id('end')} name="end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} {...describedBy(id('end'), err.end, true)} />
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create override'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

const SWAP_FIELDS = ['start', 'end'] as const;

function OfferSwapForm({ scheduleId, span, zone, now, onCancel, onDone }: { scheduleId: string; span: { start: string; end: string }; zone: string; now: number; onCancel: () => void; onDone: (notice: string) => void }) {
  const offer = useOfferSwap();
  // What has already passed cannot be handed over: offer from now at the earliest.
  const [start, setStart] = useState(() => toLocalInput(Math.max(Date.parse(span.start), Math.ceil(now / 60_000) * 60_000), zone));
  const [end, setEnd] = useState(() => toLocalInput(Date.parse(span.end), zone));
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(offer.error, SWAP_FIELDS);
  const err = problems.fields;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    offer.mutate(
      { schedule_id: scheduleId, start: fromLocalInput(start, zone) ?? start, end: fromLocalInput(end, zone) ?? end },
      { onSuccess: (s) => onDone(`Your shift ${formatSpan(s.start, s.end, zone)} is offered for a swap. Anyone can take it until it starts.`) },
    );
  };

  return (
    <form className="subform" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h4 id={id('title')}>Offer a swap</h4>
      <p className="small muted">Someone else takes the span you offer; until then you stay on call.</p>
      {problems.summary ? <Alert title="The swap was not offered">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('start')} label="From" error={err.start} hint={`In ${zone}`}>
          <input id={id('start')} name="start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} {...describedBy(id('start'), err.start, true)} />
        </Field>
        <Field id={id('end')} label="Until" error={err.end} hint={`In ${zone}`}>
          <input id={id('end')} name="end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} {...describedBy(id('end'), err.end, true)} />
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={offer.isPending}>
          {offer.isPending ? 'Offering…' : 'Offer swap'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
