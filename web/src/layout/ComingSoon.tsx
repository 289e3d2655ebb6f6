import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader.js';

/** A placeholder page for a section that is not built yet. */
export function comingSoon(title: string, about: string): () => ReactNode {
  function ComingSoonPage() {
    return (
      <>
        <PageHeader title={title} />
        <section className="panel coming-soon" aria-label={`${title} is coming soon`}>
          <span className="badge badge--accent">Coming soon</span>
          <h2>{title} will live here</h2>
          <p>{about}</p>
          <p className="muted">This part of the console is being built. Until then, the REST API documented at <a href="/api/docs">/api/docs</a> covers it.</p>
        </section>
      </>
    );
  }
  ComingSoonPage.displayName = `ComingSoon(${title})`;
  return ComingSoonPage;
}
