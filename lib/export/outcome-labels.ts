import type { TouchOutcome } from '../db/schema';
import type { MessageKey } from '../i18n';

/** The words for each touch outcome, shared by the touches CSV and the Insights outcome table. */
export const OUTCOME_LABELS: Record<TouchOutcome, MessageKey> = {
  reached: 'outcomeReached',
  'no-answer': 'outcomeNoAnswer',
  rescheduled: 'outcomeRescheduled',
  'not-interested': 'outcomeNotInterested',
};
