/** The keyboard command (Chrome) that opens the side panel; Firefox uses _execute_sidebar_action. */
export const OPEN_PANEL_COMMAND = 'open-side-panel';
