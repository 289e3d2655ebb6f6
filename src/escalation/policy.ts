import { definePolicy, EVERYONE, MANAGERS } from '../access/policies.js';

// Everyone reads escalation policies (responders need to see who comes after them); managers
// and admins edit them.
definePolicy('escalation_policies', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  create: { roles: MANAGERS },
  update: { roles: MANAGERS },
  delete: { roles: MANAGERS },
});
