/**
 * Opens the side panel from a user action. Chrome has `sidePanel`, Firefox `sidebarAction`;
 * both only open in response to a click, so call this from the click handler.
 */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

export function openSidePanel(apis: PanelApis, windowId: number | undefined): Promise<void> {
  if (apis.sidebarAction) return apis.sidebarAction.open();
  if (apis.sidePanel && windowId !== undefined) return apis.sidePanel.open({ windowId });
  return Promise.reject(new Error('this browser has no side panel'));
}
