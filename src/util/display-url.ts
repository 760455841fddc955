// A URL as it may be shown to a person or a model: no user info, no query
// (which may carry a key).

export function displayUrl(url: string | undefined): string {
  if (!url) return '(no server)';
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}
