/**
 * Every page of the console, in navigation order. Adding a page is one line here: its path,
 * the label in the navigation (omit `nav` for pages reached only by links), and its component.
 */
import type { ReactNode } from 'react';
import { TokensPage } from './access/TokensPage.js';
import { HomePage } from './home/HomePage.js';
import { UsersTeamsPage } from './access/UsersTeamsPage.js';
import { PoliciesPage, PolicyPage } from './escalation/pages.js';
import { IncidentPage, IncidentsPage } from './incidents/pages.js';
import { SchedulePage } from './oncall/SchedulePage.js';
import { SchedulesPage } from './oncall/SchedulesPage.js';
import { ProfilePage, UserProfilePage } from './profile/pages.js';
import { ServicePage, ServicesPage } from './services/pages.js';
import type { Params } from './router/router.js';

export interface PageRoute {
  path: string;
  nav?: string;
  page: (props: { params: Params }) => ReactNode;
}

export const ROUTES: PageRoute[] = [
  { path: '/on-call', nav: 'On call now', page: HomePage },
  { path: '/incidents', nav: 'Incidents', page: IncidentsPage },
  { path: '/incidents/:id', page: IncidentPage },
  { path: '/services', nav: 'Services', page: ServicesPage },
  { path: '/services/:id', page: ServicePage },
  { path: '/schedules', nav: 'Schedules', page: SchedulesPage },
  { path: '/schedules/:id', page: SchedulePage },
  { path: '/escalation-policies', nav: 'Escalation policies', page: PoliciesPage },
  { path: '/escalation-policies/:id', page: PolicyPage },
  { path: '/users', nav: 'Users & teams', page: UsersTeamsPage },
  { path: '/users/:id', page: UserProfilePage },
  { path: '/tokens', nav: 'API tokens', page: TokensPage },
  { path: '/profile', page: ProfilePage },
];

/** Where "/" and the sign-in page lead. */
export const HOME = '/on-call';
