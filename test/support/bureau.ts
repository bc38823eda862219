// A small bureau to test against, created through the api as an admin would:
//
//   bureau (局党组, level 0)
//   ├── edu (教育局党委, 1)
//   │   ├── school-1 (一中党总支, 2)
//   │   │   └── school-1-b1 (一中第一支部, 3)
//   │   └── school-2 (二中党支部, 2)
//   └── health (卫健局党委, 1)
//       └── hospital (人民医院党委, 2)
import type { Client } from './http';

export const PASSWORD = 'Branch-Pass-2026';

export const UNITS = [
  { code: 'edu', name: '教育局党委', parentCode: 'bureau', memberCount: 40 },
  { code: 'school-1', name: '一中党总支', parentCode: 'edu', memberCount: 85 },
  { code: 'school-1-b1', name: '一中第一支部', parentCode: 'school-1', memberCount: 30 },
  { code: 'school-2', name: '二中党支部', parentCode: 'edu', memberCount: 25 },
  { code: 'health', name: '卫健局党委', parentCode: 'bureau', memberCount: 30 },
  { code: 'hospital', name: '人民医院党委', parentCode: 'health', memberCount: 120 },
];

export const USERS = [
  { username: 'leader', displayName: '局领导', role: 'leader', unitCode: 'bureau' },
  { username: 'edu-leader', displayName: '教育局领导', role: 'leader', unitCode: 'edu' },
  { username: 'sec-school-1', displayName: '一中书记', role: 'secretary', unitCode: 'school-1' },
  { username: 'sec-school-2', displayName: '二中书记', role: 'secretary', unitCode: 'school-2' },
  { username: 'sec-hospital', displayName: '医院书记', role: 'secretary', unitCode: 'hospital' },
  { username: 'edu-admin', displayName: '教育局管理员', role: 'admin', unitCode: 'edu' },
] as const;

/** The test bureau exists long before any test period (units are expected only once active). */
export const ACTIVE_FROM = '2020-01-01';

export async function createBureau(admin: Client): Promise<void> {
  for (const u of UNITS) {
    const r = await admin.post('/api/units', { ...u, activeFrom: ACTIVE_FROM });
    if (r.status !== 201) throw new Error(`create unit ${u.code}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  for (const u of USERS) {
    const r = await admin.post('/api/users', { ...u, password: PASSWORD, email: `${u.username}@example.gov.cn` });
    if (r.status !== 201) throw new Error(`create user ${u.username}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  // Every user then signs in once and replaces the admin-set password (with the same one, via another).
  for (const u of USERS) await firstSignIn(admin.as(undefined), u.username, PASSWORD);
}

/**
 * The first sign-in of a user an admin created (or whose password an admin reset): the api lets
 * them do nothing but replace that password. Replaces it through a temporary one and back, so the
 * test keeps `password`, and answers a client signed in with it.
 */
export async function firstSignIn(anon: Client, username: string, password: string): Promise<Client> {
  const temporary = `${password}~Tmp#${username.length}`;
  let signedIn = await anon.login(username, password);
  for (const [current, next] of [
    [password, temporary],
    [temporary, password],
  ]) {
    // A change ends every earlier token: carry on with the one it hands back.
    const r = await signedIn.put<{ accessToken: string }>('/api/auth/password', { currentPassword: current, newPassword: next });
    if (r.status !== 200) throw new Error(`first sign-in of ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    signedIn = anon.as(r.body.accessToken);
  }
  return signedIn;
}
