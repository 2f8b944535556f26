import { describe, expect, it, vi } from 'vitest';
import { DueList } from '../../../components/DueList';
import type { DueList as DueListData, DueTouchView } from '../../../lib/background/lifecycle-service';
import type { TouchRecord } from '../../../lib/db/schema';
import { createDueModel, type DueModelDeps } from '../../../lib/popup/due-model';
import { t, tick } from '../factories';
import { at, KYIV, makeTouch } from '../lifecycle/factories';
import { buttonByText, byTestId, mount, submit, typeInto } from './render';

const NOW = at('2026-03-10 12:00', KYIV);
const HOUR = 3_600_000;

function item(touch: Partial<TouchRecord>, client: Partial<DueTouchView['client']> = {}): DueTouchView {
  return {
    touch: makeTouch({ id: `touch-${touch.dueAt}`, ...touch }),
    client: { id: 'client-1', name: 'Anna Petrova', company: 'Acme Ltd', url: 'https://crm.example.com/contacts/42', ...client },
  };
}

const overdue = item({ dueAt: at('2026-03-09 16:00', KYIV), goal: 'Check the client is happy', channel: 'call', role: 'Sales manager' });
const today = item(
  { dueAt: at('2026-03-10 09:30', KYIV), goal: 'Send the offer', channel: 'email', role: 'Account manager' },
  { id: 'client-2', name: 'Boris Ivanov', company: null, url: null },
);

async function renderDue(items: DueTouchView[], overrides: Partial<DueModelDeps> = {}, roles: Partial<DueListData> = {}) {
  const list: DueListData = { now: NOW, timeZone: KYIV, items, ownRoleIds: ['sales-manager'], handedOverTouchIds: [], ...roles };
  const deps = {
    list: vi.fn<DueModelDeps['list']>(() => Promise.resolve(list)),
    done: vi.fn<DueModelDeps['done']>(() => Promise.resolve(null)),
    snooze: vi.fn<DueModelDeps['snooze']>(() => Promise.resolve(null)),
    handOver: vi.fn<DueModelDeps['handOver']>(() => Promise.resolve(null)),
    ...overrides,
  };
  const model = createDueModel(deps);
  await model.load();
  const onOpenClient = vi.fn();
  const container = mount(<DueList model={model} t={t} locale="en" onOpenClient={onOpenClient} />);
  const rows = () => [...container.querySelectorAll<HTMLElement>('[data-testid="due-touch"]')];
  return { container, model, deps, onOpenClient, rows };
}

