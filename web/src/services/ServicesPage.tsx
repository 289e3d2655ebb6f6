import { useMemo, useState } from 'react';
import { useTeams } from '../access/queries.js';
import { useRoleAtLeast } from '../access/session.js';
import { useAllPolicies } from '../escalation/queries.js';
import { useNow, useZone, When } from '../incidents/parts.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link, navigate } from '../router/router.js';
import { Alert, Button } from '../ui/forms.js';
import { useServices, type Service } from './queries.js';
import { ServiceForm } from './ServiceForm.js';
import './services.css';

export function urgencyText(s: Service): string {
  return s.urgency === 'severity' ? 'By severity' : s.urgency === 'high' ? 'High' : 'Low';
}

export function groupingText(s: Service): string {
  const g = s.alert_grouping;
  if (g.type === 'time') return `Within ${g.window_minutes ?? '?'} min`;
  if (g.type === 'content') return `By ${g.fields.join(g.match === 'any' ? ' or ' : ' and ')}${g.window_minutes ? `, ${g.window_minutes} min` : ''}`;
  return 'None';
}

export function ServicesPage() {
  const services = useServices();
  const teams = useTeams();
  const canManage = useRoleAtLeast('manager');
  const [adding, setAdding] = useState(false);
  const policies = useAllPolicies();
  const teamName = useMemo(() => new Map(teams.data?.map((t) => [t.id, t.name])), [teams.data]);
  const policyName = useMemo(() => new Map(policies.data?.map((p) => [p.id, p.name])), [policies.data]);
  const now = useNow();
  const zone = useZone();
  const rows = [...(services.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <PageHeader
        title="Services"
        description="The things you run. Each service has integrations that send it alerts, and settings for how those alerts become incidents."
        actions={
          canManage && !adding ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              New service
            </Button>
          ) : null
        }
      />
      {adding ? <ServiceForm onCancel={() => setAdding(false)} onSaved={(s) => navigate(`/services/${s.id}`)} /> : null}
      {services.isError ? <Alert title="Could not load services">{services.error.message}</Alert> : null}
      <div className="table-wrap panel">
        <table className="table" aria-label="Services">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Team</th>
              <th scope="col">Escalation policy</th>
              <th scope="col">Urgency</th>
              <th scope="col">Grouping</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} className={s.status === 'disabled' ? 'is-inactive' : undefined}>
                <td className="svc-name-cell">
                  <Link to={`/services/${s.id}`} className="svc-name">
                    {s.name}
                  </Link>
                  {s.description ? <span className="muted small svc-desc">{s.description}</span> : null}
                </td>
                <td>{s.team_id ? (teamName.get(s.team_id) ?? '—') : <span className="muted">—</span>}</td>
                <td>
                  {s.escalation_policy_id ? (
                    <Link to={`/escalation-policies/${encodeURIComponent(s.escalation_policy_id)}`}>{policyName.get(s.escalation_policy_id) ?? '…'}</Link>
                  ) : (
                    <span className="svc-warn">None</span>
                  )}
                </td>
                <td>{urgencyText(s)}</td>
                <td>{groupingText(s)}</td>
                <td>
                  <span className={`status status--${s.status === 'active' ? 'ok' : 'muted'}`}>{s.status}</span>
                </td>
                <td>
                  <When iso={s.created_at} now={now} zone={zone} />
                </td>
              </tr>
            ))}
            {services.isPending ? (
              <tr>
                <td colSpan={7} className="table__empty">
                  Loading services…
                </td>
              </tr>
            ) : rows.length === 0 && !services.isError ? (
              <tr>
                <td colSpan={7} className="table__empty">
                  No services yet.{canManage ? ' Create one, then add an integration to send it alerts.' : ''}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
