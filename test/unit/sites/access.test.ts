import { describe, expect, it } from 'vitest';
import { requestSiteAccess } from '../../../lib/sites/access';
import { CRM_ORIGIN, deferred } from '../factories';

/** A permissions fake whose `request` records whether `contains` had already been awaited. */
function makeGesturePermissions(options: { granted: boolean; requestResult: Promise<boolean> }) {
  const log: string[] = [];
  let containsSettled = false;
  return {
    log,
    requestedAfterAwait: () => log.includes('request after contains settled'),
    api: {
      request: (request: { origins?: string[] }) => {
        log.push(containsSettled ? 'request after contains settled' : `request ${request.origins?.join(',')}`);
        return options.requestResult;
      },
      contains: (request: { origins?: string[] }) => {
        log.push(`contains ${request.origins?.join(',')}`);
        return Promise.resolve(options.granted).then((granted) => {
          containsSettled = true;
          return granted;
        });
      },
    },
  };
}

describe('requestSiteAccess', () => {
  it('asks for exactly the one origin pattern, synchronously, before awaiting anything', async () => {
    const permissions = makeGesturePermissions({ granted: false, requestResult: Promise.resolve(true) });
    const pending = requestSiteAccess(permissions.api, CRM_ORIGIN);
    // Still inside the click handler's turn: the request must already have been made.
    expect(permissions.log[0]).toBe(`request ${CRM_ORIGIN}/*`);
    await expect(pending).resolves.toBe(true);
    expect(permissions.requestedAfterAwait()).toBe(false);
  });

  it('returns true for an already granted site even when the prompt never settles', async () => {
    const never = new Promise<boolean>(() => undefined);
    const permissions = makeGesturePermissions({ granted: true, requestResult: never });
    await expect(requestSiteAccess(permissions.api, CRM_ORIGIN)).resolves.toBe(true);
  });

  it("returns the prompt's answer when access was not granted before", async () => {
    const answer = deferred<boolean>();
    const permissions = makeGesturePermissions({ granted: false, requestResult: answer.promise });
    const pending = requestSiteAccess(permissions.api, CRM_ORIGIN);
    answer.resolve(false);
    await expect(pending).resolves.toBe(false);
  });

  it('treats a failed request (no user gesture, bad pattern) as denied', async () => {
    const permissions = makeGesturePermissions({
      granted: false,
      requestResult: Promise.reject(new Error('permissions.request may only be called from a user input handler')),
    });
    await expect(requestSiteAccess(permissions.api, CRM_ORIGIN)).resolves.toBe(false);
  });

  it('uses the port-less pattern for an origin with a port', async () => {
    const permissions = makeGesturePermissions({ granted: false, requestResult: Promise.resolve(true) });
    await requestSiteAccess(permissions.api, 'https://crm.example.com:8443');
    expect(permissions.log).toContain('request https://crm.example.com/*');
  });
});
