// A deliberately crude HTML-to-text pass for alert emails that come without a text part. The
// result is only shown as plain text in custom details, never rendered as HTML, so it has to
// be readable, not faithful or safe.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    const lower = name.toLowerCase();
    return Object.hasOwn(NAMED_ENTITIES, lower) ? (NAMED_ENTITIES[lower] as string) : whole;
  });
}

/**
 * Removes comments and script/style/head elements with their content. A loop rather than one
 * lazy regex: on input full of unclosed "<script" or "<!--" a regex backtracks quadratically.
 */
function dropInvisible(html: string): string {
  const open = /<!--|<(script|style|head)\b/gi;
  let out = '';
  let pos = 0;
  for (let m = open.exec(html); m !== null; m = open.exec(html)) {
    out += html.slice(pos, m.index);
    const close = m[1] === undefined ? /-->/g : new RegExp(`</${m[1]}\\s*>`, 'gi');
    close.lastIndex = open.lastIndex;
    if (close.exec(html) === null) return out;
    pos = close.lastIndex;
    open.lastIndex = pos;
  }
  return out + html.slice(pos);
}

export function htmlToText(html: string): string {
  return decodeEntities(
    dropInvisible(html)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|tr|table|blockquote|pre)\s*>/gi, '\n')
      // A tag starts with a name; "1 < 2 and 3 > 2" is text. [^<>] rather than [^>]: a stray
      // "<" then ends the scan at the next "<", keeping it linear.
      .replace(/<\/?[A-Za-z!][^<>]*>/g, ''),
  )
    .replace(/[ \t\f\v\r]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
