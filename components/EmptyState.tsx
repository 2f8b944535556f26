import type { ComponentChildren } from 'preact';

export function EmptyState({ title, hint, children }: { title: string; hint?: string; children?: ComponentChildren }) {
  return (
    <section class="tb-card tb-stack" role="status" data-testid="empty-state">
      <h2>{title}</h2>
      {hint && <p class="tb-muted">{hint}</p>}
      {children}
    </section>
  );
}
