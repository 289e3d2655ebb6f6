import { useId, useState, type ReactNode } from 'react';
import { useTeams } from '../access/queries.js';
import { useRoleAtLeast } from '../access/session.js';
import { ApiError } from '../api/client.js';
import { usePolicy } from '../escalation/queries.js';
import { durationText } from '../incidents/parts.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link, navigate, type Params } from '../router/router.js';
import { Alert, Button } from '../ui/forms.js';
import { IntegrationsPanel } from './IntegrationsPanel.js';
import { MaintenancePanel } from './MaintenancePanel.js';
import { useDeleteService, useService, type Service } from './queries.js';
import { ServiceForm } from './ServiceForm.js';
import { groupingText, urgencyText } from './ServicesPage.js';
import './services.css';

export function ServicePage({ params }: { params: Params }) {
  const id = params.id ?? '';
  const service = useService(id);
  const canManage = useRoleAtLeast('manager');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const s = service.data;

  if (service.isError) {
    return (
      <>
        <p className="crumbs">
          <Link to="/services">Services</Link>
        </p>
        <PageHeader title="Service" />
        <Alert title={service.error instanceof ApiError && service.error.status === 404 ? 'No such service' : 'Could not load the service'}>{service.error.message}</Alert>
      </>
    );
  }
  if (!s) return <div className="inc-muted-block muted">Loading the service…</div>;

  return (
    <>
      <p className="crumbs">
        <Link to="/services">Services</Link> <span aria-hidden="true">›</span> {s.name}
      </p>
      <PageHeader
        title={s.name}
        description={s.description || undefined}
        actions={
          <span className="svc-header-actions">
            <Link to={`/incidents?status=any&service=${encodeURIComponent(s.id)}`} className="btn btn--secondary">
              Incidents
            </Link>
            {canManage && !editing ? (
              <Button
                onClick={() => {
                  setEditing(true);
                  setSaved(false);
                }}
              >
                Edit settings
              </Button>
            ) : null}
          </span>
        }
      />
      {saved ? (
        <Alert tone="success" title="Saved">
          The service settings were saved.
        </Alert>
      ) : null}
      {editing ? (
        <>
          <ServiceForm
            service={s}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
          <DeleteService service={s} />
        </>
      ) : (
        <SettingsSummary service={s} />
      )}
      <IntegrationsPanel service={s} />
      <MaintenancePanel service={s} />
    </>
  );
}

function SettingsSummary({ service: s }: { service: Service }) {
  const teams = useTeams();
  const team = s.team_id ? teams.data?.find((t) => t.id === s.team_id)?.name : null;
  const hid = useId();
  const facts: Array<[string, ReactNode]> = [
    ['Status', s.status === 'active' ? 'Active' : 'Disabled: events are logged, nothing pages'],
    ['Escalation policy', <PolicyLink key="policy" id={s.escalation_policy_id} />],
    ['Team', team ?? (s.team_id ? '…' : 'No team')],
    ['Urgency', s.urgency === 'severity' ? `By severity (critical ${s.severity_urgency.critical}, error ${s.severity_urgency.error}, warning ${s.severity_urgency.warning}, info ${s.severity_urgency.info})` : urgencyText(s)],
    ['Alert grouping', groupingText(s)],
    ['Auto-pause', s.auto_pause.enabled ? `${durationText(s.auto_pause.seconds)} before paging` : 'Off'],
    ['Auto-resolve', s.auto_resolve_timeout ? `After ${durationText(s.auto_resolve_timeout)} without a new alert` : 'Never'],
    ['Acknowledgement timeout', s.acknowledgement_timeout ? `Pages again after ${durationText(s.acknowledgement_timeout)}` : 'Never'],
    ['Resolve with alerts', s.resolve_incident_with_alerts ? 'Yes' : 'No'],
  ];
  return (
    <section className="panel svc-summary" aria-labelledby={hid}>
      <h2 id={hid} className="visually-hidden">
        Settings
      </h2>
      <dl className="svc-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The service's escalation policy by name, linking to it; a warning when there is none. */
function PolicyLink({ id }: { id: string | null }) {
  const policy = usePolicy(id ?? '');
  if (!id) return <span className="svc-warn">None: incidents page nobody</span>;
  if (policy.isError) return <span className="svc-warn">A policy that no longer exists</span>;
  return <Link to={`/escalation-policies/${encodeURIComponent(id)}`}>{policy.data?.name ?? '…'}</Link>;
}

function DeleteService({ service }: { service: Service }) {
  const del = useDeleteService();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="panel svc-danger" aria-label="Delete the service">
      <div>
        <strong>Delete this service</strong>
        <p className="muted small">Only a service without incidents can be deleted; otherwise disable it, which keeps its history.</p>
      </div>
      {confirming ? (
        <span className="confirm">
          <Button variant="danger" busy={del.isPending} onClick={() => del.mutate(service.id, { onSuccess: () => navigate('/services') })}>
            Delete {service.name}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </span>
      ) : (
        <Button variant="ghost" className="btn--danger-text" onClick={() => setConfirming(true)}>
          Delete service…
        </Button>
      )}
      {del.error ? <Alert title="Not deleted">{del.error.message}</Alert> : null}
    </section>
  );
}
