import { Type, type Static } from 'typebox';
import { iso } from '../../platform/http/pagination.js';
import type { Row } from '../../platform/db/tables.js';

export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('manager'), Type.Literal('responder'), Type.Literal('observer')], { description: 'admin, manager, responder or observer' });

export const User = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    time_zone: Type.String({ description: 'IANA time zone, e.g. Europe/London' }),
    role: RoleSchema,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, default: 'UTC' })),
    role: Type.Optional(RoleSchema),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    role: Type.Optional(RoleSchema),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export function serializeUser(u: Row<'users'>): Static<typeof User> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    time_zone: u.time_zone,
    role: u.role,
    created_at: iso(u.created_at)!,
    updated_at: iso(u.updated_at)!,
  };
}
