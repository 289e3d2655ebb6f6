import { Type, type Static } from 'typebox';
import { CEL_LIMITS } from '../../ingest/rules/cel.js';
import { iso, IsoTime } from '../../platform/http/pagination.js';
import { windowState } from './active.js';
import type { WindowWithServices } from './queries.js';

export const WindowStateSchema = Type.Union([Type.Literal('future'), Type.Literal('active'), Type.Literal('past')]);

const ServiceIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 });
const Condition = Type.Union([Type.String({ minLength: 1, maxLength: CEL_LIMITS.maxLength }), Type.Null()], {
  description: "CEL over `event`, e.g. event.source == 'fw-01'; null (or absent) covers every event of the services",
});

export const MaintenanceWindow = Type.Object(
  {
    id: Type.String(),
    description: Type.String(),
    start: IsoTime,
    end: IsoTime,
    service_ids: Type.Array(Type.String()),
    condition: Type.Union([Type.String(), Type.Null()]),
    state: WindowStateSchema,
    ended_early: Type.Boolean(),
    created_by: Type.Union([Type.String(), Type.Null()]),
    created_at: IsoTime,
    updated_at: IsoTime,
  },
  { $id: 'MaintenanceWindow' },
);

export const CreateWindowBody = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    start: Type.Optional(Type.String({ format: 'date-time', description: 'Default now; may not be in the past' })),
    end: Type.String({ format: 'date-time', description: 'Must be after start' }),
    service_ids: ServiceIds,
    condition: Type.Optional(Condition),
  },
  { additionalProperties: false },
);
export type CreateWindowBody = Static<typeof CreateWindowBody>;

export const UpdateWindowBody = Type.Object(
  {
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    start: Type.Optional(Type.String({ format: 'date-time', description: 'Only while the window has not started' })),
    end: Type.Optional(Type.String({ format: 'date-time' })),
    service_ids: Type.Optional(ServiceIds),
    condition: Type.Optional(Condition),
  },
  { additionalProperties: false },
);
export type UpdateWindowBody = Static<typeof UpdateWindowBody>;

export const ListWindowsQuery = Type.Object({
  state: Type.Optional(WindowStateSchema),
  service_id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

export function serializeWindow(w: WindowWithServices, now: number): Static<typeof MaintenanceWindow> {
  return {
    id: w.id,
    description: w.description,
    start: iso(w.start_at)!,
    end: iso(w.end_at)!,
    service_ids: w.service_ids,
    condition: w.condition,
    state: windowState(w.start_at, w.end_at, now),
    ended_early: w.ended_early === 1,
    created_by: w.created_by,
    created_at: iso(w.created_at)!,
    updated_at: iso(w.updated_at)!,
  };
}
