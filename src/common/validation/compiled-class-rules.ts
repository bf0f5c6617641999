import { ClassConstructor, TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// class-transformer ships its metadata store's code (cjs/) apart from its types (types/), so it is
// required by path and typed by hand.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformMetadataStorage };

/**
 * A DTO's class-validator rules read once into a plain predicate, for the ingest hot path: at
 * bulk rates plainToInstance + validateSync cost ~0.15 ms of API CPU a record (bench:ingest,
 * ~12 % of the records/s). The predicate only ever says "valid" when every rule class-validator
 * would run passes; anything it is unsure of (a value of an unexpected shape, a rule kind it does
 * not handle) answers "not sure", and the caller validates with class-validator itself, which
 * also writes the error messages. So the decorators stay the one statement of the rules.
 */
type Check = (object: Record<string, unknown>) => boolean;

interface PropertyRules {
  name: string;
  /** IsOptional and the like: the property's rules run only when these hold. */
  conditions: Array<(object: object, value: unknown) => boolean>;
  rules: Array<{ each: boolean; validate: (value: unknown, args: ValidationArguments) => unknown; args: ValidationArguments }>;
  /** ValidateNested: the class the value (or, with `each`, every element) must satisfy. */
  nested?: { each: boolean; check: Check };
}

const compiled = new WeakMap<ClassConstructor<object>, Check | null>();

/**
 * Whether `value` certainly passes `dto`'s rules as `validateSync(plainToInstance(dto, value),
 * { whitelist: true, forbidNonWhitelisted: true })` checks them. false means "not certain":
 * validate it the slow way.
 */
export function certainlyValid(dto: ClassConstructor<object>, value: unknown): boolean {
  const check = checkOf(dto);
  return check !== null && isPlainObject(value) && check(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function checkOf(dto: ClassConstructor<object>, compiling = new Set<ClassConstructor<object>>()): Check | null {
  if (compiled.has(dto)) return compiled.get(dto)!;
  // A class that nests itself is left to class-validator rather than followed round.
  if (compiling.has(dto)) return null;
  compiling.add(dto);
  const check = compile(dto, compiling);
  compiling.delete(dto);
  compiled.set(dto, check);
  return check;
}

/** null when the class uses anything this reading does not mirror exactly. */
function compile(dto: ClassConstructor<object>, compiling: Set<ClassConstructor<object>>): Check | null {
  const storage = getMetadataStorage();
  const metadatas: ValidationMetadata[] = storage.getTargetValidationMetadatas(dto, undefined as unknown as string, false, false, undefined);
  // No rules at all is an "unknown value" to class-validator; groups and `always` select rules by options.
  if (metadatas.length === 0) return null;
  if (defaultMetadataStorage.getExposedMetadatas(dto).length > 0 || defaultMetadataStorage.getExcludedMetadatas(dto).length > 0) return null;
  const grouped = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas) {
    if (metadata.groups?.length || metadata.always !== undefined || (metadata as { validateIf?: unknown }).validateIf) return null;
    grouped.set(metadata.propertyName, [...(grouped.get(metadata.propertyName) ?? []), metadata]);
  }
  const properties: PropertyRules[] = [];
  for (const [name, list] of grouped) {
    if (defaultMetadataStorage.findTransformMetadatas(dto, name, TransformationType.PLAIN_TO_CLASS).length > 0) return null;
    const property: PropertyRules = { name, conditions: [], rules: [] };
    for (const metadata of list) {
      if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
        property.conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
      } else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) {
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
          if (constraint.async) return null;
          const instance = constraint.instance as { validate: (value: unknown, args: ValidationArguments) => unknown };
          property.rules.push({
            each: metadata.each === true,
            validate: instance.validate.bind(instance),
            args: { targetName: dto.name, property: name, constraints: metadata.constraints, value: undefined, object: {} },
          });
        }
      } else if (metadata.type === ValidationTypes.NESTED_VALIDATION) {
        const type = defaultMetadataStorage.findTypeMetadata(dto, name);
        if (property.nested || !type || type.options?.discriminator) return null;
        const nestedClass = type.typeFunction() as ClassConstructor<object> | undefined;
        const check = typeof nestedClass === 'function' ? checkOf(nestedClass, compiling) : null;
        if (check === null) return null;
        property.nested = { each: metadata.each === true, check };
      } else {
        return null; // IsDefined, Allow, promise validation: left to class-validator
      }
    }
    properties.push(property);
  }
  const known = new Set(properties.map((property) => property.name));
  // Plain loops and one arguments object per rule, filled in place: this runs for every field of
  // every record of a bulk load.
  return (object) => {
    // forbidNonWhitelisted: every key must be a property with rules.
    const keys = Object.keys(object);
    for (let k = 0; k < keys.length; k++) if (!known.has(keys[k])) return false;
    for (let p = 0; p < properties.length; p++) {
      const property = properties[p];
      const value = object[property.name];
      let applies = true;
      for (let c = 0; c < property.conditions.length && applies; c++) applies = property.conditions[c](object, value);
      if (!applies) continue;
      for (let r = 0; r < property.rules.length; r++) {
        const rule = property.rules[r];
        rule.args.value = value;
        rule.args.object = object;
        if (rule.each && Array.isArray(value)) {
          for (let e = 0; e < value.length; e++) if (rule.validate(value[e], rule.args) !== true) return false;
        } else if (rule.validate(value, rule.args) !== true) return false;
      }
      if (property.nested) {
        const { each, check } = property.nested;
        // class-validator walks any array it meets; a non-each rule on an array is left to it.
        if (each && Array.isArray(value)) {
          for (let e = 0; e < value.length; e++) if (!(isPlainObject(value[e]) && check(value[e]))) return false;
        } else if (!(isPlainObject(value) && check(value))) return false;
      }
    }
    return true;
  };
}
