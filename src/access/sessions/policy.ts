import { definePolicy, EVERYONE } from '../policies.js';

definePolicy('session', { me: { roles: EVERYONE } });
