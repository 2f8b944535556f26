import type { ClientSnapshot, Phone, Product } from '../crm/snapshot';
import type { UiLanguage } from '../i18n';

/** A CRM record a client was seen on; one client may be seen on several (contact, deal...). */
export interface SeenRecord {
  origin: string;
  recordId: string | null;
  url: string;
  source: string;
  seenAt: number;
}

export interface ClientRecord {
  id: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  jobTitle: string | null;
  emails: string[];
  phones: Phone[];
  /** Digits-only forms of the phones, indexed for matching the same person across pages. */
  phoneKeys: string[];
  /** `origin|recordId` of every CRM record this client was seen on, indexed for lookups. */
  recordKeys: string[];
  records: SeenRecord[];
  stage: string | null;
  amount: ClientSnapshot['amount'];
  birthday: string | null;
  tags: string[];
  owner: string | null;
  products: Product[];
  lastSnapshot: ClientSnapshot;
  createdAt: number;
  updatedAt: number;
}

export type EventType = 'purchase' | 'deal-won' | 'stage-reached' | 'birthday' | 'callback-requested' | 'custom-date';

export interface EventRecord {
  id: string;
  clientId: string;
  type: EventType;
  /** When it happened (or, for a callback, when the client asked to be called), epoch ms. */
  at: number;
  data: Record<string, string | number | null>;
  source: 'crm' | 'manager';
  createdAt: number;
}

export type TouchState = 'planned' | 'due' | 'done' | 'snoozed' | 'skipped' | 'missed';

export interface TouchRecord {
  id: string;
  clientId: string;
  programmeId: string;
  templateId: string;
  state: TouchState;
  dueAt: number;
  goal: string;
  role: string;
  channel: string;
  script: string;
  outcome: string | null;
  note: string | null;
  updatedAt: number;
}

export interface AnswerRecord {
  clientId: string;
  questionId: string;
  questionnaireId: string;
  value: string | number | null;
  updatedAt: number;
}

/**
 * One row per thing the sales-book machinery keeps: the manager's subscription settings, the last
 * good book of each source (with its sync state), and the personal layer. See lib/background/books.
 */
export type BookSlotName = 'config' | 'managed' | 'subscription' | 'imported' | 'personal';

export interface BookRecord {
  slot: BookSlotName;
  value: unknown;
  updatedAt: number;
}

export interface SiteRecord {
  origin: string;
  /** The match pattern the content script is registered for, e.g. `https://crm.example.com/*`. */
  pattern: string;
  enabledAt: number;
}

export interface SettingsRecord {
  key: 'settings';
  uiLanguage: UiLanguage | null;
  timeZone: string | null;
  managerName: string | null;
}

export const DEFAULT_SETTINGS: SettingsRecord = {
  key: 'settings',
  uiLanguage: null,
  timeZone: null,
  managerName: null,
};
