import { useId, useState } from 'react';
import { Link } from '../router/router.js';
import { Alert, Button } from '../ui/forms.js';
import { initials } from '../ui/format.js';
import { useDebounced } from '../ui/hooks.js';
import { CreateUserForm } from './CreateUserForm.js';
import { useUsers } from './queries.js';
import { useRoleAtLeast, useSession } from './session.js';

export function UsersSection() {
  const me = useSession();
  const isAdmin = useRoleAtLeast('admin');
  // Managers read other people's contact methods and rules; admins change them.
  const canSeeProfiles = useRoleAtLeast('manager');
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 250);
  const users = useUsers(query);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const searchId = useId();
  const headingId = useId();

  const rows = users.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__header">
        <h2 id={headingId}>Users</h2>
        <div className="section__tools">
          <label htmlFor={searchId} className="visually-hidden">
            Search users
          </label>
          <input id={searchId} type="search" className="search" placeholder="Search by name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
          {isAdmin && !adding ? (
            <Button
              variant="primary"
              onClick={() => {
                setAdding(true);
                setNotice(null);
              }}
            >
              Add user
            </Button>
          ) : null}
        </div>
      </div>

      {adding ? (
        <CreateUserForm
          onCancel={() => setAdding(false)}
          onCreated={(u) => {
            setAdding(false);
            setNotice(`${u.name} (${u.email}) was added as ${u.role}.`);
          }}
        />
      ) : null}
      {notice ? (
        <Alert tone="success" title="User created">
          {notice}
        </Alert>
      ) : null}

      {users.isError ? <Alert title="Could not load users">{users.error.message}</Alert> : null}

      <div className="table-wrap panel">
        <table className="table" aria-label="Users" aria-busy={users.isFetching || undefined}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Time zone</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <span className="person">
                    <span className="avatar avatar--sm" aria-hidden="true">
                      {initials(u.name)}
                    </span>
                    {canSeeProfiles || u.id === me.user?.id ? <Link to={u.id === me.user?.id ? '/profile' : `/users/${encodeURIComponent(u.id)}`}>{u.name}</Link> : <span>{u.name}</span>}
                    {u.id === me.user?.id ? <span className="badge">you</span> : null}
                  </span>
                </td>
                <td className="mono-ish">{u.email}</td>
                <td>
                  <span className={`badge badge--role-${u.role}`}>{u.role}</span>
                </td>
                <td>{u.time_zone}</td>
              </tr>
            ))}
            {users.isPending ? (
              <tr>
                <td colSpan={4} className="table__empty">
                  Loading users…
                </td>
              </tr>
            ) : rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="table__empty">
                  {query.trim() ? `No user matches “${query.trim()}”.` : 'No users yet.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {users.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void users.fetchNextPage()} busy={users.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
    </section>
  );
}
