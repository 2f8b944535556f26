import { useSignal } from '@preact/signals';
import { fillPlaceholders, partsToText, type PlaceholderValues } from '../../lib/book/placeholders';
import type { Translate } from '../../lib/i18n';

/**
 * A script with the client's data filled in. A value the card lacks shows as a marked gap with
 * the placeholder's name, never "undefined"; book text is rendered as text only.
 */
export function Script({ text, values, t }: { text: string; values: PlaceholderValues; t: Translate }) {
  const parts = fillPlaceholders(text, values);
  return (
    <div class="tb-script-block">
      <p class="tb-script" data-testid="script">
        {parts.map((part) =>
          part.kind === 'text' ? (
            part.text
          ) : (
            <mark class="tb-gap" title={t('scriptGap')}>
              {part.name}
            </mark>
          ),
        )}
      </p>
      <CopyButton text={partsToText(parts)} t={t} />
    </div>
  );
}

/** Copies text to the clipboard and says so; the label returns after a moment. */
export function CopyButton({ text, t, label }: { text: string; t: Translate; label?: string }) {
  const copied = useSignal<'no' | 'yes' | 'failed'>('no');
  return (
    <button
      class="tb-button tb-small"
      type="button"
      data-testid="copy"
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => {
            copied.value = 'yes';
            setTimeout(() => (copied.value = 'no'), 1500);
          },
          () => (copied.value = 'failed'), // e.g. the page lost focus: say so instead of nothing
        )
      }
    >
      <span aria-live="polite">{copied.value === 'yes' ? t('copied') : copied.value === 'failed' ? t('copyFailed') : (label ?? t('copy'))}</span>
    </button>
  );
}
