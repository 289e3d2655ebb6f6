import { definePolicy, MANAGERS } from '../access/policies.js';

// Subscriptions send incident data to outside systems and their URLs may carry a receiver's
// own credentials: only managers and admins see or change them.
definePolicy('webhook_subscriptions', {
  list: { roles: MANAGERS },
  get: { roles: MANAGERS },
  create: { roles: MANAGERS },
  update: { roles: MANAGERS },
  delete: { roles: MANAGERS },
  rotate_secret: { roles: MANAGERS },
  ping: { roles: MANAGERS },
  deliveries: { roles: MANAGERS },
  redeliver: { roles: MANAGERS },
});
