import { Link } from '../router/router.js';
import { HOME } from '../routes.js';
import { PageHeader } from './PageHeader.js';

export function NotFound({ path }: { path: string }) {
  return (
    <>
      <PageHeader title="Page not found" />
      <section className="panel">
        <p>
          There is no page at <code>{path}</code>. <Link to={HOME}>Go to the start page</Link>.
        </p>
      </section>
    </>
  );
}
