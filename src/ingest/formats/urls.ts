// Links and images end up as href/src attributes in the web console and in notifications, so
// only absolute http(s) URLs get through: "javascript:" or "data:" links never reach a page.

function parse(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

export function isHttpUrl(s: string): boolean {
  const u = parse(s);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:');
}

export function isHttpsUrl(s: string): boolean {
  const u = parse(s);
  return u !== null && u.protocol === 'https:';
}
