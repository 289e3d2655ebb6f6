import { useEffect } from 'react';
import { LoginPage } from './access/LoginPage.js';
import { SessionProvider, useMe } from './access/session.js';
import { NotFound } from './layout/NotFound.js';
import { Shell } from './layout/Shell.js';
import { matchPath, navigate, useLocation } from './router/router.js';
import { HOME, ROUTES } from './routes.js';
import { Alert, Button } from './ui/forms.js';

/** Only same-site paths may be a post-sign-in destination (no "//evil.example"). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : HOME;
}

/** Decides between the sign-in page and the signed-in console, and which page to show. */
export function App() {
  const me = useMe();
  const { path, search, href } = useLocation();
  const signedIn = Boolean(me.data);

  // Keep the address bar truthful: /login when signed out (remembering where you were going).
  useEffect(() => {
    if (me.isPending || me.isError) return;
    if (!signedIn && path !== '/login') navigate(path === '/' ? '/login' : `/login?next=${encodeURIComponent(href)}`, { replace: true });
    if (signedIn && (path === '/' || path === '/login')) navigate(path === '/login' ? safeNext(search.get('next')) : HOME, { replace: true });
  }, [me.isPending, me.isError, signedIn, path, href, search]);

  if (me.isPending) return <div className="splash" aria-busy="true" />;
  if (me.isError) {
    return (
      <main className="login">
        <div className="login__card">
          <Alert title="Tocsin is not answering">{me.error.message}</Alert>
          <Button variant="primary" onClick={() => void me.refetch()}>
            Try again
          </Button>
        </div>
      </main>
    );
  }
  if (!me.data) return <LoginPage onSignedIn={() => navigate(safeNext(search.get('next')), { replace: true })} />;

  let page = <NotFound path={path} />;
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) {
      const Page = route.page;
      page = <Page key={route.path} params={params} />;
      break;
    }
  }
  return (
    <SessionProvider me={me.data}>
      <Shell path={path}>{path === '/' || path === '/login' ? null : page}</Shell>
    </SessionProvider>
  );
}
