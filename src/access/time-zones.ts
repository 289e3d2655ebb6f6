import { IANAZone } from 'luxon';

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
