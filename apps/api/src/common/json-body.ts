import { BadRequestException } from '@nestjs/common';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** Deeper than any body the api takes (3 levels today): 10,000 levels would overflow the validator's recursion. */
export const MAX_JSON_DEPTH = 32;
/** Keys that only ever arrive to reach an object's prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** body-parser `verify`: a JSON body must be valid UTF-8 (the parser would silently put U+FFFD in its place). */
export function verifyUtf8(_req: IncomingMessage, _res: ServerResponse, buf: Buffer): void {
  if (!isUtf8(buf)) throw Object.assign(new Error('request body is not valid UTF-8'), { type: 'encoding.invalid' });
}

/** Why a parsed JSON body is refused (nesting, prototype keys), or null. Iterative: no recursion to overflow. */
export function jsonShapeProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) return `请求体的嵌套超过 ${MAX_JSON_DEPTH} 层`;
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, depth + 1]);
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return `请求体含有不允许的字段名「${k}」`;
      stack.push([(v as Record<string, unknown>)[k], depth + 1]);
    }
  }
  return null;
}

/** Refuses a parsed JSON body that is too deep or carries prototype keys, with a 400 a person can read. */
export function jsonBodyGuard(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const problem = jsonShapeProblem(body);
    if (problem) return next(new BadRequestException(problem));
  }
  next();
}
