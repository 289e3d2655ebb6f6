import { ADMINS, definePolicy, EVERYONE } from '../policies.js';

definePolicy('users', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  create: { roles: ADMINS },
  // People keep their own profile current; only admins change someone else's.
  update: { roles: ADMINS, self: true },
  delete: { roles: ADMINS },
});
