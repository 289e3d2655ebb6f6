import { definePolicy, EVERYONE, WRITERS } from '../access/policies.js';

// Observers read; responders (and up) act on incidents.
definePolicy('incidents', {
  list: { roles: EVERYONE },
  get: { roles: EVERYONE },
  stream: { roles: EVERYONE },
  create: { roles: WRITERS },
  act: { roles: WRITERS },
  note: { roles: WRITERS },
});
definePolicy('alerts', { get: { roles: EVERYONE } });
