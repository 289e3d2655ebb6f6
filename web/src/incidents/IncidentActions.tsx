/** The commands on one incident: the main buttons, and a small form for each command that takes input. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useAllUsers } from '../access/queries.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { secondsProblem } from './parts.js';
import { useIncidentCommand, useOpenIncidents, type IncidentDetail, type Urgency } from './queries.js';

type Panel = 'snooze' | 'reassign' | 'escalate' | 'urgency' | 'merge';

const PANELS: Array<{ key: Panel; label: string; when: (status: string) => boolean }> = [
  { key: 'snooze', label: 'Snooze…', when: (s) => s === 'acknowledged' },
  { key: 'reassign', label: 'Reassign…', when: (s) => s !== 'resolved' },
  { key: 'escalate', label: 'Escalate…', when: (s) => s !== 'resolved' },
  { key: 'urgency', label: 'Urgency & priority…', when: () => true },
  { key: 'merge', label: 'Merge…', when: (s) => s !== 'resolved' },
];

export function IncidentActions({ inc }: { inc: IncidentDetail }) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const ack = useIncidentCommand('acknowledge');
  const unack = useIncidentCommand('unacknowledge');
  const resolve = useIncidentCommand('resolve');
  const error = ack.error ?? unack.error ?? resolve.error;
  const open = inc.status !== 'resolved';
  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? null : p));
  const done = () => setPanel(null);

  return (
    <section className={`panel inc-actions${open ? '' : ' inc-actions--quiet'}`} aria-label="Actions">
      <div className="inc-actions__bar">
        {inc.status === 'triggered' ? (
          <Button variant="primary" busy={ack.isPending} onClick={() => ack.mutate({ id: inc.id })}>
            Acknowledge
          </Button>
        ) : null}
        {inc.status === 'acknowledged' ? (
          <Button busy={unack.isPending} onClick={() => unack.mutate({ id: inc.id })}>
            Unacknowledge
          </Button>
        ) : null}
        {open ? (
          <Button variant={inc.status === 'acknowledged' ? 'primary' : 'secondary'} busy={resolve.isPending} onClick={() => resolve.mutate({ id: inc.id, body: {} })}>
            Resolve
          </Button>
        ) : null}
        {open ? <span className="inc-actions__sep" aria-hidden="true" /> : null}
        {PANELS.filter((p) => p.when(inc.status)).map((p) => (
          <Button key={p.key} variant="ghost" className="inc-actions__more" aria-expanded={panel === p.key} onClick={() => toggle(p.key)}>
            {p.label}
          </Button>
        ))}
      </div>
      {error ? <Alert title="That did not work">{error.message}</Alert> : null}
      {panel === 'snooze' && inc.status === 'acknowledged' ? <SnoozeForm id={inc.id} onDone={done} /> : null}
      {panel === 'reassign' && open ? <ReassignForm inc={inc} onDone={done} /> : null}
      {panel === 'escalate' && open ? <EscalateForm inc={inc} onDone={done} /> : null}
      {panel === 'urgency' ? <UrgencyPriorityForm inc={inc} onDone={done} /> : null}
      {panel === 'merge' && open ? <MergeForm inc={inc} onDone={done} /> : null}
    </section>
  );
}

function Subform({ title, about, summary, children, onSubmit }: { title: string; about?: ReactNode; summary: string | null; children: ReactNode; onSubmit: (e: FormEvent) => void }) {
  const hid = useId();
  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby={hid}>
      <h4 id={hid}>{title}</h4>
      {about ? <p className="muted small">{about}</p> : null}
      {summary ? <Alert title="Not done">{summary}</Alert> : null}
      {children}
    </form>
  );
}

function Actions({ busy, label, onCancel }: { busy: boolean; label: string; onCancel: () => void }) {
  return (
    <div className="form-actions">
      <Button type="submit" variant="primary" busy={busy}>
        {label}
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}

const SNOOZE_CHOICES = [
  { minutes: 15, label: '15 minutes' },
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 120, label: '2 hours' },
  { minutes: 240, label: '4 hours' },
  { minutes: 480, label: '8 hours' },
  { minutes: 1440, label: '24 hours' },
] as const;

function SnoozeForm({ id, onDone }: { id: string; onDone: () => void }) {
  const snooze = useIncidentCommand('snooze');
  const [choice, setChoice] = useState('60');
  const [custom, setCustom] = useState('');
  const fid = useId();
  const problems = formProblems(secondsProblem(snooze.error, ['duration_seconds']), ['duration_seconds']);
  const err = problems.fields.duration_seconds;
  const minutes = choice === 'custom' ? Number(custom) : Number(choice);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    snooze.mutate({ id, body: { duration_seconds: Number.isFinite(minutes) ? Math.round(minutes * 60) : 0 } }, { onSuccess: onDone });
  };
  return (
    <Subform title="Snooze" about="Quiet until then; it triggers again and pages when the snooze ends, unless resolved first." summary={problems.summary} onSubmit={submit}>
      <div className="form-grid form-grid--narrow">
        <Field id={`${fid}-d`} label="For" error={choice === 'custom' ? undefined : err}>
          <select id={`${fid}-d`} value={choice} onChange={(e) => setChoice(e.target.value)} {...describedBy(`${fid}-d`, choice === 'custom' ? undefined : err)}>
            {SNOOZE_CHOICES.map((c) => (
              <option key={c.minutes} value={String(c.minutes)}>
                {c.label}
              </option>
            ))}
            <option value="custom">Other…</option>
          </select>
        </Field>
        {choice === 'custom' ? (
          <Field id={`${fid}-m`} label="Minutes" error={err} hint="1 minute to 7 days">
            <input id={`${fid}-m`} type="number" min={1} inputMode="numeric" value={custom} onChange={(e) => setCustom(e.target.value)} {...describedBy(`${fid}-m`, err, true)} />
          </Field>
        ) : null}
      </div>
      <Actions busy={snooze.isPending} label="Snooze" onCancel={onDone} />
    </Subform>
  );
}

function ReassignForm({ inc, onDone }: { inc: IncidentDetail; onDone: () => void }) {
  const reassign = useIncidentCommand('reassign');
  const users = useAllUsers();
  const [userId, setUserId] = useState('');
  const fid = useId();
  const problems = formProblems(reassign.error, ['assignees']);
  const err = problems.fields.assignees;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reassign.mutate({ id: inc.id, body: { assignees: userId ? [userId] : [] } }, { onSuccess: onDone });
  };
  return (
    <Subform title="Reassign" about="The new assignee is paged; an acknowledged incident goes back to triggered so they are." summary={problems.summary} onSubmit={submit}>
      <div className="form-grid form-grid--narrow">
        <Field id={`${fid}-u`} label="Assign to" error={err}>
          <select id={`${fid}-u`} value={userId} onChange={(e) => setUserId(e.target.value)} {...describedBy(`${fid}-u`, err)}>
            <option value="">Nobody (the escalation policy pages)</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} — {u.email}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Actions busy={reassign.isPending} label="Reassign" onCancel={onDone} />
    </Subform>
  );
}

function EscalateForm({ inc, onDone }: { inc: IncidentDetail; onDone: () => void }) {
  const escalate = useIncidentCommand('escalate');
  const [level, setLevel] = useState(String(inc.escalation_level + 1));
  const fid = useId();
  const problems = formProblems(escalate.error, ['level']);
  const err = problems.fields.level;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    escalate.mutate({ id: inc.id, body: { level: Number(level) } }, { onSuccess: onDone });
  };
  return (
    <Subform title="Escalate" about={`Pages that level of the escalation policy now. It is at level ${inc.escalation_level}.`} summary={problems.summary} onSubmit={submit}>
      <div className="form-grid form-grid--narrow">
        <Field id={`${fid}-l`} label="Level" error={err}>
          <input id={`${fid}-l`} type="number" min={1} max={100} inputMode="numeric" value={level} onChange={(e) => setLevel(e.target.value)} {...describedBy(`${fid}-l`, err)} />
        </Field>
      </div>
      <Actions busy={escalate.isPending} label="Escalate" onCancel={onDone} />
    </Subform>
  );
}

function UrgencyPriorityForm({ inc, onDone }: { inc: IncidentDetail; onDone: () => void }) {
  const setUrgency = useIncidentCommand('urgency');
  const setPriority = useIncidentCommand('priority');
  const [urgency, setU] = useState<Urgency>(inc.urgency === 'low' ? 'low' : 'high');
  const [priority, setP] = useState(inc.priority ?? '');
  const fid = useId();
  const uProblems = formProblems(setUrgency.error, ['urgency']);
  const pProblems = formProblems(setPriority.error, ['priority']);
  const summary = uProblems.summary ?? pProblems.summary;
  const busy = setUrgency.isPending || setPriority.isPending;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUrgency.reset();
    setPriority.reset();
    try {
      if (urgency !== inc.urgency) await setUrgency.mutateAsync({ id: inc.id, body: { urgency } });
      const p = priority.trim() || null;
      if (p !== inc.priority) await setPriority.mutateAsync({ id: inc.id, body: { priority: p } });
      onDone();
    } catch {
      // Shown beside the fields.
    }
  };
  return (
    <Subform title="Urgency & priority" summary={summary} onSubmit={(e) => void submit(e)}>
      <div className="form-grid form-grid--narrow">
        <Field id={`${fid}-u`} label="Urgency" error={uProblems.fields.urgency}>
          <select id={`${fid}-u`} value={urgency} onChange={(e) => setU(e.target.value as Urgency)} {...describedBy(`${fid}-u`, uProblems.fields.urgency)}>
            <option value="high">High</option>
            <option value="low">Low</option>
          </select>
        </Field>
        <Field id={`${fid}-p`} label="Priority" optional error={pProblems.fields.priority} hint="e.g. P1; empty for none">
          <input id={`${fid}-p`} value={priority} onChange={(e) => setP(e.target.value)} autoComplete="off" {...describedBy(`${fid}-p`, pProblems.fields.priority, true)} />
        </Field>
      </div>
      <Actions busy={busy} label="Save" onCancel={onDone} />
    </Subform>
  );
}

function MergeForm({ inc, onDone }: { inc: IncidentDetail; onDone: () => void }) {
  const merge = useIncidentCommand('merge');
  const others = useOpenIncidents(inc.id, true);
  const [source, setSource] = useState('');
  const fid = useId();
  const problems = formProblems(merge.error, ['source_incident_ids']);
  const err = problems.fields.source_incident_ids;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    merge.mutate({ id: inc.id, body: { source_incident_ids: source ? [source] : [] } }, { onSuccess: onDone });
  };
  return (
    <Subform title={`Merge another incident into #${inc.number}`} about="Its alerts move here, and it resolves as merged." summary={problems.summary} onSubmit={submit}>
      <div className="form-grid">
        <Field id={`${fid}-s`} label="Incident to merge" error={err} className="form-grid__wide">
          <select id={`${fid}-s`} value={source} onChange={(e) => setSource(e.target.value)} {...describedBy(`${fid}-s`, err)}>
            <option value="">{others.isPending ? 'Loading open incidents…' : others.data?.length ? 'Choose an open incident…' : 'No other open incident'}</option>
            {others.data?.map((o) => (
              <option key={o.id} value={o.id}>
                #{o.number} {o.title} ({o.service.name ?? 'deleted service'}, {o.status})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Actions busy={merge.isPending} label="Merge" onCancel={onDone} />
    </Subform>
  );
}
