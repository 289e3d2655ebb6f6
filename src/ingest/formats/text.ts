// Lengths are counted in Unicode code points, not UTF-16 units: a limit of "1024 characters"
// should not shrink to 512 because a sender writes emoji or CJK supplementary characters.

export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The first `max` code points of `s`, never splitting a surrogate pair. */
export function takeCodePoints(s: string, max: number): string {
  let n = 0;
  let i = 0;
  while (i < s.length && n < max) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else {
      i++;
    }
    n++;
  }
  return s.slice(0, i);
}

/** `s` cut to at most `max` code points, ending in an ellipsis when something was cut. */
export function truncate(s: string, max: number): string {
  if (codePointLength(s) <= max) return s;
  return `${takeCodePoints(s, max - 1)}…`;
}

export function isBlank(s: string): boolean {
  return s.trim() === '';
}
