/** The incident pages, for the route table (../routes.tsx). */
export { IncidentsPage } from './IncidentsPage.js';
export { IncidentPage } from './IncidentPage.js';
