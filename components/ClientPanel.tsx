import type { PlaceholderValues } from '../lib/book/placeholders';
import type { TouchRecord } from '../lib/db/schema';
import type { Translate } from '../lib/i18n';
import type { ClientPanelModel } from '../lib/panel/client-model';
import type { CrossSellOffer } from '../lib/suggest/cross-sell';
import { BookBrowser } from './panel/BookBrowser';
import { ClientHeader } from './panel/ClientHeader';
import { CrossSell } from './panel/CrossSell';
import { NextTouch } from './panel/NextTouch';
import { Objections } from './panel/Objections';
import { Questionnaire } from './panel/Questionnaire';
import { Tabs } from './panel/Tabs';

export interface ScriptValueSources {
  forTouch: (touch: TouchRecord) => PlaceholderValues;
  forOffer: (offer: CrossSellOffer) => PlaceholderValues;
}

/** Everything for the client on screen: who they are, then the next touch and the tools. */
export function ClientPanel({
  model,
  t,
  locale,
  values,
  onTeach,
}: {
  model: ClientPanelModel;
  t: Translate;
  locale: string;
  values: ScriptValueSources;
  onTeach: () => void;
}) {
  return (
    <div class="tb-stack" data-testid="client-panel" data-client-id={model.client.value?.id} aria-busy={!model.ready.value}>
      <ClientHeader model={model} t={t} locale={locale} onTeach={onTeach} />
      {model.problem.value && (
        <p class="tb-error" role="alert">
          {t('errorGeneric', { error: model.problem.value })}
        </p>
      )}
      <Tabs
        label={t('panelTitle')}
        tabs={[
          { id: 'next', title: t('tabNext'), content: () => <NextTouch model={model} t={t} locale={locale} values={values.forTouch} /> },
          { id: 'offers', title: t('tabOffers'), content: () => <CrossSell model={model} t={t} values={values.forOffer} /> },
          { id: 'questions', title: t('tabQuestions'), content: () => <Questionnaire model={model} t={t} /> },
          { id: 'objections', title: t('tabObjections'), content: () => <Objections model={model} t={t} /> },
          { id: 'book', title: t('tabBook'), content: () => <BookBrowser model={model} t={t} /> },
        ]}
      />
    </div>
  );
}
