import { useMemo, useState } from 'react';
import { useTeams } from '../access/queries.js';
import { ApiError } from '../api/client.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link, navigate, useLocation, type Params } from '../router/router.js';
import { Alert, Button } from '../ui/forms.js';
import { SwatchScope } from './colors.js';
import { useMyZone, useNow } from './common.js';
import { useOverrides, useSchedule, useShifts, type Schedule } from './queries.js';
import { SelectionDetail, type Selection } from './ShiftDetail.js';
import { CalendarFeedPanel, LayersPanel, rotationShort, SwapsPanel, TimeOffPanel } from './SchedulePanels.js';
import { addDays, addMonths, dateKey, formatDay, formatSpan, isoWeekday, parseDateKey, startOfDay, startOfMonth, startOfWeek, today, type CalendarDate } from './time.js';
import { Timeline, type TimelineBar, type TimelineDay, type TimelineRow } from './Timeline.js';

type View = 'week' | 'month';
type ZoneMode = 'schedule' | 'mine';

export function SchedulePage({ params }: { params: Params }) {
  const id = params.id ?? '';
  const schedule = useSchedule(id);

  if (schedule.isPending) return <p className="muted">Loading the schedule…</p>;
  if (schedule.isError) {
    const missing = schedule.error instanceof ApiError && schedule.error.status === 404;
    return (
      <>
        <Crumbs />
        <PageHeader title={missing ? 'Schedule not found' : 'Schedule'} />
        <Alert title={missing ? 'There is no such schedule' : 'Could not load the schedule'}>{schedule.error.message}</Alert>
      </>
    );
  }
  return (
    <SwatchScope>
      <ScheduleView schedule={schedule.data} />
    </SwatchScope>
  );
}

function Crumbs() {
  return (
    <nav className="crumbs" aria-label="Breadcrumb">
      <Link to="/schedules">Schedules</Link>
      <span aria-hidden="true"> / </span>
    </nav>
  );
}

