import { PageHeader } from '../layout/PageHeader.js';
import { TeamsSection } from './TeamsSection.js';
import { UsersSection } from './UsersSection.js';

export function UsersTeamsPage() {
  return (
    <>
      <PageHeader title="Users & teams" description="The people who respond, their roles and time zones, and the teams they belong to." />
      <UsersSection />
      <TeamsSection />
    </>
  );
}
