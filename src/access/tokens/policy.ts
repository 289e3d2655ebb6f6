import { definePolicy, EVERYONE } from '../policies.js';

definePolicy('tokens', {
  // Everyone may hold personal tokens (never above their own role); admins see and revoke all.
  list: { roles: EVERYONE },
  create: { roles: EVERYONE },
  get: { roles: EVERYONE },
  update: { roles: EVERYONE },
  delete: { roles: EVERYONE },
});
