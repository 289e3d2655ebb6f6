/**
 * The landing page: for every schedule, who is on call now and until when, and who is next.
 * "Now" comes from GET /oncalls (exact start and end); "next" from the schedule's final shifts
 * after the current person's stretch, which may run through several shifts of theirs.
 */
import { useSession } from '../access/session.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link } from '../router/router.js';
import { Alert } from '../ui/forms.js';
import { initials, relativeTime } from '../ui/format.js';
import { SwatchScope, useSwatchStyle } from '../oncall/colors.js';
import { PersonChip, useMyZone, useNow } from '../oncall/common.js';
import { useOncallsNow, useSchedules, useShifts, type OncallEntry, type Schedule, type Shift } from '../oncall/queries.js';
import { DAY_MS, formatInstant, formatSpan } from '../oncall/time.js';

/** How far ahead "next" is looked for. */
const LOOKAHEAD_DAYS = 14;

export function HomePage() {
  return (
    <SwatchScope>
      <Home />
    </SwatchScope>
  );
}

function Home() {
  const me = useSession();
  const zone = useMyZone();
  const now = useNow();
  const schedules = useSchedules();
  const oncalls = useOncallsNow();
  const current = new Map<string, OncallEntry>();
  for (const e of oncalls.data ?? []) current.set(e.schedule.id, e);
  const list = [...(schedules.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const mine = (oncalls.data ?? []).filter((e) => e.user.id === me.user?.id);

  return (
    <>
      <PageHeader title="Who is on call now" description={<>Every schedule’s current on-call person and who takes over next. Times in {zone}.</>} />
      {mine.length ? (
        <Alert tone="info" title="You are on call">
          {mine.map((e) => (
            <div key={e.schedule.id}>
              {e.schedule.name}, until {formatInstant(e.end, zone)} ({relativeTime(e.end, now)})
            </div>
          ))}
        </Alert>
      ) : null}
      {schedules.isError ? <Alert title="Could not load schedules">{schedules.error.message}</Alert> : null}
      {oncalls.isError ? <Alert title="Could not load who is on call">{oncalls.error.message}</Alert> : null}
      {schedules.isPending ? <p className="muted">Loading…</p> : null}
      {schedules.data && list.length === 0 ? (
        <div className="panel empty-state">
          <p>
            No schedules yet. <Link to="/schedules">Make one on the Schedules page</Link> to see who is on call here.
          </p>
        </div>
      ) : null}
      <div className="oncall-grid">
        {list.map((s) => (
          <OncallCard key={s.id} schedule={s} entry={current.get(s.id) ?? null} loading={oncalls.isPending} zone={zone} now={now} meId={me.user?.id} />
        ))}
      </div>
    </>
  );
}

/** The end of `userId`'s unbroken stretch from `end` on, through adjacent shifts of theirs. */
function stretchEnd(final: Shift[], userId: string, end: number): number {
  let until = end;
  for (const s of final) {
    if (Date.parse(s.start) === until && s.user.id === userId) until = Date.parse(s.end);
  }
  return until;
}

function OncallCard({ schedule, entry, loading, zone, now, meId }: { schedule: Schedule; entry: OncallEntry | null; loading: boolean; zone: string; now: number; meId: string | undefined }) {
  const minute = Math.floor(now / 60_000) * 60_000;
  const since = new Date(minute).toISOString();
  const until = new Date(minute + LOOKAHEAD_DAYS * DAY_MS).toISOString();
  const shifts = useShifts(schedule.id, since, until);
  const final = shifts.data?.final ?? [];
  const horizon = minute + LOOKAHEAD_DAYS * DAY_MS;
  const currentEnd = entry ? stretchEnd(final, entry.user.id, Date.parse(entry.end)) : minute;
  const next = final.find((s) => Date.parse(s.start) >= currentEnd && s.user.id !== entry?.user.id) ?? null;
  const link = `/schedules/${encodeURIComponent(schedule.id)}`;
  const swatch = useSwatchStyle();

  return (
    <article className="panel oncall-card" aria-label={`On call for ${schedule.name}`} data-schedule={schedule.id}>
      <header className="oncall-card__head">
        <Link to={link} className="oncall-card__title">
          {schedule.name}
        </Link>
        <span className="small muted">{schedule.time_zone}</span>
        {schedule.has_gap_next_7_days ? (
          <span className="badge badge--warning" title={schedule.next_gap ? `Nobody on call ${formatSpan(schedule.next_gap.start, schedule.next_gap.end, zone)}` : undefined}>
            ⚠ Gap ahead
          </span>
        ) : null}
      </header>
      {entry ? (
        <div className="oncall-card__now">
          <span className="avatar avatar--lg avatar--swatch" style={swatch(entry.user.id)} aria-hidden="true">
            {initials(entry.user.name)}
          </span>
          <div className="oncall-card__who">
            <span className="oncall-card__label">On call now</span>
            <span className="oncall-card__name" data-testid="oncall-now-name">
              {entry.user.name}
              {entry.user.id === meId ? <span className="badge">you</span> : null}
            </span>
            <span className="small muted">
              until <time dateTime={new Date(currentEnd).toISOString()}>{formatInstant(currentEnd, zone)}</time>
              {currentEnd >= horizon ? ' or later' : ` · ${relativeTime(new Date(currentEnd).toISOString(), now)}`}
              {entry.source !== 'layer' ? ` · ${entry.source}` : ''}
            </span>
          </div>
        </div>
      ) : loading ? (
        <p className="muted">…</p>
      ) : (
        <div className="oncall-card__now oncall-card__now--nobody">
          <span className="avatar avatar--lg avatar--nobody" aria-hidden="true">
            !
          </span>
          <div className="oncall-card__who">
            <span className="oncall-card__label">On call now</span>
            <span className="oncall-card__name" data-testid="oncall-now-name">
              Nobody
            </span>
            <span className="small muted">Pages for this schedule reach no one.</span>
          </div>
        </div>
      )}
      <div className="oncall-card__next">
        <span className="oncall-card__label">Next</span>
        {shifts.isPending ? (
          <span className="muted">…</span>
        ) : next ? (
          <span className="oncall-card__next-who" data-testid="oncall-next">
            <PersonChip id={next.user.id} name={next.user.name} you={next.user.id === meId} />
            <span className="small muted">from {formatInstant(next.start, zone)}</span>
          </span>
        ) : (
          <span className="small muted">Nobody else in the next {LOOKAHEAD_DAYS} days</span>
        )}
      </div>
    </article>
  );
}
