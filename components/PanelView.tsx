import type { Translate } from '../lib/i18n';
import type { PanelView as PanelViewState } from '../lib/panel/panel-model';
import { ClientCard } from './ClientCard';
import { EmptyState } from './EmptyState';

export function PanelView({ view, t }: { view: PanelViewState; t: Translate }) {
  if (view.kind === 'loading') return <EmptyState title={t('panelReading')} />;
  if (view.kind === 'error') return <EmptyState title={t('errorGeneric', { error: view.message })} />;
  if (view.state === 'client') return <ClientCard client={view.client} t={t} />;
  return <EmptyState title={t('panelNoClient')} hint={t('panelNoClientHint')} />;
}
