import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: time-ordered, so ids sort by creation and cursor pagination can use them. */
export function newId(): string {
  return uuidv7();
}
