/** The web origin of a page, or null for pages Touchbook cannot run on (browser pages, files...). */
export function webOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * Turns what a user typed ("crm.example.com", "https://crm.example.com/app/#/x") into an origin.
 * A bare host gets https://.
 */
export function normaliseOriginInput(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  // "mailto:anna@crm.example.com" names a non-web scheme without "//"; prefixed with https:// it
  // would parse as credentials and become https://crm.example.com. ("localhost:3000" is a port.)
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) return null;
  const withScheme = hasScheme ? trimmed : `https://${trimmed}`;
  return webOrigin(withScheme);
}

/**
 * The host-permission and content-script match pattern for an origin. Match patterns cannot name
 * a port in Firefox, so the pattern covers the host on every port of that scheme.
 */
export function matchPatternFor(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The address when it is a web page (http or https), else null: nothing else may be opened. */
export function webUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  return webOrigin(url) === null ? null : url;
}
