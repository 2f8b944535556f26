import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';

/**
 * An accessible tab list (WAI-ARIA tabs pattern): arrow keys move between tabs, Home and End go
 * to the first and last; only the chosen panel is rendered.
 */
export function Tabs({ tabs, label }: { tabs: Array<{ id: string; title: string; content: () => ComponentChildren }>; label: string }) {
  const selected = useSignal(tabs[0]?.id ?? '');
  const current = tabs.find((tab) => tab.id === selected.value) ?? tabs[0];
  const select = (index: number) => {
    const next = tabs[(index + tabs.length) % tabs.length];
    if (!next) return;
    selected.value = next.id;
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  const KEYS: Record<string, () => number> = {
    ArrowRight: () => tabs.findIndex((tab) => tab.id === selected.value) + 1,
    ArrowLeft: () => tabs.findIndex((tab) => tab.id === selected.value) - 1,
    Home: () => 0,
    End: () => tabs.length - 1,
  };
  return (
    <div>
      <div
        class="tb-tabs"
        role="tablist"
        aria-label={label}
        onKeyDown={(event) => {
          const target = KEYS[event.key];
          if (!target) return;
          event.preventDefault(); // Home and End would scroll the panel
          select(target());
        }}
      >
        {tabs.map((tab) => (
          <button
            id={`tab-${tab.id}`}
            role="tab"
            type="button"
            class="tb-tab"
            aria-selected={tab.id === current?.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current?.id ? 0 : -1}
            data-testid={`tab-${tab.id}`}
            onClick={() => (selected.value = tab.id)}
          >
            {tab.title}
          </button>
        ))}
      </div>
      {current && (
        <div id={`panel-${current.id}`} role="tabpanel" aria-labelledby={`tab-${current.id}`} class="tb-tabpanel">
          {current.content()}
        </div>
      )}
    </div>
  );
}
