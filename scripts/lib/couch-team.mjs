/**
 * The access rules of a Touchbook team on CouchDB, as the documents CouchDB stores: the
 * `validate_doc_update` design document and the `_security` objects, and the set-up that puts
 * them on a server (`scripts/couch-team-setup.mjs` for Apache CouchDB, the tests for
 * pouchdb-server). docs/couchdb/*.json are these objects written out for `curl -d @file`; a unit
 * test keeps them equal.
 *
 * The design (docs/team-view.md, "Access rules"): one database per manager, because CouchDB's
 * read rights are per database (a member reads every document in it), so only a database of
 * their own keeps one manager's figures from the others; and one team index database that lists
 * the managers' databases for the lead, written by the admin only.
 */
import { readFileSync } from 'node:fs';

export const MANAGER_ROLE = 'team-manager';
export const LEAD_ROLE = 'team-lead';
export const DESIGN_ID = '_design/touchbook';
export const TEAM_INDEX_ID = 'touchbook-team';

/**
 * The `validate_doc_update` sources, kept as the text CouchDB stores (docs/couchdb/*-validate.js):
 * an anonymous function expression, as CouchDB's documentation writes them. Read as text, not
 * imported, so no tool rewrites what reaches the server; the leading comment is dropped.
 * @param {string} file
 */
function validateSource(file) {
  const text = readFileSync(new URL(`../../docs/couchdb/${file}`, import.meta.url), 'utf8');
  return text.replace(/^(\/\/.*\n)+/, '').trim();
}

/** `_design/touchbook` of every manager database. */
export function managerDesignDoc() {
  return { _id: DESIGN_ID, language: 'javascript', validate_doc_update: validateSource('manager-validate.js') };
}

/** `_design/touchbook` of the team index database. */
export function indexDesignDoc() {
  return { _id: DESIGN_ID, language: 'javascript', validate_doc_update: validateSource('index-validate.js') };
}

/**
 * A manager database's `_security`: the manager (by name) and the team's leads (by role) are its
 * only members, so no other manager reads or writes it; design documents only the admin changes.
 * @param {string} managerId the manager's CouchDB user name
 */
export function managerSecurity(managerId) {
  return { admins: { names: [], roles: [] }, members: { names: [managerId], roles: [LEAD_ROLE] } };
}

/** The team index database's `_security`: the leads read it. */
export function indexSecurity() {
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [LEAD_ROLE] } };
}

/**
 * The team index document: which databases the lead's page reads, one per manager. Database
 * names only, on the index's own server: the lead's password is never sent anywhere else.
 * @param {Array<{ id: string, name?: string, db: string }>} managers
 */
export function teamIndexDoc(managers) {
  return { _id: TEAM_INDEX_ID, type: 'touchbook/team', schema: 1, managers: managers.map(({ id, name = '', db }) => ({ id, name, db })) };
}

/**
 * A manager's database by default: CouchDB allows no "." in database names, so "anna.k" has
 * `touchbook-anna_k`, the same name a policy URL `…/touchbook-{managerId}` resolves to
 * (lib/team/settings.ts).
 * @param {string} managerId
 */
export function defaultDbName(managerId) {
  return `touchbook-${managerId.replace(/\./g, '_')}`;
}

/**
 * Creates or updates a team on a CouchDB server with admin rights: the users (when a password is
 * given), one database per manager with its `_security` and design document, and the team index.
 * Safe to run again (adding a manager is running it with one more).
 * @param {{
 *   server: string,
 *   admin: { name: string, password: string },
 *   indexDb?: string,
 *   managers: Array<{ id: string, name?: string, password?: string, db?: string }>,
 *   leads?: Array<{ id: string, password?: string }>,
 *   fetchImpl?: typeof fetch,
 * }} options
 * @returns {Promise<{ indexUrl: string, managerUrls: Record<string, string> }>}
 */
export async function setUpTeam({ server, admin, indexDb = 'touchbook-team', managers, leads = [], fetchImpl = fetch }) {
  const base = server.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  /** @param {string} method @param {string} path @param {unknown} [body] */
  const call = async (method, path, body) => {
    const response = await fetchImpl(`${base}/${path}`, {
      method,
      headers: { Authorization: auth, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    return { status: response.status, json };
  };
  /** Writes a document over whatever revision is there. @param {string} db @param {{ _id: string }} doc */
  const putDoc = async (db, doc) => {
    const path = `${encodeURIComponent(db)}/${doc._id.startsWith('_design/') ? `_design/${encodeURIComponent(doc._id.slice(8))}` : encodeURIComponent(doc._id)}`;
    const current = await call('GET', path);
    const rev = current.status === 200 ? /** @type {{ _rev?: string }} */ (current.json)._rev : undefined;
    const written = await call('PUT', path, { ...doc, ...(rev ? { _rev: rev } : {}) });
    if (written.status !== 201 && written.status !== 202) throw new Error(`writing ${db}/${doc._id}: HTTP ${written.status} ${JSON.stringify(written.json)}`);
  };
  /** @param {string} db @param {object} security @param {object} design */
  const ensureDb = async (db, security, design) => {
    const created = await call('PUT', encodeURIComponent(db));
    if (created.status !== 201 && created.status !== 202 && created.status !== 412) throw new Error(`creating ${db}: HTTP ${created.status} ${JSON.stringify(created.json)}`);
    const secured = await call('PUT', `${encodeURIComponent(db)}/_security`, security);
    if (secured.status !== 200) throw new Error(`_security of ${db}: HTTP ${secured.status} ${JSON.stringify(secured.json)}`);
    await putDoc(db, design);
  };
  /** @param {string} id @param {string} password @param {string} role */
  const ensureUser = async (id, password, role) => {
    await putDoc('_users', { _id: `org.couchdb.user:${id}`, name: id, password, roles: [role], type: 'user' });
  };

  // The same rules the lead's page checks the index with (lib/team/docs.ts): refuse here, not there.
  for (const manager of managers) {
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(manager.id) || manager.id.length > 64) throw new Error(`manager id "${manager.id}": use lower-case letters, digits, ".", "_" or "-"`);
    const db = manager.db ?? defaultDbName(manager.id);
    if (!/^[a-z][a-z0-9_$()+-]*$/.test(db)) throw new Error(`database name "${db}" is not one CouchDB accepts`);
  }
  /** @type {Record<string, string>} */
  const managerUrls = {};
  for (const manager of managers) {
    const db = manager.db ?? defaultDbName(manager.id);
    if (manager.password) await ensureUser(manager.id, manager.password, MANAGER_ROLE);
    await ensureDb(db, managerSecurity(manager.id), managerDesignDoc());
    managerUrls[manager.id] = `${base}/${encodeURIComponent(db)}`;
  }
  for (const lead of leads) if (lead.password) await ensureUser(lead.id, lead.password, LEAD_ROLE);
  await ensureDb(indexDb, indexSecurity(), indexDesignDoc());
  await putDoc(indexDb, teamIndexDoc(managers.map((manager) => ({ id: manager.id, name: manager.name ?? '', db: manager.db ?? defaultDbName(manager.id) }))));
  return { indexUrl: `${base}/${encodeURIComponent(indexDb)}`, managerUrls };
}
