/** One escalation policy: its levels as a ladder, the services paging through it, edit and delete. */
import { useId, useState } from 'react';
import { useTeams } from '../access/queries.js';
import { useRoleAtLeast } from '../access/session.js';
import { ApiError } from '../api/client.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link, navigate, type Params } from '../router/router.js';
import { useServices } from '../services/queries.js';
import { Alert, Button } from '../ui/forms.js';
import { LevelLadder, repeatSummary } from './LevelLadder.js';
import { useTargetNames } from './names.js';
import { PolicyForm } from './PolicyForm.js';
import { useDeletePolicy, usePolicy, type Policy } from './queries.js';
import './escalation.css';

export function PolicyPage({ params }: { params: Params }) {
  const id = params.id ?? '';
  const policy = usePolicy(id);
  const canManage = useRoleAtLeast('manager');
  const names = useTargetNames();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const p = policy.data;

  if (policy.isError) {
    return (
      <>
        <p className="crumbs">
          <Link to="/escalation-policies">Escalation policies</Link>
        </p>
        <PageHeader title="Escalation policy" />
        <Alert title={policy.error instanceof ApiError && policy.error.status === 404 ? 'No such escalation policy' : 'Could not load the escalation policy'}>{policy.error.message}</Alert>
      </>
    );
  }
  if (!p) return <div className="inc-muted-block muted">Loading the escalation policy…</div>;

  return (
    <>
      <p className="crumbs">
        <Link to="/escalation-policies">Escalation policies</Link> <span aria-hidden="true">›</span> {p.name}
      </p>
      <PageHeader
        title={p.name}
        description={p.description || undefined}
        actions={
          canManage && !editing ? (
            <Button
              onClick={() => {
                setEditing(true);
                setSaved(false);
              }}
            >
              Edit policy
            </Button>
          ) : null
        }
      />
      {saved ? (
        <Alert tone="success" title="Saved">
          The escalation policy was saved. Incidents already escalating pick up the change at their next step.
        </Alert>
      ) : null}
      {editing ? (
        <>
          <PolicyForm
            key={p.updated_at}
            policy={p}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
          <DeletePolicy policy={p} />
        </>
      ) : (
        <div className="ep-columns">
          <section className="panel ep-ladder-panel" aria-label="Levels">
            <LevelLadder policy={p} names={names} />
          </section>
          <PolicyFacts policy={p} />
        </div>
      )}
    </>
  );
}

function PolicyFacts({ policy: p }: { policy: Policy }) {
  const teams = useTeams();
  const services = useServices();
  const using = (services.data ?? []).filter((s) => s.escalation_policy_id === p.id).sort((a, b) => a.name.localeCompare(b.name));
  const team = p.team_id ? teams.data?.find((t) => t.id === p.team_id)?.name : null;
  const hid = useId();
  return (
    <section className="panel side-panel" aria-labelledby={hid}>
      <h2 id={hid}>About this policy</h2>
      <dl className="ep-facts">
        <div>
          <dt>Team</dt>
          <dd>{team ?? (p.team_id ? '…' : 'No team')}</dd>
        </div>
        <div>
          <dt>Levels</dt>
          <dd>
            {p.levels.length} · {repeatSummary(p.repeat)}
          </dd>
        </div>
        <div>
          <dt>Services paging through it</dt>
          <dd>
            {services.isPending ? (
              '…'
            ) : using.length ? (
              <ul className="ep-services" aria-label="Services using this policy">
                {using.map((s) => (
                  <li key={s.id}>
                    <Link to={`/services/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">None yet: choose this policy in a service’s settings.</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function DeletePolicy({ policy }: { policy: Policy }) {
  const del = useDeletePolicy();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="panel ep-danger" aria-label="Delete the escalation policy">
      <div>
        <strong>Delete this policy</strong>
        <p className="muted small">Only a policy no service uses can be deleted; point its services at another policy first.</p>
      </div>
      {confirming ? (
        <span className="confirm">
          <Button variant="danger" busy={del.isPending} onClick={() => del.mutate(policy.id, { onSuccess: () => navigate('/escalation-policies') })}>
            Delete {policy.name}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </span>
      ) : (
        <Button variant="ghost" className="btn--danger-text" onClick={() => setConfirming(true)}>
          Delete policy…
        </Button>
      )}
      {del.error ? <Alert title="Not deleted">{del.error.message}</Alert> : null}
    </section>
  );
}
