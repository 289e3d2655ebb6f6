/** Create or edit a service: everything a service decides about its alerts and incidents. */
import { useId, useState, type FormEvent } from 'react';
import { useTeams } from '../access/queries.js';
import { useAllPolicies } from '../escalation/queries.js';
import { reshapeProblem, secondsProblem } from '../incidents/parts.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { useCreateService, useUpdateService, type CreateServiceBody, type Service } from './queries.js';

type Urgency = 'high' | 'low';
type UrgencyMode = Service['urgency'];
type GroupingType = 'none' | 'time' | 'content';
const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;

const FIELDS = [
  'name',
  'description',
  'team_id',
  'escalation_policy_id',
  'urgency',
  'severity_urgency',
  'auto_resolve_timeout',
  'acknowledgement_timeout',
  'alert_grouping',
  'alert_grouping/type',
  'alert_grouping/window_minutes',
  'alert_grouping/fields',
  'alert_grouping/match',
  'auto_pause',
  'auto_pause/seconds',
  'resolve_incident_with_alerts',
  'status',
] as const;

export const GROUPING_HELP: Record<GroupingType, string> = {
  none: 'Every alert opens its own incident.',
  time: 'An alert joins the newest open incident opened within the window.',
  content: 'An alert joins the newest open incident whose first alert had equal values in the chosen fields.',
};

/** Seconds as whole minutes for an input ("" for never). */
const minutesOf = (s: number | null | undefined) => (s === null || s === undefined ? '' : String(Math.round((s / 60) * 100) / 100));
/** Minutes typed -> seconds for the API (null for empty; NaN goes through for the server to name). */
const secondsOf = (m: string): number | null => (m.trim() === '' ? null : Math.round(Number(m) * 60));

