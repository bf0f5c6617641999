/**
 * Turns flat rows (CSV columns) into canonical source records (DESIGN §5).
 *
 * Without a mapping file the CSV headers must be canonical field paths (`sourceId`,
 * `name.given`, `emails`, `addresses.line1`, `addresses.1.postcode`, `attributes.segment`, …).
 * A mapping file maps any other export's columns to those paths, so a CRM export loads
 * without code.
 */

/** How one column becomes a field. */
export interface ColumnTarget {
  /** Canonical field path. */
  field: string;
  /** Date layout of this column, with DD, MM and YYYY (for instance `DD/MM/YYYY`); output is ISO. */
  dateFormat?: string;
  /** For list fields (`emails`, `phones`): the separator between values in one cell (default `;`). */
  split?: string;
  /** For `identifiers`: the kind of identifier the column holds (national_id, passport, …). */
  identifierType?: string;
  /** For `identifiers`: the issuing country. */
  country?: string;
  /** For `relationships`: the relationship type (SPOUSE, OWNS, …); the cell is the target's sourceId. */
  relationshipType?: string;
  /** For `relationships`: the target's system (default: the system being imported). */
  targetSystem?: string;
}

/** A mapping file: `{ "columns": { "Column name": "field.path" | ColumnTarget }, "constants": {…}, "ignore": [...] }`. */
export interface MappingFile {
  /** Record type when no column gives it: person (default) or organization. */
  type?: 'person' | 'organization';
  columns: Record<string, string | ColumnTarget>;
  /** Values every record gets, by canonical path (for instance `addresses.0.country: "GB"`). */
  constants?: Record<string, string | number | boolean>;
  /** Columns deliberately left out, so they are not reported as unmapped. */
  ignore?: string[];
}

export class MappingError extends Error {}

type Row = Record<string, string>;

/** Builds records from rows; knows which column produced which field, for reject reasons. */
export interface RowMapper {
  toRecord(row: Row, system: string): Record<string, unknown>;
  /** The column behind a canonical field path of the record, if any (`addresses.0.postcode` → `Postcode`). */
  columnOf(field: string): string | undefined;
  /** Columns of the file that no field takes. */
  unmapped: string[];
}

const SCALAR_PATHS = new Set([
  'sourceId', 'type', 'birthDate', 'gender', 'observedAt',
  'name.full', 'name.given', 'name.middle', 'name.family',
  'organization.name', 'organization.registrationNumber', 'organization.country',
  'referredBy.system', 'referredBy.sourceId',
]);
const LIST_FIELDS = new Set(['emails', 'phones']);
const ADDRESS_PARTS = new Set(['line1', 'line2', 'locality', 'region', 'postcode', 'country']);
const IDENTIFIER_PARTS = new Set(['type', 'value', 'country']);
const RELATIONSHIP_PARTS = new Set(['type', 'target.system', 'target.sourceId', 'ownershipPct', 'since']);
const NUMERIC_PATHS = /^relationships\.\d+\.ownershipPct$/;

/**
 * Canonical form of a path: list items get an explicit position (`addresses.line1` →
 * `addresses.0.line1`, `emails.1` stays). Throws MappingError for a path that is not a field.
 */
export function canonicalPath(path: string): string {
  const trimmed = path.trim();
  if (SCALAR_PATHS.has(trimmed) || LIST_FIELDS.has(trimmed) || trimmed === 'identifiers' || trimmed === 'relationships') return trimmed;
  if (/^attributes\.[A-Za-z0-9_.-]{1,64}$/.test(trimmed)) return trimmed;
  const list = /^(emails|phones)\.(\d{1,2})$/.exec(trimmed);
  if (list) return trimmed;
  const nested = /^(addresses|identifiers|relationships)(?:\.(\d{1,2}))?\.(.+)$/.exec(trimmed);
  if (nested) {
    const [, collection, position = '0', part] = nested;
    const parts = collection === 'addresses' ? ADDRESS_PARTS : collection === 'identifiers' ? IDENTIFIER_PARTS : RELATIONSHIP_PARTS;
    if (parts.has(part)) return `${collection}.${position}.${part}`;
  }
  throw new MappingError(`"${path}" is not a canonical field path (for instance sourceId, name.given, birthDate, emails, phones, addresses.line1, identifiers.value, attributes.segment)`);
}

