import { isoInstant } from './birth-dates';
import { formatAddress } from './address-format';
import { CanonicalRecord } from './canonical-record';
import { alternativeIdentifierForm } from './official-identifiers';
import { applyOcrNoise, OcrTarget } from './ocr-noise';
import { RecordRandomness } from './person-record';
import { formatPhone } from './phone-numbers';
import { drawHabits } from './record-habits';
import { SYSTEM_PROFILES } from './source-systems';
import { inSystemScript } from './system-script';
import { oddCase, typo } from './text-noise';
import { OrganisationTruth, RecordSlot } from './truth-model';

/** One organisation's record in one system: its name with or without (or with the long) legal form, registration, contacts. */
export function renderOrganisationRecord(organisation: OrganisationTruth, slot: RecordSlot, random: RecordRandomness): CanonicalRecord {
  const profile = SYSTEM_PROFILES[slot.system];
  const habits = drawHabits(profile, random.habits);
  const formStyle = random.habits.next();
  // registers and banks know a company by its number more often than they know a person's
  const keepsRegistration = random.habits.chance(0.5 + profile.identifierRate / 2);
  const { dice } = random;

  let name = organisation.name;
  if (dice.strikes('typo')) name = typo(name, dice.detail);
  const legalForm = formStyle < 0.2 ? organisation.legalFormLong : formStyle < 0.3 ? '' : organisation.legalForm;
  const parts = { name: inSystemScript(legalForm ? `${name} ${legalForm}` : name, profile) };
  const address = habits.address && !dice.drops('address') ? formatAddress(organisation.address, { abbreviateStreet: habits.abbreviateStreet, compactPostcode: habits.compactPostcode }, profile) : undefined;
  const registration = keepsRegistration && !dice.drops('identifier') ? { value: habits.alternativeIdentifierForm ? alternativeIdentifierForm(organisation.registration) : organisation.registration.value } : undefined;
  const ocrTargets: OcrTarget[] = [{ text: parts.name, replace: (text) => (parts.name = text) }];
  if (address) ocrTargets.push({ text: address.postcode, replace: (text) => (address.postcode = text) });
  if (registration) ocrTargets.push({ text: registration.value, replace: (text) => (registration.value = text) });
  applyOcrNoise(ocrTargets, dice);
  if (dice.strikes('nameCase')) parts.name = oddCase(parts.name, dice.detail);

  return {
    sourceId: slot.sourceId,
    type: 'organization',
    name: { full: parts.name },
    emails: habits.email && !dice.drops('email') ? [organisation.email] : undefined,
    phones: habits.phone && !dice.drops('phone') ? [formatPhone(organisation.phone, habits.phoneFormat)] : undefined,
    addresses: address ? [address] : undefined,
    identifiers: registration ? [{ type: organisation.registration.type, value: registration.value, country: organisation.country }] : undefined,
    organization: { name: parts.name, registrationNumber: registration?.value, country: organisation.country },
    attributes: habits.attributes,
    observedAt: isoInstant(slot.observedAt),
  };
}
