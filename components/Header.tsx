import type { ComponentChildren } from 'preact';

export function Header({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="tb-header">
      <span class="tb-brand">
        <img src="/icon/32.png" alt="" />
        {title}
      </span>
      {children}
    </header>
  );
}
