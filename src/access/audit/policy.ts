import { definePolicy, MANAGERS } from '../policies.js';

definePolicy('audit', { list: { roles: MANAGERS } });
