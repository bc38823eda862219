// The notification centre's state changes, kept pure: marking read updates the loaded pages and the
// unread count in place (the api's own count comes back with the next page or reload).
import type { Notification, NotificationList } from '../../api/types';

export interface Feed {
  items: Notification[];
  last: NotificationList;
}

export function markOneRead(s: Feed, id: number, at: string): Feed {
  const target = s.items.find((n) => n.id === id);
  if (!target || target.readAt) return s;
  return {
    items: s.items.map((n) => (n.id === id ? { ...n, readAt: at } : n)),
    last: { ...s.last, unread: Math.max(0, s.last.unread - 1) },
  };
}

export function markAllRead(s: Feed, at: string): Feed {
  return { items: s.items.map((n) => (n.readAt ? n : { ...n, readAt: at })), last: { ...s.last, unread: 0 } };
}

/** A notification's link as a route of this app, or null (only same-app paths are followed). */
export function appLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  return link;
}
