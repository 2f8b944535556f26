// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enBook } from '../../../lib/book/defaults/en';
import { appliesToClient } from '../../../lib/lifecycle/matching';
import { makeClient } from '../factories';

/** The demo CRM's cards as clients: what the English default book is demonstrated on. */
interface DemoCard {
  id: string;
  stage: string;
  tags: string[];
  products: { name: string; category: string; purchasedAt: string }[];
}

const cards = JSON.parse(readFileSync(path.resolve(__dirname, '../../../demo/clients.json'), 'utf8')) as DemoCard[];
const clients = cards.map((card) =>
  makeClient({ id: card.id, stage: card.stage, tags: card.tags, products: card.products.map((product) => ({ ...product })) }),
);

function clientsOf(programmeId: string): string[] {
  const programme = enBook.programmes.find((candidate) => candidate.id === programmeId);
  if (!programme) throw new Error(`no programme ${programmeId}`);
  return clients.filter((client) => appliesToClient(programme.appliesTo, client)).map((client) => client.id);
}

describe('the English default book on the demo CRM', () => {
  it('starts the car and machinery chain for buyers of vehicles and machinery, and for no one else', () => {
    const durable = clientsOf('durable-goods');
    // Passenger cars, commercial vehicles, agricultural machinery.
    expect(durable).toEqual(expect.arrayContaining(['c-101', 'c-102', 'c-106', 'c-111', 'c-114', 'c-115']));
    // Toner, paper and ink; software and training; building materials.
    for (const id of ['c-103', 'c-112', 'c-107', 'c-110', 'c-104', 'c-109']) expect(durable).not.toContain(id);
  });

  it('reminds the consumables buyers and the tyre buyer', () => {
    expect(clientsOf('consumables')).toEqual(['c-103', 'c-112', 'c-113']);
    expect(clientsOf('seasonal-tyres')).toEqual(['c-101']);
    expect(clientsOf('agricultural-season')).toEqual(['c-102']);
  });
});
