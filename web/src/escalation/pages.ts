/** The escalation policy pages, for the route table (../routes.tsx). */
export { PoliciesPage } from './PoliciesPage.js';
export { PolicyPage } from './PolicyPage.js';
