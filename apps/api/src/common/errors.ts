import { NotFoundException } from '@nestjs/common';

/** The one answer for anything missing or outside the caller's scope: they must look the same. */
export function outOfScope(what = '记录'): NotFoundException {
  return new NotFoundException(`${what}不存在或不在您的管辖范围内`);
}
