import { z } from 'zod';

/** The manager's own book settings (ignored while an administrator's policy is in force). */
export const BookConfigSchema = z.object({
  /** A subscription address; HTTPS (plain HTTP only for this machine). Checked when saved. */
  subscriptionUrl: z.string().max(2048).nullable(),
  /** Base64 Ed25519 key; when set, only books signed with it are accepted. */
  publicKey: z.string().max(200).nullable(),
  /** How often the subscription is checked. */
  syncMinutes: z.number().int().min(15).max(24 * 60),
});
export type BookConfig = z.output<typeof BookConfigSchema>;

export const DEFAULT_BOOK_CONFIG: BookConfig = { subscriptionUrl: null, publicKey: null, syncMinutes: 60 };
