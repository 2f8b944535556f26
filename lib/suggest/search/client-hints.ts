import type { BuyerTypeId, ObjectionCategory, SalesBook } from '../../book/schema';
import type { SearchableObjection } from './build';

/**
 * What a client's churn reason and buyer type say about the objections to expect (methodology,
 * section 8): a client who left because "too expensive" will talk price; a mercenary goes to the
 * highest bidder; a defector also buys from competitors. The result feeds `boostCategories` /
 * `boostIds` of a search, or `suggestedObjections` when nothing is typed yet.
 */
export interface ObjectionHints {
  categories: ObjectionCategory[];
  ids: string[];
}

export interface ClientSignals {
  churnReason?: string | null;
  buyerType?: BuyerTypeId | null;
}

/** The default books' churn reason ids; a team book's own reasons work through their objection ids. */
const CHURN_REASON_CATEGORIES: Readonly<Record<string, readonly ObjectionCategory[]>> = {
  'too-expensive': ['price'],
  'competitor-offer': ['competitor', 'price'],
  'product-quality': ['quality'],
  'poor-service': ['service'],
  'staff-indifference': ['service'],
  'changed-activity': ['need'],
  'supplier-silence': ['competitor'],
};

const BUYER_TYPE_CATEGORIES: Readonly<Record<BuyerTypeId, readonly ObjectionCategory[]>> = {
  advocate: [],
  loyal: [],
  defector: ['competitor'],
  'concession-seeker': ['price'],
  mercenary: ['price', 'competitor'],
  hostage: ['service', 'quality'],
};

type BookWithHints = Pick<SalesBook, 'churnReasons'> & { objections: readonly SearchableObjection[] };

export function hintsForClient(book: BookWithHints, client: ClientSignals): ObjectionHints {
  const categories = new Set<ObjectionCategory>();
  const ids: string[] = [];
  const reason = client.churnReason ? book.churnReasons.find((candidate) => candidate.id === client.churnReason) : undefined;
  if (client.churnReason) for (const category of CHURN_REASON_CATEGORIES[client.churnReason] ?? []) categories.add(category);
  for (const id of reason?.suggestObjectionIds ?? []) {
    ids.push(id);
    const objection = book.objections.find((candidate) => candidate.id === id);
    if (objection) categories.add(objection.category);
  }
  if (client.buyerType) for (const category of BUYER_TYPE_CATEGORIES[client.buyerType]) categories.add(category);
  return { categories: [...categories], ids };
}
