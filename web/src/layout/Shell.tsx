import type { ReactNode } from 'react';
import { useSession, useSignOut } from '../access/session.js';
import { Link, navigate } from '../router/router.js';
import { ROUTES } from '../routes.js';
import { Button } from '../ui/forms.js';
import { initials } from '../ui/format.js';
import { BellMark } from './BellMark.js';

/** The signed-in frame: top bar (product, who is signed in, sign out) and the section navigation. */
export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const me = useSession();
  const signOut = useSignOut();
  const name = me.user?.name ?? me.actor.name;

  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="topbar__brand" aria-label="Tocsin home">
          <BellMark size={28} />
          <span>Tocsin</span>
        </Link>
        <div className="topbar__spacer" />
        <Link to="/profile" className={`topbar__user${path === '/profile' ? ' is-active' : ''}`} data-testid="signed-in-user" title="Your profile: contact methods and notification rules">
          <span className="avatar" aria-hidden="true">
            {initials(name)}
          </span>
          <span className="topbar__who">
            <span className="topbar__name">{name}</span>
            <span className="topbar__meta">
              {me.user?.email ?? me.actor.type} · {me.actor.role}
            </span>
          </span>
          <span className="visually-hidden"> — your profile</span>
        </Link>
        <Button
          variant="ghost"
          className="topbar__signout"
          busy={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          Sign out
        </Button>
      </header>
      <nav className="sidenav" aria-label="Sections">
        <ul>
          {ROUTES.filter((r) => r.nav).map((r) => {
            const active = path === r.path || path.startsWith(`${r.path}/`);
            return (
              <li key={r.path}>
                <Link to={r.path} className={`sidenav__link${active ? ' is-active' : ''}`} aria-current={active ? 'page' : undefined}>
                  {r.nav}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main className="content" id="main">
        {children}
      </main>
    </div>
  );
}
