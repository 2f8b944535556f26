// Atomic CRM as its authors ship it, with its in-browser fake data provider (faker) in place of
// Supabase: a real react-admin + Material UI CRM that Touchbook has no adapter for.
//
// The one addition is for measuring: every record the CRM's data provider hands to its screens
// is also kept in `window.__atomicRecords` (resource -> id -> record), so the measuring script can
// compare what Touchbook read with what the CRM showed. Touchbook never looks at it.
import { createRoot } from 'react-dom/client';
import type { DataProvider } from 'react-admin';
import { CRM } from 'atomic-crm/src/root/CRM';
import { authProvider, dataProvider } from 'atomic-crm/src/providers/fakerest';

type AnyRecord = { id: string | number } & Record<string, unknown>;
const records: Record<string, Record<string, AnyRecord>> = {};
(window as unknown as { __atomicRecords: typeof records }).__atomicRecords = records;

function keep(resource: string, data: unknown): void {
  for (const record of Array.isArray(data) ? data : [data]) {
    if (record && typeof record === 'object' && 'id' in record) (records[resource] ??= {})[String(record.id)] = record as AnyRecord;
  }
}

const observed = new Proxy(dataProvider, {
  get(target, property, receiver) {
    const method = Reflect.get(target, property, receiver) as unknown;
    if (typeof method !== 'function') return method;
    return async (resource: string, ...rest: unknown[]) => {
      const result = (await (method as (...args: unknown[]) => Promise<{ data?: unknown }>).call(target, resource, ...rest)) ?? {};
      if (result.data) keep(resource, result.data);
      return result;
    };
  },
}) as DataProvider;

createRoot(document.getElementById('root')!).render(<CRM dataProvider={observed} authProvider={authProvider} />);
