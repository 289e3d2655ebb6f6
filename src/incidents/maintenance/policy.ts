import { definePolicy, EVERYONE, WRITERS } from '../../access/policies.js';

definePolicy('maintenance_windows', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  // The people doing the maintenance schedule it; every change is in the audit log.
  create: { roles: WRITERS },
  update: { roles: WRITERS },
  delete: { roles: WRITERS },
  end: { roles: WRITERS },
});
