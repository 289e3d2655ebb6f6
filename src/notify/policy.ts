import { ADMINS, definePolicy, EVERYONE, MANAGERS } from '../access/policies.js';

// A person's contact methods and notification rules are theirs: they (and admins) change
// them; managers may read them to see whether their people can be reached.

definePolicy('contact_methods', {
  list: { roles: MANAGERS, self: true },
  get: { roles: MANAGERS, self: true },
  create: { roles: ADMINS, self: true },
  update: { roles: ADMINS, self: true },
  delete: { roles: ADMINS, self: true },
  /** Send a verification code, and confirm it. */
  verify: { roles: ADMINS, self: true },
  /** Send a test message. */
  test: { roles: ADMINS, self: true },
});

definePolicy('notification_rules', {
  list: { roles: MANAGERS, self: true },
  get: { roles: MANAGERS, self: true },
  create: { roles: ADMINS, self: true },
  update: { roles: ADMINS, self: true },
  delete: { roles: ADMINS, self: true },
});

definePolicy('notification_limits', { get: { roles: EVERYONE } });