describe('DueList', () => {
  it('renders nothing until the list is loaded', () => {
    const model = createDueModel({ list: () => new Promise(() => undefined), done: vi.fn(), snooze: vi.fn(), handOver: vi.fn() });
    const container = mount(<DueList model={model} t={t} locale="en" onOpenClient={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });

  it('groups overdue touches above today’s, each with who, why, how and when', async () => {
    const { container } = await renderDue([overdue, today]);
    const overdueGroup = byTestId(container, 'due-overdue');
    const todayGroup = byTestId(container, 'due-today');
    expect(overdueGroup.querySelector('h3')!.textContent).toBe('Overdue');
    expect(overdueGroup.querySelector('h3')!.className).toBe('tb-overdue');
    expect(todayGroup.querySelector('h3')!.textContent).toBe('Today');
    expect(overdueGroup.compareDocumentPosition(todayGroup) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const when = new Intl.DateTimeFormat('en', { timeZone: KYIV, dateStyle: 'short', timeStyle: 'short' }).format(overdue.touch.dueAt);
    const first = overdueGroup.querySelector('[data-testid="due-touch"]')!;
    expect(first.querySelector('[data-testid="due-client"]')!.textContent).toBe('Anna Petrova');
    expect(first.textContent).toContain(' · Acme Ltd');
    expect(first.querySelector('[data-testid="due-goal"]')!.textContent).toBe('Check the client is happy');
    expect(first.textContent).toContain(`Call · Sales manager · due ${when}`);

    const second = todayGroup.querySelector('[data-testid="due-touch"]')!;
    expect(second.textContent).toContain('Email · Account manager');
    expect(second.textContent).not.toContain(' · null');
  });

  it('says when nothing is due', async () => {
    const { container } = await renderDue([]);
    expect(byTestId(container, 'empty-state').textContent).toContain('Nothing is due.');
    expect(container.querySelector('[data-testid="due-overdue"], [data-testid="due-today"]')).toBeNull();
  });

  it('marks a touch done as reached', async () => {
    const { rows, deps } = await renderDue([overdue, today]);
    rows()[1]!.querySelector<HTMLButtonElement>('[data-testid="due-done"]')!.click();
    await vi.waitFor(() => expect(deps.done).toHaveBeenCalledWith(today.touch.id, 'reached'));
    expect(deps.list).toHaveBeenCalledTimes(2);
  });

  it('snoozes for an hour or until tomorrow by the list’s clock', async () => {
    const { rows, deps } = await renderDue([overdue]);
    buttonByText(rows()[0]!, '1 hour').click();
    await vi.waitFor(() => expect(deps.snooze).toHaveBeenLastCalledWith(overdue.touch.id, NOW + HOUR));
    buttonByText(rows()[0]!, 'Tomorrow').click();
    await vi.waitFor(() => expect(deps.snooze).toHaveBeenLastCalledWith(overdue.touch.id, at('2026-03-11 12:00', KYIV)));
  });

  it('snoozes until a picked time', async () => {
    const { rows, deps } = await renderDue([overdue]);
    const pick = buttonByText(rows()[0]!, 'Pick a time');
    pick.click();
    await tick();
    expect(pick.getAttribute('aria-expanded')).toBe('true');
    const form = rows()[0]!.querySelector('form')!;
    typeInto(form.querySelector('input[name="until"]')!, '2026-03-12T08:15');
    submit(form);
    await vi.waitFor(() => expect(deps.snooze).toHaveBeenCalledWith(overdue.touch.id, new Date('2026-03-12T08:15').getTime()));
    await tick();
    expect(rows()[0]!.querySelector('form')).toBeNull();
  });

  it('opens the client only where the CRM address is known', async () => {
    const { rows, onOpenClient } = await renderDue([overdue, today]);
    buttonByText(rows()[0]!, 'Open client').click();
    expect(onOpenClient).toHaveBeenCalledWith(overdue);
    expect([...rows()[1]!.querySelectorAll('button')].map((button) => button.textContent)).not.toContain('Open client');
  });

  it('shows a failed action as an alert, as text', async () => {
    const { container, rows } = await renderDue([overdue], { done: () => Promise.reject(new Error('<b>touch</b> not found')) });
    rows()[0]!.querySelector<HTMLButtonElement>('[data-testid="due-done"]')!.click();
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')?.textContent).toBe('Something went wrong: <b>touch</b> not found'));
    expect(container.querySelector('[role="alert"] b')).toBeNull();
  });

  it('shows the farm group next to the client, in group order, as text', async () => {
    const farm = (id: string, name: string, group: { id: string; name: string; rank: number } | null): DueTouchView => ({
      ...item({ id, dueAt: at('2026-03-10 09:00', KYIV), programmeId: 'agricultural-season' }, { id: `client-${id}`, name }),
      callList: { segmentId: 'farm-group', segmentName: 'Farm group <b>by fleet</b>', group },
    });
    const { rows } = await renderDue([
      farm('c', 'Small farm', { id: 'C', name: 'Up to 2 machines', rank: 2 }),
      farm('none', 'Farm with no count', null),
      farm('a', 'Large farm', { id: 'A', name: '10 machines or more', rank: 0 }),
      today,
    ]);
    expect(rows().map((row) => row.querySelector('[data-testid="due-client"]')!.textContent)).toEqual(['Large farm', 'Small farm', 'Farm with no count', 'Boris Ivanov']);
    const group = rows()[0]!.querySelector<HTMLElement>('[data-testid="due-group"]')!;
    expect(group.textContent).toBe('A');
    expect(group.title).toBe('Farm group <b>by fleet</b>: 10 machines or more');
    expect(rows()[0]!.querySelector('b')).toBeNull();
    expect(rows()[1]!.querySelector('[data-testid="due-group"]')!.textContent).toBe('C');
    expect(rows()[2]!.querySelector('[data-testid="due-group"]')).toBeNull();
    expect(rows()[3]!.querySelector('[data-testid="due-group"]')).toBeNull();
  });

  describe('other roles', () => {
    const service = {
      ...item(
        { id: 'svc', dueAt: at('2026-03-10 08:00', KYIV), goal: 'Book the <i>service</i>', channel: 'call', role: 'Service advisor', roleId: 'service-advisor' },
        { id: 'client-3', name: 'Chloé Martin', company: 'Martin SARL', url: 'https://crm.example.com/contacts/7' },
      ),
      handOverScript: 'Chloé, your car is due for its service.',
    };

    it("lists the manager's own touches first and each other role's under its name, with a hand-over and no done button", async () => {
      const { container } = await renderDue([service, overdue, today]);
      const role = byTestId(container, 'due-role');
      expect(role.getAttribute('data-role-id')).toBe('service-advisor');
      expect(role.querySelector('h3')!.textContent).toBe('For another role: Service advisor');
      expect(byTestId(container, 'due-overdue').compareDocumentPosition(role) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(byTestId(container, 'due-today').compareDocumentPosition(role) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(role.querySelector('[data-testid="due-goal"]')!.textContent).toBe('Book the <i>service</i>');
      expect(role.querySelector('i')).toBeNull();
      expect(role.querySelector('[data-testid="due-done"]')).toBeNull();
      expect(role.querySelector('[data-testid="due-hand-over"]')!.textContent).toBe('Copy as a task');
    });

    it('copies the task text to the clipboard, shows it, and hands the touch over', async () => {
      const writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
      vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
      try {
        const { container, deps } = await renderDue([service, overdue]);
        byTestId(container, 'due-hand-over').click();
        await vi.waitFor(() => expect(deps.handOver).toHaveBeenCalledWith('svc', true));
        const copied = writeText.mock.calls[0]![0];
        expect(copied.split('\n')).toEqual([
          'Book the <i>service</i>',
          'Client: Chloé Martin (Martin SARL)',
          `Due: ${new Intl.DateTimeFormat('en', { timeZone: KYIV, dateStyle: 'short', timeStyle: 'short' }).format(service.touch.dueAt)}`,
          'Performed by: Service advisor',
          'Channel: Call',
          'Script: Chloé, your car is due for its service.',
          'Card: https://crm.example.com/contacts/7',
        ]);
        await vi.waitFor(() => expect(byTestId(container, 'hand-over-notice').textContent).toContain('Copied.'));
        expect((byTestId(container, 'hand-over-text') as HTMLTextAreaElement).value).toBe(copied);
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it('when the clipboard refuses, says so and leaves the text to copy by hand', async () => {
      vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('Document is not focused')) } });
      try {
        const { container, deps } = await renderDue([service]);
        byTestId(container, 'due-hand-over').click();
        await vi.waitFor(() => expect(byTestId(container, 'hand-over-notice').textContent).toContain('Could not copy'));
        expect((byTestId(container, 'hand-over-text') as HTMLTextAreaElement).value).toContain('Chloé Martin');
        expect(deps.handOver).toHaveBeenCalledWith('svc', true);
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it('lists handed-over touches apart, to take back', async () => {
      const { container, deps } = await renderDue([service, overdue], {}, { handedOverTouchIds: ['svc'] });
      expect(container.querySelector('[data-testid="due-role"]')).toBeNull();
      const handed = byTestId(container, 'due-handed-over');
      expect(handed.querySelector('h3')!.textContent).toBe('Handed over');
      expect(handed.querySelector('[data-testid="due-client"]')!.textContent).toBe('Chloé Martin');
      byTestId(handed, 'due-take-back').click();
      await vi.waitFor(() => expect(deps.handOver).toHaveBeenCalledWith('svc', false));
    });

    it("says nothing of the manager's own is due when only other roles' touches are", async () => {
      const { container } = await renderDue([service]);
      expect(byTestId(container, 'due-none-own').textContent).toBe('Nothing of yours is due.');
      expect(container.querySelector('[data-testid="empty-state"]')).toBeNull();
      const mine = await renderDue([service, overdue]);
      expect(mine.container.querySelector('[data-testid="due-none-own"]')).toBeNull();
    });

    it("a manager in the service advisor's role has the service touch as their own", async () => {
      const { container } = await renderDue([service], {}, { ownRoleIds: ['sales-manager', 'service-advisor'] });
      expect(container.querySelector('[data-testid="due-role"]')).toBeNull();
      expect(byTestId(container, 'due-today').querySelector('[data-testid="due-done"]')).not.toBeNull();
    });
  });
});
