/**
 * A stable colour per person. Everyone is given a swatch in the order they were created (user
 * ids are time-ordered): their own hashed slot of the palette, or the next one nobody has yet,
 * so people seen together do not share a colour and adding someone never recolours the
 * others. Light fills with dark text of the same hue keep every label readable.
 */
import { createContext, useContext, useMemo, type CSSProperties, type ReactNode } from 'react';
import { useAllUsers } from '../access/queries.js';

export interface Swatch {
  fill: string;
  edge: string;
  text: string;
}

const PALETTE: readonly Swatch[] = [
  { fill: '#dbe6ff', edge: '#4a6fd6', text: '#1c3578' },
  { fill: '#fce9c4', edge: '#c98a12', text: '#5a3c04' },
  { fill: '#d2f0ea', edge: '#2b9a8a', text: '#0f4d44' },
  { fill: '#fbdce5', edge: '#cf4f7a', text: '#6e1835' },
  { fill: '#e6ddfb', edge: '#7c5bd6', text: '#3b237a' },
  { fill: '#daf1d6', edge: '#4a9a3f', text: '#1f4d18' },
  { fill: '#fde0cf', edge: '#d9713a', text: '#6b2f0d' },
  { fill: '#d3edf8', edge: '#2f8fbf', text: '#0d4461' },
  { fill: '#f5dbf2', edge: '#b04aa6', text: '#5b1a55' },
  { fill: '#eaeecb', edge: '#8d9532', text: '#43470e' },
  { fill: '#e0e5ee', edge: '#5d6b85', text: '#27324a' },
  { fill: '#efe1d4', edge: '#9a6b44', text: '#4d3119' },
];

/** FNV-1a over the id's UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Swatches for `ids`, oldest id first; the palette is reused only once every slot is taken. */
export function assignSwatches(ids: Iterable<string>): Map<string, Swatch> {
  const out = new Map<string, Swatch>();
  let taken = new Set<number>();
  for (const id of [...new Set(ids)].sort()) {
    if (taken.size === PALETTE.length) taken = new Set();
    let slot = hash(id) % PALETTE.length;
    while (taken.has(slot)) slot = (slot + 1) % PALETTE.length;
    taken.add(slot);
    out.set(id, PALETTE[slot]!);
  }
  return out;
}

const SwatchContext = createContext<ReadonlyMap<string, Swatch>>(new Map());

/** Gives the pages inside it everyone's colour (from the list of users). */
export function SwatchScope({ children }: { children: ReactNode }) {
  const users = useAllUsers();
  const swatches = useMemo(() => assignSwatches((users.data ?? []).map((u) => u.id)), [users.data]);
  return <SwatchContext.Provider value={swatches}>{children}</SwatchContext.Provider>;
}

/** CSS custom properties (`--sw-fill`, `--sw-edge`, `--sw-text`) for a person's colour. */
export function useSwatchStyle(): (userId: string) => CSSProperties {
  const swatches = useContext(SwatchContext);
  return (userId: string) => {
    const s = swatches.get(userId) ?? PALETTE[hash(userId) % PALETTE.length]!;
    return { '--sw-fill': s.fill, '--sw-edge': s.edge, '--sw-text': s.text } as CSSProperties;
  };
}