export function ServiceForm({ service, onSaved, onCancel }: { service?: Service; onSaved: (s: Service) => void; onCancel: () => void }) {
  const create = useCreateService();
  const update = useUpdateService(service?.id ?? '');
  const m = service ? update : create;
  const teams = useTeams();
  const policies = useAllPolicies();
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [teamId, setTeamId] = useState(service?.team_id ?? '');
  const [policyId, setPolicyId] = useState(service?.escalation_policy_id ?? '');
  const [urgency, setUrgency] = useState<UrgencyMode>(service?.urgency ?? 'high');
  const [sevUrgency, setSevUrgency] = useState<Record<(typeof SEVERITIES)[number], Urgency>>(
    service?.severity_urgency ?? { critical: 'high', error: 'high', warning: 'low', info: 'low' },
  );
  const [autoResolve, setAutoResolve] = useState(minutesOf(service?.auto_resolve_timeout));
  const [ackTimeout, setAckTimeout] = useState(minutesOf(service?.acknowledgement_timeout));
  const [grouping, setGrouping] = useState<GroupingType>((service?.alert_grouping.type as GroupingType) ?? 'none');
  const [windowMinutes, setWindowMinutes] = useState(service?.alert_grouping.window_minutes ? String(service.alert_grouping.window_minutes) : '');
  const [groupFields, setGroupFields] = useState((service?.alert_grouping.fields ?? []).join(', '));
  const [match, setMatch] = useState<'all' | 'any'>(service?.alert_grouping.match === 'any' ? 'any' : 'all');
  const [pause, setPause] = useState(service?.auto_pause.enabled ?? false);
  const [pauseSeconds, setPauseSeconds] = useState(String(service?.auto_pause.seconds ?? 300));
  const [resolveWithAlerts, setResolveWithAlerts] = useState(service?.resolve_incident_with_alerts ?? true);
  const [status, setStatus] = useState<Service['status']>(service?.status ?? 'active');
  const base = useId();
  const id = (f: string) => `${base}-${f.replace(/\//g, '-')}`;

  const shaped = reshapeProblem(secondsProblem(m.error, ['auto_resolve_timeout', 'acknowledgement_timeout', 'auto_pause/seconds']), (p) => ({
    field: p.field.replace(/^(alert_grouping\/fields)\/\d+$/, '$1').replace(/^severity_urgency\/.*/, 'severity_urgency'),
    message: p.message,
  }));
  const problems = formProblems(shaped, FIELDS);
  const err = problems.fields;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = groupFields
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const wm = windowMinutes.trim() === '' ? null : Number(windowMinutes);
    const body: CreateServiceBody = {
      name: name.trim(),
      description: description.trim(),
      team_id: teamId || null,
      escalation_policy_id: policyId || null,
      urgency,
      ...(urgency === 'severity' ? { severity_urgency: sevUrgency } : {}),
      auto_resolve_timeout: secondsOf(autoResolve),
      acknowledgement_timeout: secondsOf(ackTimeout),
      alert_grouping:
        grouping === 'none' ? { type: 'none' } : grouping === 'time' ? { type: 'time', ...(wm !== null ? { window_minutes: wm } : {}) } : { type: 'content', fields, match, window_minutes: wm },
      auto_pause: pause ? { enabled: true, seconds: Number(pauseSeconds) } : { enabled: false },
      resolve_incident_with_alerts: resolveWithAlerts,
      status,
    };
    if (service) update.mutate(body, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  };

  const title = service ? `Edit ${service.name}` : 'New service';
  return (
    <form className="panel form-panel svc-form" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>{title}</h3>
      {problems.summary ? <Alert title={service ? 'The service was not saved' : 'The service was not created'}>{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('name')} label="Service name" error={err.name} hint="What you run, e.g. “Checkout API”">
          <input id={id('name')} name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy(id('name'), err.name, true)} />
        </Field>
        <Field id={id('team_id')} label="Team" optional error={err.team_id}>
          <select id={id('team_id')} name="team_id" value={teamId} onChange={(e) => setTeamId(e.target.value)} {...describedBy(id('team_id'), err.team_id)}>
            <option value="">No team</option>
            {teams.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id('escalation_policy_id')}
          label="Escalation policy"
          error={err.escalation_policy_id}
          hint={policyId ? 'Who its incidents page, level by level' : 'Without one, incidents open but nobody is paged'}
        >
          <select
            id={id('escalation_policy_id')}
            name="escalation_policy_id"
            value={policyId}
            onChange={(e) => setPolicyId(e.target.value)}
            {...describedBy(id('escalation_policy_id'), err.escalation_policy_id, true)}
          >
            <option value="">None: nobody is paged</option>
            {policies.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {policyId && policies.data && !policies.data.some((p) => p.id === policyId) ? <option value={policyId}>(a policy that no longer exists)</option> : null}
          </select>
        </Field>
        <Field id={id('status')} label="Status" error={err.status} hint={status === 'disabled' ? 'Events are accepted and logged, but open nothing' : 'Alerts open incidents and page'}>
          <select id={id('status')} name="status" value={status} onChange={(e) => setStatus(e.target.value as Service['status'])} {...describedBy(id('status'), err.status, true)}>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </select>
        </Field>
        <Field id={id('description')} label="Description" optional error={err.description} className="form-grid__wide">
          <textarea id={id('description')} name="description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} {...describedBy(id('description'), err.description)} />
        </Field>
      </div>

      <fieldset className="svc-fieldset">
        <legend>Urgency</legend>
        <div className="form-grid">
          <Field id={id('urgency')} label="Incidents are" error={err.urgency}>
            <select id={id('urgency')} name="urgency" value={urgency} onChange={(e) => setUrgency(e.target.value as UrgencyMode)} {...describedBy(id('urgency'), err.urgency)}>
              <option value="high">Always high urgency</option>
              <option value="low">Always low urgency</option>
              <option value="severity">By the alert’s severity</option>
            </select>
          </Field>
          {urgency === 'severity'
            ? SEVERITIES.map((sev) => (
                <Field key={sev} id={id(`sev-${sev}`)} label={`${sev[0]!.toUpperCase()}${sev.slice(1)} alerts`} error={sev === 'critical' ? err.severity_urgency : undefined}>
                  <select id={id(`sev-${sev}`)} value={sevUrgency[sev]} onChange={(e) => setSevUrgency({ ...sevUrgency, [sev]: e.target.value as Urgency })}>
                    <option value="high">High urgency</option>
                    <option value="low">Low urgency</option>
                  </select>
                </Field>
              ))
            : null}
        </div>
      </fieldset>

      <fieldset className="svc-fieldset">
        <legend>Alert grouping</legend>
        <div className="form-grid">
          <Field id={id('alert_grouping/type')} label="Group alerts" error={err['alert_grouping/type'] ?? err.alert_grouping} hint={GROUPING_HELP[grouping]}>
            <select
              id={id('alert_grouping/type')}
              value={grouping}
              onChange={(e) => setGrouping(e.target.value as GroupingType)}
              {...describedBy(id('alert_grouping/type'), err['alert_grouping/type'] ?? err.alert_grouping, true)}
            >
              <option value="none">Never (one incident per alert)</option>
              <option value="time">By time</option>
              <option value="content">By content</option>
            </select>
          </Field>
          {grouping !== 'none' ? (
            <Field
              id={id('alert_grouping/window_minutes')}
              label="Window (minutes)"
              optional={grouping === 'content'}
              error={err['alert_grouping/window_minutes']}
              hint={grouping === 'content' ? 'Empty: as long as the incident is open' : undefined}
            >
              <input
                id={id('alert_grouping/window_minutes')}
                type="number"
                min={1}
                inputMode="numeric"
                value={windowMinutes}
                onChange={(e) => setWindowMinutes(e.target.value)}
                {...describedBy(id('alert_grouping/window_minutes'), err['alert_grouping/window_minutes'], grouping === 'content')}
              />
            </Field>
          ) : null}
          {grouping === 'content' ? (
            <>
              <Field id={id('alert_grouping/fields')} label="Fields" error={err['alert_grouping/fields']} hint="Comma-separated, e.g. source, custom_details.cluster">
                <input
                  id={id('alert_grouping/fields')}
                  value={groupFields}
                  onChange={(e) => setGroupFields(e.target.value)}
                  autoComplete="off"
                  {...describedBy(id('alert_grouping/fields'), err['alert_grouping/fields'], true)}
                />
              </Field>
              <Field id={id('alert_grouping/match')} label="Match" error={err['alert_grouping/match']}>
                <select id={id('alert_grouping/match')} value={match} onChange={(e) => setMatch(e.target.value as 'all' | 'any')} {...describedBy(id('alert_grouping/match'), err['alert_grouping/match'])}>
                  <option value="all">All fields equal</option>
                  <option value="any">Any field equal</option>
                </select>
              </Field>
            </>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="svc-fieldset">
        <legend>Timers</legend>
        <div className="form-grid">
          <Field id={id('auto_resolve_timeout')} label="Auto-resolve after (minutes)" optional error={err.auto_resolve_timeout} hint="An incident with no new alert this long resolves. Empty: never.">
            <input
              id={id('auto_resolve_timeout')}
              type="number"
              min={1}
              inputMode="numeric"
              value={autoResolve}
              onChange={(e) => setAutoResolve(e.target.value)}
              {...describedBy(id('auto_resolve_timeout'), err.auto_resolve_timeout, true)}
            />
          </Field>
          <Field id={id('acknowledgement_timeout')} label="Re-trigger acknowledged after (minutes)" optional error={err.acknowledgement_timeout} hint="Acknowledged but not resolved this long: it pages again. Empty: never.">
            <input
              id={id('acknowledgement_timeout')}
              type="number"
              min={1}
              inputMode="numeric"
              value={ackTimeout}
              onChange={(e) => setAckTimeout(e.target.value)}
              {...describedBy(id('acknowledgement_timeout'), err.acknowledgement_timeout, true)}
            />
          </Field>
          <div className="field svc-check">
            <label>
              <input type="checkbox" checked={pause} onChange={(e) => setPause(e.target.checked)} /> Auto-pause new alerts
            </label>
            <p className="field__hint">Wait before paging; an alert its source resolves meanwhile never pages.</p>
          </div>
          {pause ? (
            <Field id={id('auto_pause/seconds')} label="Pause for (seconds)" error={err['auto_pause/seconds'] ?? err.auto_pause}>
              <input
                id={id('auto_pause/seconds')}
                type="number"
                min={1}
                inputMode="numeric"
                value={pauseSeconds}
                onChange={(e) => setPauseSeconds(e.target.value)}
                {...describedBy(id('auto_pause/seconds'), err['auto_pause/seconds'] ?? err.auto_pause)}
              />
            </Field>
          ) : null}
          <div className="field svc-check">
            <label>
              <input type="checkbox" checked={resolveWithAlerts} onChange={(e) => setResolveWithAlerts(e.target.checked)} /> Resolve the incident with its alerts
            </label>
            <p className="field__hint">When its last open alert resolves, so does the incident.</p>
          </div>
        </div>
      </fieldset>

      <div className="form-actions">
        <Button type="submit" variant="primary" busy={m.isPending}>
          {m.isPending ? 'Saving…' : service ? 'Save changes' : 'Create service'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
