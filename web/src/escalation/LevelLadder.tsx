/** A policy's levels read-only, top to bottom, with the waits between them and what happens at the end. */
import { Link } from '../router/router.js';
import type { TargetNames } from './names.js';
import type { Policy } from './queries.js';

export function repeatSummary(repeat: number): string {
  return repeat === 0 ? 'Runs once' : repeat === 1 ? 'Repeats once' : `Repeats ${repeat} times`;
}

export function minutesText(m: number): string {
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

export function TargetChip({ target, names }: { target: { type: string; id: string }; names: TargetNames }) {
  const known = names.known(target);
  const to = target.type === 'schedule' ? `/schedules/${encodeURIComponent(target.id)}` : `/users/${encodeURIComponent(target.id)}`;
  return (
    <span className={`ep-chip ep-chip--${target.type}${known || names.loading ? '' : ' ep-chip--unknown'}`}>
      <span className="ep-chip__kind" aria-hidden="true">
        {target.type === 'schedule' ? '◷' : '●'}
      </span>
      {known ? (
        <Link to={to} className="ep-chip__name">
          {names.name(target)}
        </Link>
      ) : (
        <span className="ep-chip__name">{names.name(target)}</span>
      )}
      <span className="visually-hidden">({target.type})</span>
    </span>
  );
}

export function LevelLadder({ policy, names }: { policy: Policy; names: TargetNames }) {
  const last = policy.levels.length - 1;
  return (
    <ol className="ep-ladder" aria-label="Levels">
      {policy.levels.map((l, i) => (
        <li key={l.level} className="ep-ladder__step" data-level={l.level}>
          <div className="ep-ladder__card">
            <div className="ep-ladder__head">
              <span className="ep-level__badge">Level {l.level}</span>
              {l.round_robin ? (
                <span className="badge badge--accent" title="Each escalation pages the next target in turn">
                  Round robin
                </span>
              ) : l.targets.length > 1 ? (
                <span className="muted small">all at once</span>
              ) : null}
            </div>
            <div className="ep-chips">
              {l.targets.map((t) => (
                <TargetChip key={`${t.type}:${t.id}`} target={t} names={names} />
              ))}
            </div>
          </div>
          <p className="ep-ladder__wait">
            {i < last
              ? `Not acknowledged within ${minutesText(l.delay_minutes)}: level ${l.level + 1} is paged`
              : policy.repeat > 0
                ? `Not acknowledged within ${minutesText(l.delay_minutes)}: start again at level 1 (${policy.repeat === 1 ? 'once' : `${policy.repeat} times`})`
                : 'Last level: nobody else is paged after it'}
          </p>
        </li>
      ))}
    </ol>
  );
}
