import type { ClientPlan } from '../background/lifecycle-service';
import type { ClientRecord } from '../db/schema';
import { firstFilledScript, type PlaceholderValues } from '../book/placeholders';
import type { CrossSellOffer } from '../suggest/cross-sell';
import { scriptValues, type ScriptContext } from '../suggest/script-values';

/**
 * What the side panel fills a script with, for the client on screen: the touch's own purchase
 * (the anchor it counts from), the product the book offers next for that purchase, the manager's
 * name and company. A script must be true for this client: "your {{product}}" in a trade-in call
 * anchored on the van names the van, not the tyres bought last week.
 */
export interface PanelScriptState {
  client: () => ClientRecord | null;
  plan: () => ClientPlan | null;
  /** The client's cross-sell offers as ranked for the panel, best first. */
  offers: () => readonly CrossSellOffer[];
  /** The book's language: its scripts greet in it. */
  bookLanguage: () => string | null;
  now: () => number;
}

export interface PanelScriptSettings {
  managerName: string | null;
  companyName: string | null;
  locale: string;
}

type TouchLike = NonNullable<ScriptContext['touch']> & { anchorEventId: string | null };

export function createScriptValues(settings: PanelScriptSettings, state: PanelScriptState) {
  const fill = (extra: Partial<ScriptContext>): PlaceholderValues => {
    const client = state.client();
    if (!client) return {};
    return scriptValues(client, { ...settings, timeZone: state.plan()?.timeZone ?? 'UTC', now: state.now(), language: state.bookLanguage(), ...extra });
  };
  return {
    forTouch: (touch: TouchLike) => fill(touchContext(touch, state.plan(), state.offers())),
    forOffer: (offer: CrossSellOffer) => fill({ nextProduct: offer.nextProduct, product: offer.core.product.name }),
  };
}

/**
 * A touch's product and next product. Anchored on a purchase, the product is that purchase's
 * (none said when the card did not name it: a gap for the manager, never another purchase); on
 * anything else (a birthday, a yearly window) the latest purchase stands. The next product is
 * what the best offer for that purchase sells, else the best offer the client has at all; a
 * declined offer is not proposed again.
 */
export function touchContext(touch: TouchLike, plan: ClientPlan | null, offers: readonly CrossSellOffer[]): Partial<ScriptContext> {
  const anchor = touch.anchorEventId ? plan?.anchors?.[touch.anchorEventId] : undefined;
  const purchase = anchor?.type === 'purchase' ? anchor : null;
  const open = offers.filter((offer) => offer.status !== 'declined');
  const offer =
    (purchase?.product ? open.find((candidate) => candidate.core.product.name === purchase.product) : undefined) ??
    (purchase?.category ? open.find((candidate) => candidate.core.product.category === purchase.category) : undefined) ??
    open[0];
  return { touch, ...(purchase ? { product: purchase.product } : {}), nextProduct: offer?.nextProduct ?? null };
}

/** The touch's wording for this client: a variant planned for the card, when the card fills it. */
export function touchScript(touch: { script: string; scriptVariants?: readonly string[] }, values: PlaceholderValues): string {
  return firstFilledScript([...(touch.scriptVariants ?? []), touch.script], values);
}
