import { CanonicalAddress } from './canonical-record';
import { STREETS } from './data/streets';
import { SystemProfile } from './source-systems';
import { inSystemScript } from './system-script';
import { PostalAddress } from './truth-model';

export interface AddressHabits {
  abbreviateStreet: boolean;
  compactPostcode: boolean;
}

function streetKind(address: PostalAddress, abbreviate: boolean): string {
  return abbreviate ? (STREETS[address.country].abbreviations[address.streetKind] ?? address.streetKind) : address.streetKind;
}

/** The first address line by each country's convention: "Flat 2, 12 High Street", "Hauptstraße 12", "12 rue de la Paix". */
function firstLine(address: PostalAddress, abbreviate: boolean): string {
  const kind = streetKind(address, abbreviate);
  const { houseNumber: number, streetName: name, flat } = address;
  switch (address.country) {
    case 'GB':
      return `${flat ? `Flat ${flat}, ` : ''}${number} ${name} ${kind}`;
    case 'US':
      return `${number} ${name} ${kind}${flat ? ` Apt ${flat}` : ''}`;
    case 'DE':
      return `${name}${kind} ${number}${flat ? `, Whg. ${flat}` : ''}`;
    case 'FR':
      return `${number} ${kind} ${name}${flat ? `, Appt ${flat}` : ''}`;
  }
}

export function formatAddress(address: PostalAddress, habits: AddressHabits, profile: SystemProfile): CanonicalAddress {
  const script = (text: string) => inSystemScript(text, profile);
  return {
    line1: script(firstLine(address, habits.abbreviateStreet)),
    locality: script(address.town.name),
    postcode: habits.compactPostcode ? address.postcode.replace(/ /g, '') : address.postcode,
    country: address.country,
  };
}
