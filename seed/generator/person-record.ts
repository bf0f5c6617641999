import { isoInstant } from './birth-dates';
import { CanonicalAddress, CanonicalIdentifier, CanonicalRecord, RecordReference } from './canonical-record';
import { formatAddress } from './address-format';
import { noisyBirthDate } from './birth-date-noise';
import { noisyEmail } from './email-noise';
import { formatName } from './name-format';
import { NoiseDice } from './noise-dice';
import { alternativeIdentifierForm } from './official-identifiers';
import { applyOcrNoise, OcrTarget } from './ocr-noise';
import { noisyNameParts } from './person-name-noise';
import { CALL_CENTRE_PHONES, formatPhone } from './phone-numbers';
import { SeededRandom } from './random';
import { drawHabits, RecordHabits } from './record-habits';
import { SYSTEM_PROFILES, SystemProfile } from './source-systems';
import { oddCase } from './text-noise';
import { PersonTruth, RecordSlot } from './truth-model';

/** The two random streams of one record: its system's habits, and its noise. */
export interface RecordRandomness {
  habits: SeededRandom;
  dice: NoiseDice;
}

/** One person's record in one system: the truth, filtered by the system's habits, with noise. */
export function renderPersonRecord(person: PersonTruth, slot: RecordSlot, random: RecordRandomness): CanonicalRecord {
  const profile = SYSTEM_PROFILES[slot.system];
  const habits = drawHabits(profile, random.habits);
  const relationships = person.ties.filter(() => random.habits.chance(profile.relationshipRate));
  const { dice } = random;

  const nameParts = noisyNameParts(person, habits, dice);
  let address = addressOf(person, slot, habits, profile, dice);
  const identifier = identifierOf(person, habits, dice);
  const birthDate = habits.birthDate && !dice.drops('birthDate') ? noisyBirthDate(person.birth, habits.partialBirthDate, dice) : undefined;
  let emails = emailsOf(person, habits, dice);
  let phone = phoneOf(person, habits, dice);
  if (!address && !identifier && !birthDate && !emails && !phone) {
    const required = profile.requiredContact.find((field) => (field === 'email' ? person.email : field === 'phone' ? ownPhone(person, habits) : true));
    if (required === 'email') emails = emailsOf(person, habits, dice, true);
    else if (required === 'phone') phone = phoneOf(person, habits, dice, true);
    else address = addressOf(person, slot, habits, profile, dice, true);
  }
  const ocrTargets: OcrTarget[] = [{ text: nameParts.family, replace: (text) => (nameParts.family = text) }];
  const keptAddress = address;
  if (keptAddress) ocrTargets.push({ text: keptAddress.postcode, replace: (text) => (keptAddress.postcode = text) });
  if (identifier) ocrTargets.push({ text: identifier.value, replace: (text) => (identifier.value = text) });
  applyOcrNoise(ocrTargets, dice);

  const name = formatName(nameParts, profile);
  if (dice.strikes('nameCase')) {
    for (const part of ['full', 'given', 'middle', 'family'] as const) if (name[part]) name[part] = oddCase(name[part], dice.detail);
  }
  const references = relationships.flatMap((tie) => {
    const target = sameSystem(tie.other.slots, slot);
    return target ? [{ type: tie.type, target }] : [];
  });
  // absent fields stay undefined: JSON leaves them out, and the key order stays fixed
  return {
    sourceId: slot.sourceId,
    type: 'person',
    name,
    birthDate,
    gender: habits.gender ? (profile.genderStyle === 'word' ? (person.gender === 'M' ? 'male' : 'female') : person.gender) : undefined,
    emails,
    phones: phone ? [phone] : undefined,
    addresses: keptAddress ? [keptAddress] : undefined,
    identifiers: identifier ? [identifier] : undefined,
    relationships: references.length > 0 ? references : undefined,
    referredBy: habits.referral && person.referrerSlots ? sameSystem(person.referrerSlots, slot) : undefined,
    attributes: habits.attributes,
    observedAt: isoInstant(slot.observedAt),
  };
}

function sameSystem(slots: readonly RecordSlot[], slot: RecordSlot): RecordReference | undefined {
  const found = slots.find((candidate) => candidate.system === slot.system);
  return found ? { system: found.system, sourceId: found.sourceId } : undefined;
}

/**
 * Records seen before a move show the old address; later ones the new, unless the system never
 * heard. `required`: the system's form insists on it, whatever its habits or lost fields.
 */
function addressOf(person: PersonTruth, slot: RecordSlot, habits: RecordHabits, profile: SystemProfile, dice: NoiseDice, required = false): CanonicalAddress | undefined {
  if (!required && (!habits.address || dice.drops('address'))) return undefined;
  let address = person.address;
  if (person.previousAddress && person.movedAt !== undefined) {
    if (slot.observedAt < person.movedAt || dice.strikes('staleAddress')) address = person.previousAddress;
  }
  return formatAddress(address, { abbreviateStreet: habits.abbreviateStreet, compactPostcode: habits.compactPostcode }, profile);
}

function identifierOf(person: PersonTruth, habits: RecordHabits, dice: NoiseDice): CanonicalIdentifier | undefined {
  if (!person.nationalId || !habits.identifier || dice.drops('identifier')) return undefined;
  const { type, country } = person.nationalId;
  return { type, value: habits.alternativeIdentifierForm ? alternativeIdentifierForm(person.nationalId) : person.nationalId.value, country };
}

function emailsOf(person: PersonTruth, habits: RecordHabits, dice: NoiseDice, required = false): string[] | undefined {
  if (!person.email || (!required && (!habits.email || dice.drops('email')))) return undefined;
  const emails = [noisyEmail(person.email, dice)];
  if (habits.workEmail && person.workEmail) emails.push(person.workEmail);
  return emails;
}

function ownPhone(person: PersonTruth, habits: RecordHabits) {
  return habits.landline && person.landline ? person.landline : (person.mobile ?? person.landline);
}

function phoneOf(person: PersonTruth, habits: RecordHabits, dice: NoiseDice, required = false): string | undefined {
  const own = ownPhone(person, habits);
  if (!own || (!required && (!habits.phone || dice.drops('phone')))) return undefined;
  const phone = dice.strikes('sharedPhone') ? dice.detail.pick(CALL_CENTRE_PHONES[person.country]) : own;
  return formatPhone(phone, habits.phoneFormat);
}
