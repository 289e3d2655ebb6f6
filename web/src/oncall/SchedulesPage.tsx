import { useState } from 'react';
import { useTeams } from '../access/queries.js';
import { useRoleAtLeast, useSession } from '../access/session.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link, navigate } from '../router/router.js';
import { Alert, Button } from '../ui/forms.js';
import { relativeTime } from '../ui/format.js';
import { SwatchScope } from './colors.js';
import { PersonChip, useMyZone } from './common.js';
import { CreateScheduleForm } from './CreateScheduleForm.js';
import { useOncallsNow, useSchedules, type OncallEntry } from './queries.js';
import { formatInstant, formatSpan } from './time.js';

export function SchedulesPage() {
  return (
    <SwatchScope>
      <Schedules />
    </SwatchScope>
  );
}

function Schedules() {
  const canManage = useRoleAtLeast('manager');
  const me = useSession();
  const myZone = useMyZone();
  const schedules = useSchedules();
  const oncalls = useOncallsNow();
  const teams = useTeams();
  const [adding, setAdding] = useState(false);

  const teamName = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const onCall = new Map<string, OncallEntry>();
  for (const entry of oncalls.data ?? []) onCall.set(entry.schedule.id, entry);
  const rows = [...(schedules.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <PageHeader
        title="Schedules"
        description="Who is on call when: rotations in layers, with overrides, swaps and time off on top."
        actions={
          canManage && !adding ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              New schedule
            </Button>
          ) : null
        }
      />
      {adding ? <CreateScheduleForm onCancel={() => setAdding(false)} onCreated={(s) => navigate(`/schedules/${encodeURIComponent(s.id)}`)} /> : null}
      {schedules.isError ? <Alert title="Could not load schedules">{schedules.error.message}</Alert> : null}
      <div className="table-wrap panel">
        <table className="table schedules-table" aria-label="Schedules">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="schedules-table__wide">
                Time zone
              </th>
              <th scope="col" className="schedules-table__wide">
                Team
              </th>
              <th scope="col">On call now</th>
              <th scope="col">Next 7 days</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const now = onCall.get(s.id);
              return (
                <tr key={s.id}>
                  <td>
                    <Link to={`/schedules/${encodeURIComponent(s.id)}`} className="schedules-table__name">
                      {s.name}
                    </Link>
                    {s.description ? <div className="muted small">{s.description}</div> : null}
                    <div className="muted small schedules-table__meta">
                      {s.time_zone}
                      {s.team_id && teamName.get(s.team_id) ? ` · ${teamName.get(s.team_id)}` : ''}
                    </div>
                  </td>
                  <td className="schedules-table__wide">{s.time_zone}</td>
                  <td className="schedules-table__wide">{s.team_id ? (teamName.get(s.team_id) ?? '—') : <span className="muted">—</span>}</td>
                  <td>
                    {now ? (
                      <span className="oncall-cell">
                        <PersonChip id={now.user.id} name={now.user.name} you={now.user.id === me.user?.id} />
                        <span className="muted small" title={formatInstant(now.end, myZone)}>
                          until {formatInstant(now.end, myZone)} ({relativeTime(now.end)})
                        </span>
                      </span>
                    ) : oncalls.isPending ? (
                      <span className="muted">…</span>
                    ) : (
                      <span className="status status--none">Nobody</span>
                    )}
                  </td>
                  <td>
                    {s.has_gap_next_7_days ? (
                      <span className="oncall-cell" title={s.next_gap ? `Nobody on call ${formatSpan(s.next_gap.start, s.next_gap.end, myZone)} (${myZone})` : undefined}>
                        <span className="badge badge--warning">⚠ Gap</span>
                        {s.next_gap ? <span className="muted small">from {formatInstant(s.next_gap.start, myZone)}</span> : null}
                      </span>
                    ) : (
                      <span className="status status--ok">Covered</span>
                    )}
                  </td>
                </tr>
              );
            })}
            {schedules.isPending ? (
              <tr>
                <td colSpan={5} className="table__empty">
                  Loading schedules…
                </td>
              </tr>
            ) : rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="table__empty">
                  No schedules yet.{canManage ? ' Make one with “New schedule”.' : ''}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
