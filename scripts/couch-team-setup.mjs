#!/usr/bin/env node
/**
 * Sets up (or updates) a Touchbook team on Apache CouchDB 3.x, or pouchdb-server, as its admin:
 * one database per manager with its `_security` and `validate_doc_update`, the team index the
 * lead's page reads, and, with --users, the CouchDB users with new random passwords (printed
 * once, to hand out). Run it again with the whole team to add a manager.
 *
 *   COUCH_ADMIN_PASSWORD=… node scripts/couch-team-setup.mjs --server https://couch.example.com \
 *     --admin admin --manager anna="Anna K." --manager bob="Bob M." --lead lead [--users]
 *
 *   node scripts/couch-team-setup.mjs --write-docs docs/couchdb   # the JSON documents, for curl
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { indexDesignDoc, indexSecurity, managerDesignDoc, managerSecurity, setUpTeam, teamIndexDoc } from './lib/couch-team.mjs';

/** The artefacts in docs/couchdb/, for an admin who prefers curl (test/unit/team/access.test.ts keeps them current). */
export function docFiles() {
  return {
    'manager-design.json': managerDesignDoc(),
    'manager-security.example.json': managerSecurity('anna'),
    'index-design.json': indexDesignDoc(),
    'index-security.json': indexSecurity(),
    'team-index.example.json': teamIndexDoc([
      { id: 'anna', name: 'Anna K.', db: 'touchbook-anna' },
      { id: 'bob', name: 'Bob M.', db: 'touchbook-bob' },
    ]),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      admin: { type: 'string', default: 'admin' },
      index: { type: 'string', default: 'touchbook-team' },
      manager: { type: 'string', multiple: true, default: [] },
      lead: { type: 'string', multiple: true, default: [] },
      users: { type: 'boolean', default: false },
      'write-docs': { type: 'string' },
    },
  });
  if (values['write-docs']) {
    mkdirSync(values['write-docs'], { recursive: true });
    for (const [name, doc] of Object.entries(docFiles())) writeFileSync(path.join(values['write-docs'], name), `${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  const password = process.env.COUCH_ADMIN_PASSWORD;
  if (!values.server || !password || values.manager.length === 0) {
    console.error('usage: COUCH_ADMIN_PASSWORD=… couch-team-setup.mjs --server URL [--admin NAME] --manager ID[=Name]… [--lead ID]… [--users]');
    process.exit(2);
  }
  const newPassword = () => randomBytes(12).toString('base64url');
  const managers = values.manager.map((spec) => {
    const [id = '', name = ''] = spec.split(/=(.*)/s);
    return { id, name, ...(values.users ? { password: newPassword() } : {}) };
  });
  const leads = values.lead.map((id) => ({ id, ...(values.users ? { password: newPassword() } : {}) }));
  const { indexUrl, managerUrls } = await setUpTeam({ server: values.server, admin: { name: values.admin, password }, indexDb: values.index, managers, leads });
  for (const manager of managers) console.log(`manager ${manager.id}: URL ${managerUrls[manager.id]}${manager.password ? `  password ${manager.password}` : ''}`);
  for (const lead of leads) console.log(`lead ${lead.id}: URL ${indexUrl}${lead.password ? `  password ${lead.password}` : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
