import { definePolicy, EVERYONE, MANAGERS } from '../../access/policies.js';

definePolicy('integrations', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  create: { roles: MANAGERS },
  update: { roles: MANAGERS },
  delete: { roles: MANAGERS },
  rotate: { roles: MANAGERS },
  dry_run: { roles: MANAGERS },
});
