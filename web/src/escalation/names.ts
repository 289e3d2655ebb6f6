/** Names for a policy's targets (people and schedules), from the lists the console already reads. */
import { useMemo } from 'react';
import { useAllUsers } from '../access/queries.js';
import { useSchedules } from '../oncall/queries.js';

export interface TargetNames {
  /** The target's name, or a stand-in while loading or when it is gone. */
  name: (t: { type: string; id: string }) => string;
  /** Whether the target is known to exist (false while loading, too). */
  known: (t: { type: string; id: string }) => boolean;
  loading: boolean;
}

export function useTargetNames(): TargetNames {
  const users = useAllUsers();
  const schedules = useSchedules();
  return useMemo(() => {
    const people = new Map(users.data?.map((u) => [u.id, u.name]));
    const rotas = new Map(schedules.data?.map((s) => [s.id, s.name]));
    const loading = users.isPending || schedules.isPending;
    const lookup = (t: { type: string; id: string }) => (t.type === 'schedule' ? rotas : people).get(t.id);
    return {
      name: (t) => lookup(t) ?? (loading ? '…' : `unknown ${t.type} ${t.id.slice(0, 8)}`),
      known: (t) => lookup(t) !== undefined,
      loading,
    };
  }, [users.data, schedules.data, users.isPending, schedules.isPending]);
}
