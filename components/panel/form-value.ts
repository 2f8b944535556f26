/** A form field's text, trimmed; '' for a missing field or a file. */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A `datetime-local` or `date` field as epoch ms (local time), or NaN. */
export function formTime(data: FormData, name: string, timeOfDay = ''): number {
  const value = formText(data, name);
  return value ? new Date(`${value}${timeOfDay}`).getTime() : Number.NaN;
}
