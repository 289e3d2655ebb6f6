import { IANAZone } from 'luxon';

// Luxon answers "what is the UTC offset of this zone at this instant" through Intl, which costs
// several microseconds a call; rendering a year of a schedule asks thousands of times. This
// module memoizes Luxon's answers: time is cut into fixed two-day blocks, Luxon is asked for the
// offset at each block's edges, and where they differ the transition is found by bisection
// (tz transitions fall on whole seconds, and Luxon reads offsets at one-second resolution).
// Every offset still comes from Luxon; the memo only assumes that no zone changes its offset
// and changes it back within one block, which holds for the whole tz database of modern times
// (the shortest round trips, Ramadan suspensions of DST, last weeks). A property test compares
// this memo with Luxon directly.

const BLOCK_MS = 2 * 86_400_000;
const SECOND_MS = 1000;
// A year of blocks is ~183 entries per zone; past this many a zone's memo starts over.
const MAX_BLOCKS_PER_ZONE = 20_000;

interface Block {
  /** Instants at which the offsets below begin; `at[0]` is the block's start. */
  at: number[];
  /** UTC offsets in milliseconds. */
  offsets: number[];
}

export class ZoneOffsets {
  readonly name: string;
  private readonly zone: IANAZone;
  private readonly blocks = new Map<number, Block>();
  private readonly edgeSamples = new Map<number, number>();
  private lastKey = Number.NaN;
  private lastBlock: Block | undefined;

  constructor(name: string) {
    this.name = name;
    this.zone = IANAZone.create(name);
  }

  /** The zone's UTC offset in milliseconds at `instant` (local = instant + offset). */
  offsetAt(instant: number): number {
    const key = Math.floor(instant / BLOCK_MS);
    let block = key === this.lastKey ? this.lastBlock : this.blocks.get(key);
    if (block === undefined) block = this.build(key);
    this.lastKey = key;
    this.lastBlock = block;
    const { at, offsets } = block;
    let i = at.length - 1;
    while (i > 0 && at[i] > instant) i--;
    return offsets[i];
  }

  private luxonOffset(instant: number): number {
    return this.zone.offset(instant) * 60_000;
  }

  private edge(key: number): number {
    let offset = this.edgeSamples.get(key);
    if (offset === undefined) {
      offset = this.luxonOffset(key * BLOCK_MS);
      this.edgeSamples.set(key, offset);
    }
    return offset;
  }

  private build(key: number): Block {
    if (this.blocks.size >= MAX_BLOCKS_PER_ZONE) {
      this.blocks.clear();
      this.edgeSamples.clear();
      this.lastKey = Number.NaN;
    }
    const start = key * BLOCK_MS;
    const end = start + BLOCK_MS;
    const endOffset = this.edge(key + 1);
    const block: Block = { at: [start], offsets: [this.edge(key)] };
    let from = start;
    let current = block.offsets[0];
    // Several distinct changes inside one block are each found; Luxon returns NaN for instants
    // outside what Date can represent, and NaN never equals anything, so stop on it.
    while (current !== endOffset && !Number.isNaN(current) && !Number.isNaN(endOffset)) {
      let lo = from;
      let hi = end;
      while (hi - lo > SECOND_MS) {
        const mid = lo + Math.floor((hi - lo) / (2 * SECOND_MS)) * SECOND_MS;
        if (this.luxonOffset(mid) === current) lo = mid;
        else hi = mid;
      }
      current = this.luxonOffset(hi);
      block.at.push(hi);
      block.offsets.push(current);
      from = hi;
    }
    this.blocks.set(key, block);
    return block;
  }
}

const byName = new Map<string, ZoneOffsets>();
// Luxon checks a zone name by building an Intl formatter, which costs tens of microseconds.
const knownZones = new Map<string, boolean>();

/** Whether Luxon (through Intl) knows `name` as a time zone. */
export function isKnownZone(name: string): boolean {
  if (typeof name !== 'string' || name.length === 0) return false;
  let known = knownZones.get(name);
  if (known === undefined) {
    known = IANAZone.isValidZone(name);
    if (knownZones.size > 10_000) knownZones.clear();
    knownZones.set(name, known);
  }
  return known;
}

/** The memoized offsets of a zone; throws RangeError for a zone Luxon does not know. */
export function zoneOffsets(name: string): ZoneOffsets {
  let zone = byName.get(name);
  if (zone === undefined) {
    if (!isKnownZone(name)) throw new RangeError(`unknown time zone: ${String(name)}`);
    zone = new ZoneOffsets(name);
    byName.set(name, zone);
  }
  return zone;
}

/** Forgets every memoized offset and zone name (see clearTimeZoneMemos in wallclock.ts). */
export function clearZoneMemo(): void {
  byName.clear();
  knownZones.clear();
}
