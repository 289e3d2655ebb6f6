import { useId, useMemo, useState, type FormEvent } from 'react';
import { useAllUsers } from '../access/queries.js';
import { useRoleAtLeast } from '../access/session.js';
import { ApiError } from '../api/client.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link } from '../router/router.js';
import type { Params } from '../router/router.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { formatTime, initials } from '../ui/format.js';
import { IncidentActions } from './IncidentActions.js';
import { useIncidentStream } from './live.js';
import { NotificationsPanel } from './NotificationsPanel.js';
import { LiveIndicator, SeverityBadge, StatusBadge, UrgencyBadge, useNow, useZone, When } from './parts.js';
import { timelineTone, typeLabel } from './timelineTypes.js';
import { useAddNote, useIncident, useIncidentAlerts, useIncidentTimeline, usePostStatusUpdate, type IncidentDetail, type RecentChange, type TimelineEntry } from './queries.js';

const RESOLVE_REASON: Record<string, string> = {
  manual: 'by hand',
  source: 'its alert resolved',
  all_alerts_resolved: 'all its alerts resolved',
  auto_timeout: 'auto-resolve timeout',
  merged: 'merged into another incident',
};

export function IncidentPage({ params }: { params: Params }) {
  const id = params.id ?? '';
  const incident = useIncident(id);
  const live = useIncidentStream();
  const canAct = useRoleAtLeast('responder');
  const inc = incident.data;

  if (incident.isError) {
    return (
      <>
        <p className="crumbs">
          <Link to="/incidents">Incidents</Link>
        </p>
        <PageHeader title="Incident" />
        <Alert title={incident.error instanceof ApiError && incident.error.status === 404 ? 'No such incident' : 'Could not load the incident'}>{incident.error.message}</Alert>
      </>
    );
  }
  if (!inc) return <div className="inc-muted-block muted">Loading the incident…</div>;

  return (
    <>
      <p className="crumbs">
        <Link to="/incidents">Incidents</Link> <span aria-hidden="true">›</span> #{inc.number}
      </p>
      <PageHeader
        title={`#${inc.number} ${inc.title}`}
        description={
          <span className="inc-headline" data-testid="incident-headline">
            <StatusBadge status={inc.status} />
            <UrgencyBadge urgency={inc.urgency} />
            {inc.priority ? <span className="badge badge--accent">{inc.priority}</span> : null}
            <span className="muted">on</span>
            {inc.service.name ? <Link to={`/services/${inc.service.id}`}>{inc.service.name}</Link> : <span className="muted">a deleted service</span>}
          </span>
        }
        actions={<LiveIndicator state={live.state} />}
      />
      {inc.merged_into_id ? (
        <Alert tone="info" title="Merged">
          This incident was merged into <Link to={`/incidents/${inc.merged_into_id}`}>another incident</Link>, which has its alerts now.
        </Alert>
      ) : null}
      {canAct ? <IncidentActions inc={inc} /> : null}
      <AlertsPanel id={inc.id} />
      <NotificationsPanel inc={inc} />
      <div className="inc-columns">
        <TimelinePanel inc={inc} canNote={canAct} />
        <div className="inc-side">
          <DetailsPanel inc={inc} />
          <RecentChanges changes={inc.recent_changes} />
        </div>
      </div>
    </>
  );
}

