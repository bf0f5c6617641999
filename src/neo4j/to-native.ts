import { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isNode, isPath, isRelationship, isTime } from 'neo4j-driver';

/**
 * Converts driver values to plain JSON-safe values at the repository boundary:
 * Integer → number (string when beyond 2^53), temporals → ISO strings, nodes → their properties.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans first: they are most of what a large read returns.
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toNative);
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isDateTime(value) || isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return dateTimeToIso(value);
  }
  if (isNode(value) || isRelationship(value)) return toNative(value.properties);
  if (isPath(value)) return value.segments.map((segment) => toNative(segment.relationship));
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) result[key] = toNative((value as Record<string, unknown>)[key]);
  return result;
}

function dateTimeToIso(value: { toString(): string }): string {
  if (isDateTime(value) && !value.timeZoneId && Number(value.timeZoneOffsetSeconds ?? 0) === 0) {
    // A UTC datetime becomes a JavaScript-style ISO string (…Z) so clients parse it directly.
    return new Date(value.toString()).toISOString();
  }
  return value.toString();
}
