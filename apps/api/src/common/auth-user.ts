import type { Role } from '@thermocline/contracts';

/** The signed-in user as every guard, controller and service sees it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitCode: string;
  /** Materialised path of the user's unit: their scope is every unit whose path starts with it. */
  unitPath: string;
  unitLevel: number;
  /** Signed in with a password an admin set: every route but me and change-password answers 403. */
  mustChangePassword?: boolean;
  /** The token this request came with: its id, expiry and the session's sign-in time (epoch s). */
  token?: { jti: string; exp: number; ss: number };
}

/** True when a unit (by its materialised path) lies in the user's subtree. */
export function inScope(user: AuthUser, unitPath: string): boolean {
  return unitPath.startsWith(user.unitPath);
}

/** A secretary acts for their own unit only; leaders and admins for their whole subtree. */
export function canActFor(user: AuthUser, unit: { id: number; path: string }): boolean {
  if (!inScope(user, unit.path)) return false;
  return user.role !== 'secretary' || unit.id === user.unitId;
}
