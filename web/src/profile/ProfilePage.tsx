/**
 * A person's paging profile: who they are, where they can be paged (contact methods) and when
 * (notification rules). "/profile" is the signed-in person's own; "/users/:id" is anyone's, for
 * managers (read) and admins (edit).
 */
import { useRoleAtLeast, useSession } from '../access/session.js';
import { ApiError, type User } from '../api/client.js';
import { PageHeader } from '../layout/PageHeader.js';
import { Link, type Params } from '../router/router.js';
import { Alert } from '../ui/forms.js';
import { initials } from '../ui/format.js';
import { ContactMethodsPanel } from './ContactMethodsPanel.js';
import { NotificationLimits } from './NotificationLimits.js';
import { NotificationRulesPanel } from './NotificationRulesPanel.js';
import { useContactMethods, useNotificationRules, useUser } from './queries.js';
import './profile.css';

export function ProfilePage() {
  const me = useSession();
  if (!me.user) {
    return (
      <>
        <PageHeader title="Your profile" />
        <Alert tone="info">This session belongs to an API token, which has no profile.</Alert>
      </>
    );
  }
  return <Profile user={me.user} self />;
}

export function UserProfilePage({ params }: { params: Params }) {
  const id = params.id ?? '';
  const me = useSession();
  const user = useUser(id);
  if (user.isError) {
    return (
      <>
        <Crumbs />
        <PageHeader title="User" />
        <Alert title={user.error instanceof ApiError && user.error.status === 404 ? 'No such user' : 'Could not load the user'}>{user.error.message}</Alert>
      </>
    );
  }
  if (!user.data) return <div className="inc-muted-block muted">Loading…</div>;
  return (
    <>
      <Crumbs name={user.data.name} />
      <Profile user={user.data} self={user.data.id === me.user?.id} />
    </>
  );
}

function Crumbs({ name }: { name?: string }) {
  return (
    <p className="crumbs">
      <Link to="/users">Users &amp; teams</Link>
      {name ? (
        <>
          {' '}
          <span aria-hidden="true">›</span> {name}
        </>
      ) : null}
    </p>
  );
}

function Profile({ user, self }: { user: User; self: boolean }) {
  const isAdmin = useRoleAtLeast('admin');
  const isManager = useRoleAtLeast('manager');
  const me = useSession();
  const canView = self || isManager;
  const canEdit = self || isAdmin;

  return (
    <>
      <PageHeader
        title={self ? 'Your profile' : user.name}
        description={self ? 'Where and when Tocsin pages you.' : `Where and when Tocsin pages ${user.name}.`}
      />
      <section className="panel prof-who" aria-label="Person">
        <span className="avatar avatar--lg" aria-hidden="true">
          {initials(user.name)}
        </span>
        <div className="prof-who__text">
          <strong className="prof-who__name">{user.name}</strong>
          <span className="muted">{user.email}</span>
        </div>
        <dl className="prof-who__facts">
          <div>
            <dt>Role</dt>
            <dd>
              <span className={`badge badge--role-${user.role}`}>{user.role}</span>
            </dd>
          </div>
          <div>
            <dt>Time zone</dt>
            <dd>{user.time_zone}</dd>
          </div>
        </dl>
      </section>
      {canView ? (
        <PagingSettings userId={user.id} canEdit={canEdit} self={self} zone={me.user?.time_zone} />
      ) : (
        <Alert tone="info" title="Contact details are private">
          Only {user.name}, managers and admins see where {user.name} is paged.
        </Alert>
      )}
    </>
  );
}

function PagingSettings({ userId, canEdit, self, zone }: { userId: string; canEdit: boolean; self: boolean; zone: string | undefined }) {
  const methods = useContactMethods(userId);
  const rules = useNotificationRules(userId);
  return (
    <>
      <ContactMethodsPanel userId={userId} canEdit={canEdit} self={self} rules={rules.data ?? []} zone={zone} />
      <NotificationRulesPanel
        userId={userId}
        canEdit={canEdit}
        self={self}
        rules={rules.data ?? []}
        methods={methods.data ?? []}
        loading={rules.isPending || methods.isPending}
        error={rules.error}
      />
      <NotificationLimits />
    </>
  );
}
