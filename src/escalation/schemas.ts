import { Type, type Static } from 'typebox';
import { iso, IsoTime } from '../platform/http/pagination.js';
import type { Row } from '../platform/db/tables.js';
import type { Level } from './types.js';

// Wire shapes of /api/v1/escalation-policies (snake_case, ISO 8601) and their serializer.

const Id = Type.String({ minLength: 1, maxLength: 64 });

export const TargetSchema = Type.Object(
  {
    type: Type.Enum(['user', 'schedule'], { description: 'user | schedule' }),
    id: Id,
  },
  { additionalProperties: false },
);

export const LevelSchema = Type.Object(
  {
    delay_minutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'minutes before the next level is paged if nobody acknowledges' }),
    targets: Type.Array(TargetSchema, { minItems: 1, maxItems: 20, description: 'people and schedules this level pages' }),
    round_robin: Type.Optional(Type.Boolean({ default: false, description: 'page one target per escalation, in turn, instead of all' })),
  },
  { additionalProperties: false },
);

const Levels = Type.Array(LevelSchema, { minItems: 1, maxItems: 20, description: 'in paging order; level 1 first' });
const Repeat = Type.Integer({ minimum: 0, maximum: 9, description: 'times the whole policy runs again when nobody acknowledges' });

export const CreateEscalationPolicyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    team_id: Type.Optional(Type.Union([Id, Type.Null()])),
    levels: Levels,
    repeat: Type.Optional(Repeat),
  },
  { additionalProperties: false },
);
export type CreateEscalationPolicyBody = Static<typeof CreateEscalationPolicyBody>;

export const UpdateEscalationPolicyBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    team_id: Type.Optional(Type.Union([Id, Type.Null()])),
    levels: Type.Optional(Levels),
    repeat: Type.Optional(Repeat),
  },
  { additionalProperties: false },
);
export type UpdateEscalationPolicyBody = Static<typeof UpdateEscalationPolicyBody>;

export const EscalationPolicyOut = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    team_id: Type.Union([Type.String(), Type.Null()]),
    levels: Type.Array(
      Type.Object({
        level: Type.Integer({ description: '1-based' }),
        delay_minutes: Type.Integer(),
        targets: Type.Array(Type.Object({ type: Type.String(), id: Type.String() })),
        round_robin: Type.Boolean(),
      }),
    ),
    repeat: Type.Integer(),
    created_at: IsoTime,
    updated_at: IsoTime,
  },
  { $id: 'EscalationPolicy' },
);
export type EscalationPolicyOut = Static<typeof EscalationPolicyOut>;

export function parseLevels(row: Pick<Row<'escalation_policies'>, 'levels'>): Level[] {
  return JSON.parse(row.levels) as Level[];
}

export function serializeEscalationPolicy(row: Row<'escalation_policies'>): EscalationPolicyOut {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    team_id: row.team_id,
    levels: parseLevels(row).map((l, i) => ({ level: i + 1, delay_minutes: l.delay_minutes, targets: l.targets.map((t) => ({ type: t.type, id: t.id })), round_robin: l.round_robin })),
    repeat: row.repeat,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}