function DetailsPanel({ inc }: { inc: IncidentDetail }) {
  const zone = useZone();
  const now = useNow();
  const users = useAllUsers();
  const names = useMemo(() => new Map(users.data?.map((u) => [u.id, u.name])), [users.data]);
  const hid = useId();
  return (
    <section className="panel side-panel" aria-labelledby={hid}>
      <h2 id={hid}>Details</h2>
      {inc.description ? <p className="inc-description">{inc.description}</p> : null}
      <dl className="inc-facts">
        <div>
          <dt>Created</dt>
          <dd>
            <When iso={inc.created_at} now={now} zone={zone} /> <span className="muted small">{formatTime(inc.created_at, zone)}</span>
          </dd>
        </div>
        {inc.acknowledged_at ? (
          <div>
            <dt>Acknowledged</dt>
            <dd>
              <When iso={inc.acknowledged_at} now={now} zone={zone} />
              {inc.acknowledgers.length ? <span className="muted"> by {inc.acknowledgers.map((a) => a.name).join(', ')}</span> : null}
            </dd>
          </div>
        ) : null}
        {inc.resolved_at ? (
          <div>
            <dt>Resolved</dt>
            <dd>
              <When iso={inc.resolved_at} now={now} zone={zone} />
              {inc.resolve_reason ? <span className="muted"> — {RESOLVE_REASON[inc.resolve_reason] ?? inc.resolve_reason}</span> : null}
            </dd>
          </div>
        ) : null}
        {inc.snoozed_until ? (
          <div>
            <dt>Snoozed until</dt>
            <dd>{formatTime(inc.snoozed_until, zone)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Assigned to</dt>
          <dd>{inc.assignees.length ? inc.assignees.map((a) => names.get(a) ?? a).join(', ') : <span className="muted">the escalation policy</span>}</dd>
        </div>
        <div>
          <dt>Escalation level</dt>
          <dd>{inc.escalation_level}</dd>
        </div>
        <div>
          <dt>Alerts</dt>
          <dd>{inc.alert_count}</dd>
        </div>
      </dl>
    </section>
  );
}

function AlertsPanel({ id }: { id: string }) {
  const alerts = useIncidentAlerts(id);
  const zone = useZone();
  const now = useNow();
  const hid = useId();
  return (
    <section className="section inc-section" aria-labelledby={hid}>
      <div className="section__header">
        <h2 id={hid}>Alerts{alerts.data ? <span className="muted inc-count"> {alerts.data.length}</span> : null}</h2>
      </div>
      {alerts.isError ? <Alert title="Could not load the alerts">{alerts.error.message}</Alert> : null}
      <div className="table-wrap panel">
        <table className="table inc-alerts" aria-label="Alerts">
          <thead>
            <tr>
              <th scope="col">Summary</th>
              <th scope="col">Source</th>
              <th scope="col">Severity</th>
              <th scope="col" className="num">
                Events
              </th>
              <th scope="col">Status</th>
              <th scope="col">Why it joined</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {alerts.data?.map((a) => (
              <tr key={a.id}>
                <td className="inc-alerts__summary">
                  <span>{a.summary}</span>
                  <span className="muted small inc-mono" title="Deduplication key">
                    {a.dedup_key}
                  </span>
                </td>
                <td data-label="Source">{a.source}</td>
                <td data-label="Severity">
                  <SeverityBadge severity={a.severity} />
                </td>
                <td className="num" data-label="Events">
                  {a.event_count}
                </td>
                <td data-label="Status">
                  <StatusBadge status={a.status} />
                  {a.suppressed_by ? <span className="badge badge--warning">suppressed: {a.suppressed_by}</span> : null}
                </td>
                <td className="inc-alerts__reason" data-label="Why it joined">{a.group_reason ?? <span className="muted">—</span>}</td>
                <td data-label="Last seen">
                  <When iso={a.last_seen_at} now={now} zone={zone} />
                </td>
              </tr>
            ))}
            {alerts.isPending ? (
              <tr>
                <td colSpan={7} className="table__empty">
                  Loading alerts…
                </td>
              </tr>
            ) : alerts.data?.length === 0 ? (
              <tr>
                <td colSpan={7} className="table__empty">
                  No alerts: this incident was opened by hand.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TimelinePanel({ inc, canNote }: { inc: IncidentDetail; canNote: boolean }) {
  const timeline = useIncidentTimeline(inc.id);
  const zone = useZone();
  const now = useNow();
  const hid = useId();
  return (
    <section className="panel inc-timeline-panel" aria-labelledby={hid}>
      <h2 id={hid}>Timeline</h2>
      {canNote ? <Composer id={inc.id} /> : null}
      {timeline.isError ? <Alert title="Could not load the timeline">{timeline.error.message}</Alert> : null}
      {timeline.isPending ? <p className="muted">Loading the timeline…</p> : null}
      <ol className="inc-timeline" aria-label="Timeline entries">
        {timeline.data?.map((e) => (
          <TimelineItem key={e.id} entry={e} now={now} zone={zone} />
        ))}
      </ol>
    </section>
  );
}

function TimelineItem({ entry, now, zone }: { entry: TimelineEntry; now: number; zone: string | undefined }) {
  const t = timelineTone(entry.type);
  const person = entry.actor.type === 'user';
  return (
    <li className={`inc-tl inc-tl--${t}`} data-type={entry.type}>
      <span className={`avatar avatar--sm inc-tl__avatar${person ? '' : ' inc-tl__avatar--system'}`} aria-hidden="true">
        {person ? initials(entry.actor.name) : entry.actor.type === 'integration' ? '⇢' : entry.actor.type === 'token' ? '⚿' : '⚙'}
      </span>
      <div className="inc-tl__body">
        <div className="inc-tl__head">
          <span className="inc-tl__actor">{entry.actor.name}</span>
          <span className={`inc-tl__type inc-tl__type--${t}`}>{typeLabel(entry.type)}</span>
          <When iso={entry.at} now={now} zone={zone} />
        </div>
        <p className="inc-tl__message">{entry.message}</p>
      </div>
    </li>
  );
}

function Composer({ id }: { id: string }) {
  const [kind, setKind] = useState<'note' | 'update'>('note');
  const [text, setText] = useState('');
  const note = useAddNote();
  const update = usePostStatusUpdate();
  const m = kind === 'note' ? note : update;
  const problems = formProblems(m.error, ['content', 'message']);
  const err = problems.fields.content ?? problems.fields.message;
  const fid = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const done = { onSuccess: () => setText('') };
    if (kind === 'note') note.mutate({ id, content: text.trim() }, done);
    else update.mutate({ id, message: text.trim() }, done);
  };
  return (
    <form className="inc-composer" onSubmit={submit} noValidate aria-label="Add to the timeline">
      <div className="segmented" role="group" aria-label="Kind of entry">
        <button type="button" aria-pressed={kind === 'note'} onClick={() => setKind('note')}>
          Note
        </button>
        <button type="button" aria-pressed={kind === 'update'} onClick={() => setKind('update')}>
          Status update
        </button>
      </div>
      {problems.summary && !err ? <Alert title="Not added">{problems.summary}</Alert> : null}
      <Field id={fid} label={kind === 'note' ? 'Note for the responders' : 'Update for stakeholders'} error={err} hint={kind === 'note' ? 'What you tried, what you found.' : 'What is affected and what happens next.'}>
        <textarea id={fid} rows={3} value={text} onChange={(e) => setText(e.target.value)} {...describedBy(fid, err, true)} />
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={m.isPending}>
          {kind === 'note' ? 'Add note' : 'Post status update'}
        </Button>
      </div>
    </form>
  );
}

function RecentChanges({ changes }: { changes: RecentChange[] }) {
  const zone = useZone();
  const now = useNow();
  const hid = useId();
  return (
    <section className="panel side-panel" aria-labelledby={hid}>
      <h2 id={hid}>Recent changes</h2>
      <p className="muted small">Change events on this service in the hour before the incident opened.</p>
      {changes.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list">
          {changes.map((c) => (
            <li key={c.id} className="plain-list__item">
              <div className="plain-list__main">
                <span>{c.summary}</span>
                <span className="muted small">
                  {c.source ? `${c.source} · ` : ''}
                  <When iso={c.at} now={now} zone={zone} />
                </span>
                <ChangeLinks links={c.links} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Links of a change event ({href, text}), only http(s) ones. */
function ChangeLinks({ links }: { links: unknown }) {
  if (!Array.isArray(links)) return null;
  const safe = links.filter((l): l is { href: string; text?: string } => typeof l === 'object' && l !== null && typeof (l as { href?: unknown }).href === 'string' && /^https?:\/\//i.test((l as { href: string }).href));
  if (safe.length === 0) return null;
  return (
    <span className="small">
      {safe.map((l, i) => (
        <a key={i} href={l.href} target="_blank" rel="noreferrer noopener" className="inc-change-link">
          {l.text || l.href}
        </a>
      ))}
    </span>
  );
}
