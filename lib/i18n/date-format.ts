/**
 * `Intl.DateTimeFormat`s, built once per locale and options and then shared. Building one costs
 * from tens of microseconds to a millisecond (the engine loads the locale's patterns and the
 * zone's rules), and the side panel formats every planned touch on each render: built afresh,
 * they took ~8 ms of every CRM record change (issue 17). Like the constructor, an unknown
 * locale or zone throws (and nothing is kept).
 */
const kept = new Map<string, Intl.DateTimeFormat>();

/** More distinct formats than any page shows: past it the cache starts over rather than grows. */
const MAX_KEPT = 200;

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
  let format = kept.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (kept.size >= MAX_KEPT) kept.clear();
    kept.set(key, format);
  }
  return format;
}
