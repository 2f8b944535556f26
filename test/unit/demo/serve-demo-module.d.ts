// Types for scripts/serve-demo.mjs (plain JS so Node runs it without a build; the tsconfig has no
// allowJs). Keep in sync with the JSDoc of startDemoServer there.
declare module '*/scripts/serve-demo.mjs' {
  export interface DemoServerOptions {
    host?: string;
    port?: number;
    root?: string;
    /** URL prefix -> absolute directory, e.g. { '/fixtures/': '/abs/test/fixtures' }. */
    extraRoutes?: Record<string, string>;
  }
  export interface DemoServer {
    /** e.g. http://127.0.0.1:4599 (no trailing slash) */
    url: string;
    port: number;
    close: () => Promise<void>;
  }
  export function startDemoServer(options?: DemoServerOptions): Promise<DemoServer>;
}