/** Builds a row mapper for a file's header, from canonical headers or from a mapping file. */
export function createRowMapper(header: string[], mapping?: MappingFile): RowMapper {
  const targets = new Map<string, ColumnTarget>();
  const unmapped: string[] = [];
  const problems: string[] = [];
  if (mapping) {
    for (const [column, target] of Object.entries(mapping.columns)) {
      if (!header.includes(column)) problems.push(`the mapping names column "${column}", which the file does not have`);
      const spec = typeof target === 'string' ? { field: target } : target;
      try {
        targets.set(column, { ...spec, field: canonicalPath(spec.field) });
      } catch (error) {
        problems.push(`column "${column}": ${(error as Error).message}`);
      }
      if (spec.field === 'identifiers' && !spec.identifierType) problems.push(`column "${column}": an identifiers column needs "identifierType"`);
      if (spec.field === 'relationships' && !spec.relationshipType) problems.push(`column "${column}": a relationships column needs "relationshipType"`);
    }
    const ignored = new Set(mapping.ignore ?? []);
    for (const column of header) if (!targets.has(column) && !ignored.has(column)) unmapped.push(column);
    for (const path of Object.keys(mapping.constants ?? {})) {
      try {
        canonicalPath(path);
      } catch (error) {
        problems.push(`constant: ${(error as Error).message}`);
      }
    }
  } else {
    for (const column of header) {
      try {
        targets.set(column, { field: canonicalPath(column) });
      } catch (error) {
        problems.push(`column "${column}": ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) problems.push('give a mapping file (--mapping) to map other column names');
  }
  if (problems.length > 0) throw new MappingError(problems.join('\n'));
  if (![...targets.values()].some((target) => target.field === 'sourceId')) {
    throw new MappingError('no column gives sourceId: every record needs its id in the source system');
  }

  // Field path → column, for reject reasons; a whole-list column answers for its collection.
  const fieldToColumn = new Map<string, string>();
  for (const [column, target] of targets) if (!fieldToColumn.has(target.field)) fieldToColumn.set(target.field, column);

  return {
    unmapped,
    columnOf(field: string) {
      const parts = field.split('.');
      for (let length = parts.length; length > 0; length--) {
        const column = fieldToColumn.get(parts.slice(0, length).join('.'));
        if (column) return column;
      }
      return undefined;
    },
    toRecord(row: Row, system: string) {
      const record: Record<string, unknown> = {};
      if (mapping?.type) record.type = mapping.type;
      for (const [path, value] of Object.entries(mapping?.constants ?? {})) setPath(record, canonicalPath(path), value);
      for (const [column, target] of targets) {
        const raw = row[column];
        if (raw === undefined || raw.trim() === '') continue;
        applyCell(record, target, raw.trim(), system);
      }
      return compactLists(record);
    },
  };
}

function applyCell(record: Record<string, unknown>, target: ColumnTarget, cell: string, system: string): void {
  const { field } = target;
  if (LIST_FIELDS.has(field)) {
    const values = cell.split(target.split ?? ';').map((value) => value.trim()).filter(Boolean);
    const list = (record[field] as unknown[] | undefined) ?? [];
    record[field] = [...list, ...values];
    return;
  }
  if (field === 'identifiers') {
    const list = (record.identifiers as unknown[] | undefined) ?? [];
    record.identifiers = [...list, { type: target.identifierType, value: cell, ...(target.country ? { country: target.country } : {}) }];
    return;
  }
  if (field === 'relationships') {
    const list = (record.relationships as unknown[] | undefined) ?? [];
    const targets = cell.split(target.split ?? ';').map((value) => value.trim()).filter(Boolean);
    record.relationships = [...list, ...targets.map((sourceId) => ({ type: target.relationshipType, target: { system: target.targetSystem ?? system, sourceId } }))];
    return;
  }
  let value: unknown = cell;
  if (target.dateFormat) value = reformatDate(cell, target.dateFormat);
  else if (NUMERIC_PATHS.test(field) && /^-?\d+(\.\d+)?$/.test(cell)) value = Number(cell);
  setPath(record, field, value);
}

/**
 * Rewrites a date from a layout such as `DD/MM/YYYY` or `MM-DD-YYYY` to ISO (`YYYY-MM-DD`).
 * A cell that does not fit the layout is passed on unchanged, so validation names it.
 */
export function reformatDate(cell: string, layout: string): string {
  const tokens: string[] = [];
  const pattern = layout.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/YYYY|MM|DD/g, (token) => {
    tokens.push(token);
    return token === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
  });
  const match = new RegExp(`^${pattern}$`).exec(cell);
  if (!match) return cell;
  const parts: Record<string, string> = {};
  tokens.forEach((token, position) => (parts[token] = match[position + 1].padStart(token === 'YYYY' ? 4 : 2, '0')));
  return [parts.YYYY, parts.MM, parts.DD].filter(Boolean).join('-');
}

function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = record;
  keys.forEach((key, position) => {
    if (position === keys.length - 1) {
      node[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(keys[position + 1]);
    if (node[key] === undefined) node[key] = nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

/** Positions left empty by blank cells (`addresses.1.*` with no `addresses.0`) are closed up. */
function compactLists(record: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['emails', 'phones', 'addresses', 'identifiers', 'relationships']) {
    const list = record[key];
    if (Array.isArray(list)) record[key] = list.filter((item) => item !== undefined && item !== null);
  }
  return record;
}
