import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** argon2id with the library's OWASP-recommended defaults. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hash('thermocline-timing-equaliser');
  return dummy;
}

/**
 * zxcvbn-ts: a maintained estimator with the common-password list, keyboard walks, repeats,
 * sequences, dates and l33t. Character classes alone accepted `Password123` and `aaaaaaaaaA1`.
 * Built once (the dictionaries are large) and only when first needed.
 */
let estimator: ZxcvbnFactory | null = null;
function strength(password: string, userInputs: string[]): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password, userInputs).score;
}

/** Score (0-4) a password needs: 3 = "safely unguessable" for an online attack with throttling and more. */
export const MIN_STRENGTH = 3;

/**
 * Returns the reason a password is refused (Chinese, shown to the person), or null when acceptable.
 * `userInputs` (the user name, the person's name) count as words an attacker would try first.
 */
export function passwordProblem(password: string, username?: string, userInputs: string[] = []): string | null {
  if (password.length < 10) return '密码至少 10 位';
  if (password.length > 128) return '密码不能超过 128 位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  if (strength(password, [username ?? '', ...userInputs].filter(Boolean)) < MIN_STRENGTH) {
    return '密码太常见或太容易猜到（如常用密码、键盘顺序、重复字符、年份或姓名），请换一个更长、无规律的密码，例如几个不相关的词加数字和符号';
  }
  return null;
}
