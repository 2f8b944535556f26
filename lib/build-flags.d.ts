/** True in the demo build (npm start, end-to-end tests): see wxt.config.ts. */
declare const __TOUCHBOOK_DEMO_BUILD__: boolean;
