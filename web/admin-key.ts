/** The admin key for this tab: from the one-time link `npm start` prints (`/#admin=<token>`), or entered once in the documents panel. */

const KEY = 'docent-admin-key';

export const adminKey = {
  get: (): string | undefined => sessionStorage.getItem(KEY) ?? undefined,
  set: (key: string | undefined) => (key ? sessionStorage.setItem(KEY, key) : sessionStorage.removeItem(KEY)),
};

/** Takes the key out of the address (so it is not bookmarked or shared) and keeps it for this tab; true when there was one. */
export function adminKeyFromLocation(): boolean {
  const match = /(?:^#|&)admin=([^&]+)/.exec(location.hash);
  if (!match) return false;
  adminKey.set(decodeURIComponent(match[1]!));
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}
