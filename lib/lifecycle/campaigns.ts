import type { Campaign, Programme } from '../book/schema';

/** Campaigns run after the lifecycle programmes when both want the same client on one day. */
export const CAMPAIGN_PRIORITY = 60;

/** The programme id a campaign's touches carry: apart from the book's own programme ids. */
export const campaignProgrammeId = (campaign: Pick<Campaign, 'id'>): string => `campaign.${campaign.id}`;

/**
 * A campaign as the planner runs it: a programme with no anchor and one touch on the window's
 * first day, which expires when the window closes. Its audience picks the clients as a
 * programme's `appliesTo` does, so "bought consumables" means the same in both.
 */
export function campaignProgramme(campaign: Campaign): Programme {
  return {
    id: campaignProgrammeId(campaign),
    name: campaign.name,
    ...(campaign.description ? { description: campaign.description } : {}),
    priority: CAMPAIGN_PRIORITY,
    ...(campaign.audience ? { appliesTo: campaign.audience } : {}),
    anchor: { kind: 'none' },
    touches: [
      {
        id: 'news',
        window: campaign.window,
        goal: campaign.goal,
        role: campaign.role,
        channel: campaign.channel,
        script: campaign.script,
        ...(campaign.variants ? { variants: campaign.variants } : {}),
        ...(campaign.condition ? { condition: campaign.condition } : {}),
      },
    ],
  };
}
