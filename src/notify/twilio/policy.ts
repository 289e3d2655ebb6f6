import { definePolicy, MANAGERS } from '../../access/policies.js';

// The phone menu decides who a stranger's call reaches: managers and admins read and set it.
// The Twilio webhooks themselves are public by policy and authenticated by Twilio's signature.
definePolicy('call_routing', {
  get: { roles: MANAGERS },
  update: { roles: MANAGERS },
});
