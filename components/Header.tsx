import type { ComponentChildren } from 'preact';

export function Header({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="tb-header">
      <h1 class="tb-brand">
        <img src="/icon/32.png" alt="" />
        {title}
      </h1>
      {children}
    </header>
  );
}
