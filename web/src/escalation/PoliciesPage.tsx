/** Escalation policies: search, the list with each policy's shape at a glance, and "New policy". */
import { useId, useMemo, useState } from 'react';
import { useTeams } from '../access/queries.js';
import { useRoleAtLeast } from '../access/session.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link, navigate } from '../router/router.js';
import { useServices } from '../services/queries.js';
import { Alert, Button } from '../ui/forms.js';
import { useDebounced } from '../ui/hooks.js';
import { repeatSummary } from './LevelLadder.js';
import { useTargetNames } from './names.js';
import { PolicyForm } from './PolicyForm.js';
import { usePolicies } from './queries.js';
import './escalation.css';

export function PoliciesPage() {
  const canManage = useRoleAtLeast('manager');
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 250);
  const policies = usePolicies(query);
  const teams = useTeams();
  const services = useServices();
  const names = useTargetNames();
  const searchId = useId();
  const teamName = useMemo(() => new Map(teams.data?.map((t) => [t.id, t.name])), [teams.data]);
  const usedBy = useMemo(() => {
    const out = new Map<string, number>();
    for (const s of services.data ?? []) if (s.escalation_policy_id) out.set(s.escalation_policy_id, (out.get(s.escalation_policy_id) ?? 0) + 1);
    return out;
  }, [services.data]);
  const rows = policies.data ?? [];

  return (
    <>
      <PageHeader
        title="Escalation policies"
        description="Who gets paged for a service’s incidents, in which order, and how long each level has to acknowledge before the next one is paged."
        actions={
          canManage && !adding ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              New policy
            </Button>
          ) : null
        }
      />
      {adding ? <PolicyForm onCancel={() => setAdding(false)} onSaved={(p) => navigate(`/escalation-policies/${encodeURIComponent(p.id)}`)} /> : null}
      <div className="ep-toolbar">
        <label htmlFor={searchId} className="visually-hidden">
          Search policies
        </label>
        <input id={searchId} type="search" className="search" placeholder="Search by name" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {policies.isError ? <Alert title="Could not load escalation policies">{policies.error.message}</Alert> : null}
      <div className="table-wrap panel">
        <table className="table ep-table" aria-label="Escalation policies" aria-busy={policies.isFetching || undefined}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="ep-table__first">
                First paged
              </th>
              <th scope="col">Levels</th>
              <th scope="col" className="ep-table__wide">
                Team
              </th>
              <th scope="col" className="ep-table__wide">
                Services
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const first = p.levels[0]?.targets ?? [];
              return (
                <tr key={p.id}>
                  <td className="ep-table__name-cell">
                    <Link to={`/escalation-policies/${encodeURIComponent(p.id)}`} className="ep-table__name">
                      {p.name}
                    </Link>
                    {p.description ? <span className="muted small ep-table__desc">{p.description}</span> : null}
                    {first.length ? <span className="small ep-table__meta">First: {first.map((t) => names.name(t)).join(', ')}</span> : null}
                  </td>
                  <td className="ep-table__first">{first.length ? first.map((t) => names.name(t)).join(', ') : <span className="muted">—</span>}</td>
                  <td>
                    <span className="ep-table__levels">
                      {p.levels.length} {p.levels.length === 1 ? 'level' : 'levels'}
                    </span>
                    <span className="muted small ep-table__repeat">{repeatSummary(p.repeat)}</span>
                  </td>
                  <td className="ep-table__wide">{p.team_id ? (teamName.get(p.team_id) ?? '—') : <span className="muted">—</span>}</td>
                  <td className="ep-table__wide">{usedBy.get(p.id) ?? <span className="muted">none</span>}</td>
                </tr>
              );
            })}
            {policies.isPending ? (
              <tr>
                <td colSpan={5} className="table__empty">
                  Loading escalation policies…
                </td>
              </tr>
            ) : rows.length === 0 && !policies.isError ? (
              <tr>
                <td colSpan={5} className="table__empty">
                  {query.trim() ? `No policy matches “${query.trim()}”.` : `No escalation policies yet.${canManage ? ' Create one, then choose it on a service.' : ''}`}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