function ScheduleView({ schedule }: { schedule: Schedule }) {
  const { search, path } = useLocation();
  const myZone = useMyZone();
  const now = useNow();
  const teams = useTeams();
  const view: View = search.get('view') === 'month' ? 'month' : 'week';
  const zoneMode: ZoneMode = search.get('tz') === 'mine' ? 'mine' : 'schedule';
  const zone = zoneMode === 'mine' ? myZone : schedule.time_zone;
  const otherZone = zone === schedule.time_zone ? (myZone === zone ? null : myZone) : schedule.time_zone;
  const anchor = parseDateKey(search.get('date')) ?? today(zone, now);
  const anchorKey = dateKey(anchor);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const setParams = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    navigate(`${path}${qs ? `?${qs}` : ''}`, { replace: true });
  };

  const range = useMemo(() => {
    const first: CalendarDate = view === 'week' ? startOfWeek(anchor) : startOfMonth(anchor);
    const after = view === 'week' ? addDays(first, 7) : addMonths(first, 1);
    const todayKey = dateKey(today(zone, now));
    const days: TimelineDay[] = [];
    for (let d = first; dateKey(d) < dateKey(after); d = addDays(d, 1)) {
      days.push({ date: d, start: startOfDay(d, zone), isToday: dateKey(d) === todayKey, isWeekend: isoWeekday(d) >= 6 });
    }
    return { first, after, days, since: startOfDay(first, zone), until: startOfDay(after, zone) };
    // `now` only moves the "today" mark; recomputing once a minute is cheap.
  }, [view, anchorKey, zone, now]);

  const sinceIso = new Date(range.since).toISOString();
  const untilIso = new Date(range.until).toISOString();
  const shifts = useShifts(schedule.id, sinceIso, untilIso);
  const overrides = useOverrides(schedule.id, sinceIso, untilIso);

  const step = (n: number) => {
    const d = view === 'week' ? addDays(range.first, 7 * n) : addMonths(range.first, n);
    setParams({ date: dateKey(d) });
    setSelection(null);
  };

  const rangeLabel =
    view === 'week'
      ? `${formatDay(range.first, { day: 'numeric', month: 'short' })} – ${formatDay(addDays(range.after, -1), { day: 'numeric', month: 'short', year: 'numeric' })}`
      : formatDay(range.first, { month: 'long', year: 'numeric' });

  const isSelectedShift = (userId: string, start: string) => selection?.kind === 'shift' && selection.shift.user.id === userId && selection.shift.start === start;
  const rows: TimelineRow[] = [];
  const layerConfig = new Map(schedule.layers.map((l) => [l.id, l]));
  for (const layer of shifts.data?.layers ?? []) {
    const config = layerConfig.get(layer.id);
    rows.push({
      key: layer.id,
      label: layer.name,
      ...(config ? { sublabel: rotationShort(config) } : {}),
      variant: 'layer',
      bars: layer.shifts.map(
        (s): TimelineBar => ({
          key: `${s.user.id}-${s.start}`,
          userId: s.user.id,
          userName: s.user.name,
          start: Date.parse(s.start),
          end: Date.parse(s.end),
          kind: 'layer',
          ...(s.covering_for ? { note: `covering for ${s.covering_for.name}` } : {}),
        }),
      ),
      gaps: layer.gaps.map((g) => ({ start: Date.parse(g.start), end: Date.parse(g.end) })),
    });
  }
  rows.push({
    key: 'overrides',
    label: 'Overrides',
    sublabel: 'and taken swaps',
    variant: 'overrides',
    emptyText: 'No overrides',
    gaps: [],
    bars: (overrides.data ?? []).map(
      (o): TimelineBar => ({
        key: o.id,
        userId: o.user.id,
        userName: o.user.name,
        start: Date.parse(o.start),
        end: Date.parse(o.end),
        kind: o.source === 'swap' ? 'swap' : 'override',
        selected: selection?.kind === 'override' && selection.override.id === o.id,
        onSelect: () => setSelection({ kind: 'override', override: o }),
      }),
    ),
  });
  rows.push({
    key: 'final',
    label: 'Final schedule',
    sublabel: 'who is paged',
    variant: 'final',
    gaps: (shifts.data?.gaps ?? []).map((g) => ({ start: Date.parse(g.start), end: Date.parse(g.end) })),
    bars: (shifts.data?.final ?? []).map(
      (s): TimelineBar => ({
        key: `${s.user.id}-${s.start}`,
        userId: s.user.id,
        userName: s.user.name,
        start: Date.parse(s.start),
        end: Date.parse(s.end),
        kind: s.source === 'swap' ? 'swap' : s.source === 'override' ? 'override' : 'layer',
        ...(s.covering_for ? { note: `covering for ${s.covering_for.name}` } : {}),
        selected: isSelectedShift(s.user.id, s.start),
        onSelect: () => setSelection({ kind: 'shift', shift: s }),
      }),
    ),
  });

  const team = schedule.team_id ? teams.data?.find((t) => t.id === schedule.team_id) : undefined;

  return (
    <>
      <Crumbs />
      <PageHeader
        title={schedule.name}
        description={
          <>
            {schedule.description ? <span>{schedule.description} · </span> : null}
            <span>{schedule.time_zone}</span>
            {team ? <span> · Team {team.name}</span> : null}
          </>
        }
      />
      {schedule.has_gap_next_7_days && schedule.next_gap ? (
        <Alert tone="warning" title="Nobody is on call at times in the next 7 days">
          The first gap: {formatSpan(schedule.next_gap.start, schedule.next_gap.end, zone)} ({zone}).
        </Alert>
      ) : null}
      {notice ? (
        <div className="notice-row">
          <Alert tone="success">{notice}</Alert>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      ) : null}

      <section className="panel timeline-panel" aria-label="Timeline">
        <div className="tl-toolbar">
          <div className="tl-toolbar__nav">
            <div className="btn-group">
              <Button aria-label={view === 'week' ? 'Previous week' : 'Previous month'} onClick={() => step(-1)}>
                ‹
              </Button>
              <Button
                onClick={() => {
                  setParams({ date: null });
                  setSelection(null);
                }}
              >
                Today
              </Button>
              <Button aria-label={view === 'week' ? 'Next week' : 'Next month'} onClick={() => step(1)}>
                ›
              </Button>
            </div>
            <h2 className="tl-toolbar__range" aria-live="polite">
              {rangeLabel}
            </h2>
          </div>
          <div className="tl-toolbar__options">
            <div className="segmented" role="group" aria-label="Range">
              {(['week', 'month'] as const).map((v) => (
                <button key={v} type="button" aria-pressed={view === v} onClick={() => setParams({ view: v === 'week' ? null : v })}>
                  {v === 'week' ? 'Week' : 'Month'}
                </button>
              ))}
            </div>
            {myZone !== schedule.time_zone ? (
              <div className="segmented" role="group" aria-label="Show times in">
                <button type="button" aria-pressed={zoneMode === 'schedule'} onClick={() => setParams({ tz: null })} title={`The schedule’s zone, ${schedule.time_zone}`}>
                  Schedule · {schedule.time_zone}
                </button>
                <button type="button" aria-pressed={zoneMode === 'mine'} onClick={() => setParams({ tz: 'mine' })} title={`Your zone, ${myZone}`}>
                  Mine · {myZone}
                </button>
              </div>
            ) : (
              <span className="small muted">Times in {zone}</span>
            )}
          </div>
        </div>
        {shifts.isError ? <Alert title="Could not load the shifts">{shifts.error.message}</Alert> : null}
        {overrides.isError ? <Alert title="Could not load the overrides">{overrides.error.message}</Alert> : null}
        {shifts.isPending ? (
          <p className="muted tl-loading">Loading shifts…</p>
        ) : (
          <Timeline since={range.since} until={range.until} days={range.days} view={view} zone={zone} rows={rows} now={now} busy={shifts.isFetching} />
        )}
        <Legend />
      </section>

      {selection ? (
        <SelectionDetail
          key={selection.kind === 'shift' ? `${selection.shift.user.id}-${selection.shift.start}` : selection.override.id}
          scheduleId={schedule.id}
          selection={selection}
          zone={zone}
          otherZone={otherZone}
          now={now}
          onClose={() => setSelection(null)}
          onNotice={setNotice}
        />
      ) : (
        <p className="small muted tl-hint">Click a shift in the final schedule for its exact times, to override it, or to offer your own shift for a swap.</p>
      )}

      <div className="oncall-panels">
        <SwapsPanel scheduleId={schedule.id} zone={zone} now={now} onNotice={setNotice} />
        <TimeOffPanel zone={zone} />
        <LayersPanel schedule={schedule} zone={zone} now={now} />
        <CalendarFeedPanel url={schedule.ical_url} />
      </div>
    </>
  );
}

function Legend() {
  return (
    <ul className="tl-legend" aria-label="Legend">
      <li>
        <span className="tl-legend__sample tl-legend__sample--layer" aria-hidden="true" /> rotation
      </li>
      <li>
        <span className="tl-legend__sample tl-legend__sample--override" aria-hidden="true" /> override
      </li>
      <li>
        <span className="tl-legend__sample tl-legend__sample--override" aria-hidden="true">
          ⇄
        </span>{' '}
        swap
      </li>
      <li>
        <span className="tl-legend__sample tl-legend__sample--gap" aria-hidden="true" /> nobody on call
      </li>
      <li>
        <span className="tl-legend__sample tl-legend__sample--now" aria-hidden="true" /> now
      </li>
    </ul>
  );
}
