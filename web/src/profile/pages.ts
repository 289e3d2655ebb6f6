/** The profile pages, for the route table (../routes.tsx). */
export { ProfilePage, UserProfilePage } from './ProfilePage.js';
