export const ROLES = ['admin', 'manager', 'responder', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const TEAM_ROLES = ['manager', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
