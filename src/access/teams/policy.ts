import { definePolicy, EVERYONE, MANAGERS } from '../policies.js';

definePolicy('teams', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  create: { roles: MANAGERS },
  update: { roles: MANAGERS },
  delete: { roles: MANAGERS },
  members: { roles: MANAGERS },
});
