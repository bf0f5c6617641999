/** `type:COUNTRY:VALUE` with the value reduced to upper-case letters and digits. */
export function normaliseIdentifier(identifier: { type: string; value: string; country?: string }): string | null {
  const value = identifier.value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (value.length < 3) return null;
  return `${identifier.type.toLowerCase()}:${(identifier.country ?? '').toUpperCase()}:${value}`;
}
