import { ADMINS, definePolicy } from '../access/policies.js';

definePolicy('jobs', { list: { roles: ADMINS }, retry: { roles: ADMINS } });
