/** Who was paged about an incident, by which method, at which level, and how delivery went. */
import { useId } from 'react';
import { Link } from '../router/router.js';
import { useService } from '../services/queries.js';
import { Alert } from '../ui/forms.js';
import { formatTime } from '../ui/format.js';
import { useNow, useZone, When } from './parts.js';
import { useIncidentNotifications, type IncidentDetail, type IncidentNotification } from './queries.js';
import './notifications.css';

const STATUS_LABEL: Record<string, string> = {
  queued: 'Queued',
  held: 'Held',
  bundled: 'Bundled',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const STATUS_HELP: Record<string, string> = {
  queued: 'Waiting to go out at its rule’s time',
  held: 'Held back by the throttle; it goes out in the next bundle',
  bundled: 'Went out inside a bundle with other pages',
  sent: 'Handed to the provider; no delivery receipt yet',
  delivered: 'The provider confirmed delivery',
  failed: 'Delivery failed',
  cancelled: 'Not sent: the incident was acknowledged or resolved first',
};

const TYPE_LABEL: Record<string, string> = { email: 'Email', sms: 'SMS', voice: 'Voice', slack: 'Slack', webhook: 'Webhook' };

export function NotificationStatus({ status }: { status: string }) {
  return (
    <span className={`inc-ntf-status inc-ntf-status--${status}`} data-status={status} title={STATUS_HELP[status]}>
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}

function levelText(n: IncidentNotification): string {
  const level = n.level === null ? 'Admin, last resort' : n.level === 0 ? 'Assignee' : `Level ${n.level}`;
  return n.loop ? `${level} · repeat ${n.loop}` : level;
}

/** The moment that matters for its status, and what to call it. */
function latest(n: IncidentNotification): { label: string; at: string } {
  if (n.status === 'delivered' && n.delivered_at) return { label: 'delivered', at: n.delivered_at };
  if (n.status === 'failed' && n.failed_at) return { label: 'failed', at: n.failed_at };
  if (n.sent_at) return { label: 'sent', at: n.sent_at };
  return { label: n.status === 'queued' ? 'queued' : 'updated', at: n.status === 'queued' ? n.created_at : n.updated_at };
}

function detailText(n: IncidentNotification): string | null {
  const parts: string[] = [];
  if (n.kind === 'bundle') parts.push(`A bundle about ${n.incident_ids.length} ${n.incident_ids.length === 1 ? 'incident' : 'incidents'}`);
  if (n.status === 'bundled' || (n.bundle_id && n.kind !== 'bundle')) parts.push('Went out in a bundle');
  if (n.attempts > 1) parts.push(`${n.attempts} attempts`);
  if (n.provider_response && (n.status === 'failed' || n.status === 'cancelled')) parts.push(n.provider_response);
  return parts.length ? parts.join(' · ') : null;
}

export function NotificationsPanel({ inc }: { inc: IncidentDetail }) {
  const open = inc.status !== 'resolved';
  const notifications = useIncidentNotifications(inc.id, open);
  const zone = useZone();
  const now = useNow(15_000);
  const hid = useId();
  const rows = notifications.data ?? [];
  const failed = rows.filter((n) => n.status === 'failed').length;

  return (
    <section className="section inc-section" aria-labelledby={hid}>
      <div className="section__header">
        <h2 id={hid}>
          Notifications{notifications.data ? <span className="muted inc-count"> {rows.length}</span> : null}
          {failed ? <span className="inc-ntf-status inc-ntf-status--failed inc-ntf-failed-count">{failed} failed</span> : null}
        </h2>
      </div>
      {notifications.isError ? <Alert title="Could not load the notifications">{notifications.error.message}</Alert> : null}
      <div className="table-wrap panel">
        <table className="table inc-ntf" aria-label="Notifications">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Method</th>
              <th scope="col">Level</th>
              <th scope="col">Delivery</th>
              <th scope="col">When</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => {
              const when = latest(n);
              const details = detailText(n);
              return (
                <tr key={n.id} data-status={n.status}>
                  <td className="inc-ntf__who">{n.user_id && n.user_name ? <Link to={`/users/${encodeURIComponent(n.user_id)}`}>{n.user_name}</Link> : (n.user_name ?? <span className="muted">—</span>)}</td>
                  <td className="inc-ntf__method" data-label="Method">
                    <span className="inc-ntf__type">{TYPE_LABEL[n.contact_type] ?? n.contact_type}</span> {n.contact_label}
                  </td>
                  <td className="inc-ntf__level" data-label="Level">
                    {levelText(n)}
                  </td>
                  <td data-label="Delivery">
                    <NotificationStatus status={n.status} />
                  </td>
                  <td data-label="When" title={formatTime(when.at, zone)}>
                    <span className="muted small">{when.label} </span>
                    <When iso={when.at} now={now} zone={zone} />
                  </td>
                  <td className={`inc-ntf__details${details ? '' : ' inc-ntf__details--empty'}`} data-label="Details">
                    {details ?? <span className="muted">—</span>}
                  </td>
                </tr>
              );
            })}
            {notifications.isPending ? (
              <tr>
                <td colSpan={6} className="table__empty">
                  Loading notifications…
                </td>
              </tr>
            ) : rows.length === 0 && !notifications.isError ? (
              <tr>
                <td colSpan={6} className="table__empty">
                  <NobodyPaged inc={inc} />
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Why the list is empty: the service pages nobody, or nothing has gone out yet. */
function NobodyPaged({ inc }: { inc: IncidentDetail }) {
  const service = useService(inc.service.id);
  if (service.data && !service.data.escalation_policy_id) {
    return (
      <>
        Nobody has been paged: <Link to={`/services/${encodeURIComponent(inc.service.id)}`}>{inc.service.name}</Link> has no escalation policy.
      </>
    );
  }
  return <>Nobody has been paged about this incident{inc.status === 'resolved' ? '.' : ' yet.'}</>;
}
