import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBSCRIBABLE_EVENTS } from './events.js';
import { filterOf, matching, wants, type Filter } from './match.js';

const sub = (id: string, events: string[], services: string[] = [], teams: string[] = []): Filter =>
  filterOf({ id, event_types: JSON.stringify(events), service_ids: JSON.stringify(services), team_ids: JSON.stringify(teams) });

describe('subscription matching', () => {
  it('wants only its event types', () => {
    const f = sub('a', ['incident.triggered', 'incident.resolved']);
    expect(wants(f, 'incident.triggered', { serviceId: 's1', teamId: null })).toBe(true);
    expect(wants(f, 'incident.acknowledged', { serviceId: 's1', teamId: null })).toBe(false);
  });

  it('narrows by service or team (either listed matches)', () => {
    const f = sub('a', ['incident.triggered'], ['s1'], ['t2']);
    expect(wants(f, 'incident.triggered', { serviceId: 's1', teamId: 't9' })).toBe(true);
    expect(wants(f, 'incident.triggered', { serviceId: 's5', teamId: 't2' })).toBe(true);
    expect(wants(f, 'incident.triggered', { serviceId: 's5', teamId: 't9' })).toBe(false);
    expect(wants(f, 'incident.triggered', { serviceId: 's5', teamId: null })).toBe(false);
    expect(wants(sub('b', ['incident.triggered'], [], ['t2']), 'incident.triggered', { serviceId: 's1', teamId: null })).toBe(false);
  });

  it('keeps the order of the subscriptions given', () => {
    const subs = [sub('a', ['incident.resolved']), sub('b', ['incident.resolved'], ['s2']), sub('c', ['incident.resolved'], ['s1'])];
    expect(matching(subs, 'incident.resolved', { serviceId: 's1', teamId: null }).map((f) => f.id)).toEqual(['a', 'c']);
  });

  it('an unfiltered subscription hears every incident of its types; a filtered one only what it names', () => {
    const id = fc.constantFrom('s1', 's2', 's3', 't1', 't2');
    fc.assert(
      fc.property(
        fc.subarray([...SUBSCRIBABLE_EVENTS], { minLength: 1 }),
        fc.uniqueArray(id),
        fc.uniqueArray(id),
        fc.constantFrom(...SUBSCRIBABLE_EVENTS),
        id,
        fc.option(id, { nil: null }),
        (events, services, teams, type, serviceId, teamId) => {
          const got = wants(sub('x', events, services, teams), type, { serviceId, teamId });
          const scoped = services.length === 0 && teams.length === 0 ? true : services.includes(serviceId) || (teamId !== null && teams.includes(teamId));
          expect(got).toBe(events.includes(type) && scoped);
        },
      ),
    );
  });
});
