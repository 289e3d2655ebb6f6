/** The throttle in force per kind of contact method: beyond it, pages are bundled into one message. */
import { useId } from 'react';
import { methodType } from './methodTypes.js';
import { useNotificationLimits } from './queries.js';

function windowText(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

export function NotificationLimits() {
  const limits = useNotificationLimits();
  const hid = useId();
  // Nothing to say when the limits cannot be read; paging works the same.
  if (!limits.data) return null;
  return (
    <section className="section prof-section" aria-labelledby={hid}>
      <h2 id={hid} className="prof-limits__title">
        Throttle limits
      </h2>
      <p className="muted prof-section__about">So a storm of incidents does not flood a phone, pages beyond these limits are held and sent together as one bundle.</p>
      <ul className="panel prof-limits" aria-label="Throttle limits">
        {limits.data.map((l) => (
          <li key={l.contact_type}>
            <span className={`prof-type prof-type--${l.contact_type}`}>{methodType(l.contact_type).label}</span>
            <span>{l.max !== null && l.window_seconds ? `at most ${l.max} per ${windowText(l.window_seconds)}` : <span className="muted">no limit</span>}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
