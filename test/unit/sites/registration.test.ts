import { describe, expect, it } from 'vitest';
import { CRM_SCRIPT_FILE, CRM_SCRIPT_ID, syncCrmScript } from '../../../lib/sites/registration';
import { makeScripting } from '../factories';

const A = 'https://a.example';
const B = 'https://b.example';
const writes = (scripting: ReturnType<typeof makeScripting>) =>
  scripting.methods().filter((method) => method !== 'getRegisteredContentScripts');

describe('syncCrmScript', () => {
  it('registers the script when it is missing', async () => {
    const scripting = makeScripting();
    await syncCrmScript(scripting as never, [B, A]);
    expect(writes(scripting)).toEqual(['registerContentScripts']);
    expect(scripting.registered.get(CRM_SCRIPT_ID)).toEqual({
      id: CRM_SCRIPT_ID,
      js: [CRM_SCRIPT_FILE],
      matches: [`${A}/*`, `${B}/*`],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  });

  it('updates the matches when they differ', async () => {
    const scripting = makeScripting([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches: [`${A}/*`] }]);
    await syncCrmScript(scripting as never, [A, B]);
    expect(writes(scripting)).toEqual(['updateContentScripts']);
    expect(scripting.registered.get(CRM_SCRIPT_ID)?.matches).toEqual([`${A}/*`, `${B}/*`]);
  });

  it('points a registration kept from an older version at the file the script has now', async () => {
    const scripting = makeScripting([{ id: CRM_SCRIPT_ID, js: ['content-scripts/crm.js'], matches: [`${A}/*`] }]);
    await syncCrmScript(scripting as never, [A]);
    expect(writes(scripting)).toEqual(['updateContentScripts']);
    expect(scripting.registered.get(CRM_SCRIPT_ID)).toMatchObject({ js: [CRM_SCRIPT_FILE], matches: [`${A}/*`] });
  });

  it('does nothing when the registration already matches, whatever the order', async () => {
    const scripting = makeScripting([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches: [`${B}/*`, `${A}/*`] }]);
    await syncCrmScript(scripting as never, [A, B]);
    expect(writes(scripting)).toEqual([]);
  });

  it('registers one pattern for two origins that differ only by port', async () => {
    const scripting = makeScripting();
    await syncCrmScript(scripting as never, [A, `${A}:8443`]);
    expect(scripting.registered.get(CRM_SCRIPT_ID)?.matches).toEqual([`${A}/*`]);
  });

  it('unregisters when no site is left, and does nothing when none was registered', async () => {
    const scripting = makeScripting([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches: [`${A}/*`] }]);
    await syncCrmScript(scripting as never, []);
    expect(writes(scripting)).toEqual(['unregisterContentScripts']);
    expect(scripting.registered.size).toBe(0);

    const empty = makeScripting();
    await syncCrmScript(empty as never, []);
    expect(writes(empty)).toEqual([]);
  });

  it('leaves other scripts alone', async () => {
    const scripting = makeScripting([{ id: 'someone-else', js: ['x.js'], matches: ['https://x.example/*'] }]);
    await syncCrmScript(scripting as never, [A]);
    await syncCrmScript(scripting as never, []);
    expect([...scripting.registered.keys()]).toEqual(['someone-else']);
  });
});
