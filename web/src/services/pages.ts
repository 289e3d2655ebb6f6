/** The service pages, for the route table (../routes.tsx). */
export { ServicesPage } from './ServicesPage.js';
export { ServicePage } from './ServicePage.js';
