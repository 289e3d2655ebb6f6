import { ADMINS, definePolicy, EVERYONE, MANAGERS, WRITERS } from '../access/policies.js';

// Observers read schedules and who is on call; responders manage their own time off and swap
// their own shifts; managers and admins edit schedules and overrides. Whether a responder may
// cancel a given swap (only their own) is decided in the command, which sees the swap.

definePolicy('schedules', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  create: { roles: MANAGERS },
  update: { roles: MANAGERS },
  delete: { roles: MANAGERS },
  /** Shifts, gaps and the load report. */
  shifts: { roles: EVERYONE },
  rotate_ical_url: { roles: MANAGERS },
});

definePolicy('overrides', {
  list: { roles: EVERYONE },
  create: { roles: MANAGERS },
  delete: { roles: MANAGERS },
});

definePolicy('time_off', {
  list: { roles: MANAGERS, self: true },
  create: { roles: MANAGERS, self: true },
  delete: { roles: MANAGERS, self: true },
});

definePolicy('shift_swaps', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  offer: { roles: WRITERS },
  take: { roles: WRITERS },
  cancel: { roles: WRITERS },
});

definePolicy('oncalls', {
  list: { roles: EVERYONE },
});

definePolicy('user_calendars', {
  get_url: { roles: ADMINS, self: true },
  rotate_url: { roles: ADMINS, self: true },
});
