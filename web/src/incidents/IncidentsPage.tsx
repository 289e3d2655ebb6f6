import { useMemo, useState } from 'react';
import { useRoleAtLeast } from '../access/session.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link, navigate, useLocation } from '../router/router.js';
import { useServices } from '../services/queries.js';
import { Alert, Button } from '../ui/forms.js';
import { CreateIncidentForm } from './CreateIncidentForm.js';
import { useIncidentStream } from './live.js';
import { LiveIndicator, StatusBadge, UrgencyBadge, useNow, useZone, When } from './parts.js';
import { STATUSES, useIncidentCommand, useIncidents, type Incident, type IncidentFilters, type IncidentStatus } from './queries.js';

/** What the list shows with nothing in the address: everything still open. */
const DEFAULT_STATUS: IncidentStatus[] = ['triggered', 'acknowledged'];

function filtersFrom(search: URLSearchParams): IncidentFilters {
  const raw = search.getAll('status');
  const status = !search.has('status') ? DEFAULT_STATUS : raw.includes('any') ? [] : STATUSES.filter((s) => raw.includes(s));
  const urgency = search.get('urgency');
  return { status, service_id: search.get('service') ?? '', urgency: urgency === 'high' || urgency === 'low' ? urgency : '' };
}

function hrefFor(f: IncidentFilters): string {
  const q = new URLSearchParams();
  const isDefault = f.status.length === DEFAULT_STATUS.length && DEFAULT_STATUS.every((s) => f.status.includes(s));
  if (!isDefault) {
    if (f.status.length === 0) q.append('status', 'any');
    for (const s of STATUSES) if (f.status.includes(s)) q.append('status', s);
  }
  if (f.service_id) q.set('service', f.service_id);
  if (f.urgency) q.set('urgency', f.urgency);
  const s = q.toString();
  return s ? `/incidents?${s}` : '/incidents';
}

export function IncidentsPage() {
  const { search } = useLocation();
  const filters = useMemo(() => filtersFrom(search), [search]);
  const incidents = useIncidents(filters);
  const services = useServices();
  const live = useIncidentStream();
  const canAct = useRoleAtLeast('responder');
  const [adding, setAdding] = useState(false);
  const now = useNow();
  const zone = useZone();

  const set = (change: Partial<IncidentFilters>) => navigate(hrefFor({ ...filters, ...change }), { replace: true });
  const toggle = (s: IncidentStatus) => set({ status: filters.status.includes(s) ? filters.status.filter((x) => x !== s) : STATUSES.filter((x) => x === s || filters.status.includes(x)) });
  const rows = incidents.data?.pages.flatMap((p) => p.data) ?? [];
  const filtered = hrefFor(filters) !== '/incidents';

  return (
    <>
      <PageHeader
        title="Incidents"
        description="Everything that paged, newest first. New incidents and changes appear here as they happen."
        actions={
          <span className="inc-header-actions">
            <LiveIndicator state={live.state} />
            {canAct && !adding ? (
              <Button variant="primary" onClick={() => setAdding(true)}>
                New incident
              </Button>
            ) : null}
          </span>
        }
      />
      {adding ? <CreateIncidentForm services={services.data ?? []} onCancel={() => setAdding(false)} onCreated={(inc) => navigate(`/incidents/${inc.id}`)} /> : null}

      <div className="inc-filters" role="search" aria-label="Filter incidents">
        <div className="chips" role="group" aria-label="Status">
          {STATUSES.map((s) => (
            <button key={s} type="button" className={`chip chip--${s}`} aria-pressed={filters.status.includes(s)} onClick={() => toggle(s)}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </button>
          ))}
        </div>
        <label className="inc-filters__field">
          <span>Service</span>
          <select value={filters.service_id} onChange={(e) => set({ service_id: e.target.value })} aria-label="Service">
            <option value="">All services</option>
            {services.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="inc-filters__field">
          <span>Urgency</span>
          <select value={filters.urgency} onChange={(e) => set({ urgency: e.target.value as IncidentFilters['urgency'] })} aria-label="Urgency">
            <option value="">Any</option>
            <option value="high">High</option>
            <option value="low">Low</option>
          </select>
        </label>
        {filtered ? (
          <Button variant="ghost" onClick={() => navigate('/incidents', { replace: true })}>
            Reset filters
          </Button>
        ) : null}
      </div>

      {incidents.isError ? <Alert title="Could not load incidents">{incidents.error.message}</Alert> : null}
      <div className="table-wrap panel">
        <table className="table inc-table" aria-label="Incidents" aria-busy={incidents.isFetching || undefined}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Title</th>
              <th scope="col">Service</th>
              <th scope="col">Urgency</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col" className="num">
                Alerts
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((inc) => (
              <IncidentRow key={inc.id} inc={inc} fresh={live.fresh.has(inc.id)} canAct={canAct} now={now} zone={zone} />
            ))}
            {incidents.isPending ? (
              <tr>
                <td colSpan={8} className="table__empty">
                  Loading incidents…
                </td>
              </tr>
            ) : rows.length === 0 && !incidents.isError ? (
              <tr>
                <td colSpan={8} className="table__empty">
                  {filtered ? 'No incident matches these filters.' : 'No open incidents. All quiet.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {incidents.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void incidents.fetchNextPage()} busy={incidents.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
    </>
  );
}

function IncidentRow({ inc, fresh, canAct, now, zone }: { inc: Incident; fresh: boolean; canAct: boolean; now: number; zone: string | undefined }) {
  const ack = useIncidentCommand('acknowledge');
  const resolve = useIncidentCommand('resolve');
  const error = ack.error ?? resolve.error;
  const href = `/incidents/${inc.id}`;
  return (
    <tr className={`inc-row inc-row--${inc.status}${fresh ? ' is-fresh' : ''}`} data-incident={inc.number}>
      <td className="inc-row__number">
        <Link to={href}>#{inc.number}</Link>
      </td>
      <td className="inc-row__title">
        <Link to={href}>{inc.title}</Link>
      </td>
      <td className="inc-row__service">{inc.service.name ? <Link to={`/services/${inc.service.id}`}>{inc.service.name}</Link> : <span className="muted">deleted service</span>}</td>
      <td>
        <UrgencyBadge urgency={inc.urgency} />
      </td>
      <td>
        <StatusBadge status={inc.status} />
      </td>
      <td className="inc-row__created">
        <When iso={inc.created_at} now={now} zone={zone} />
      </td>
      <td className="num inc-row__alerts">
        {inc.alert_count}
        <span className="inc-row__alerts-word"> {inc.alert_count === 1 ? 'alert' : 'alerts'}</span>
      </td>
      <td className="table__actions">
        {canAct && inc.status !== 'resolved' ? (
          <span className="inc-row__actions">
            {inc.status === 'triggered' ? (
              <Button busy={ack.isPending} onClick={() => ack.mutate({ id: inc.id })} aria-label={`Acknowledge #${inc.number}`}>
                Acknowledge
              </Button>
            ) : null}
            <Button busy={resolve.isPending} onClick={() => resolve.mutate({ id: inc.id, body: {} })} aria-label={`Resolve #${inc.number}`}>
              Resolve
            </Button>
          </span>
        ) : null}
        {error ? <span className="field__error inc-row__error">{error.message}</span> : null}
      </td>
    </tr>
  );
}
