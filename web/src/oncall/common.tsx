/** Small pieces the on-call pages share: a person with their colour, zones, problem fields. */
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useSession } from '../access/session.js';
import { browserTimeZone } from '../ui/format.js';
import { useSwatchStyle } from './colors.js';
import { isKnownZone } from './time.js';

/** A person's name beside the colour their shifts are drawn in. */
export function PersonChip({ id, name, you, className }: { id: string; name: string; you?: boolean; className?: string }) {
  const swatch = useSwatchStyle();
  return (
    <span className={`person-chip${className ? ` ${className}` : ''}`} style={swatch(id)}>
      <span className="person-chip__dot" aria-hidden="true" />
      <span className="person-chip__name">{name}</span>
      {you ? <span className="badge">you</span> : null}
    </span>
  );
}

/** The signed-in person's own zone: their profile's, else the browser's. */
export function useMyZone(): string {
  const me = useSession();
  const zone = me.user?.time_zone;
  return zone && isKnownZone(zone) ? zone : browserTimeZone();
}

/**
 * The same problem with its field names made to fit a form: `rename` maps a server field
 * ("layers/0/users/1") to the form's ("layers/0/users"), or leaves it.
 */
export function renameProblemFields(error: unknown, rename: (field: string) => string): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError({
    type: 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.detail,
    errors: error.fields.map((f) => ({ ...f, field: rename(f.field.replace(/^body\//, '')) })),
  });
}

/** The current time, ticking every minute (for the "now" line and what counts as past). */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
