import { definePolicy, EVERYONE, MANAGERS } from '../../access/policies.js';

definePolicy('services', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  create: { roles: MANAGERS },
  update: { roles: MANAGERS },
  delete: { roles: MANAGERS },
});
