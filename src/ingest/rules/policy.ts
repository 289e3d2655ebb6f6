import { definePolicy, EVERYONE, MANAGERS } from '../../access/policies.js';

definePolicy('event_rules', {
  get: { roles: EVERYONE },
  // Rules decide who gets paged, so only managers and admins change them.
  update: { roles: MANAGERS },
  // A dry run changes nothing.
  test: { roles: EVERYONE },
});
