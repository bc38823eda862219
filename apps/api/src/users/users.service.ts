import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { normalizeUsername } from '@thermocline/contracts';
import { UnitEntity, UserEntity } from '@thermocline/db';
import { writeAudit } from '@thermocline/runtime';
import { DataSource } from 'typeorm';
import { hashPassword, passwordProblem } from '../auth/password';
import type { AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import { UnitsService } from '../units/units.service';
import type { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto';

interface UserRow {
  username: string;
  displayName: string;
  role: UserDto['role'];
  email: string | null;
  disabled: number | boolean;
  lastLoginAt: Date | null;
  unitCode: string;
  unitName: string;
  unitPath: string;
  id: number;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly units: UnitsService,
  ) {}

  private query() {
    return this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.username AS username', 'u.display_name AS displayName', 'u.role AS role', 'u.email AS email'])
      .addSelect(['u.disabled AS disabled', 'u.last_login_at AS lastLoginAt', 'un.code AS unitCode', 'un.name AS unitName', 'un.path AS unitPath'])
      .from(UserEntity, 'u')
      .innerJoin(UnitEntity, 'un', 'un.id = u.unit_id');
  }

  private toDto(r: UserRow): UserDto {
    return {
      username: r.username,
      displayName: r.displayName,
      role: r.role,
      unitCode: r.unitCode,
      unitName: r.unitName,
      email: r.email,
      disabled: Boolean(Number(r.disabled)),
      lastLoginAt: r.lastLoginAt ? new Date(r.lastLoginAt).toISOString() : null,
    };
  }

  /** Users whose unit lies in the caller's subtree; a secretary sees only themselves. */
  async list(user: AuthUser, unitCode?: string): Promise<UserDto[]> {
    const q = this.query().where('un.path LIKE :prefix', { prefix: `${user.unitPath}%` });
    if (user.role === 'secretary') q.andWhere('u.id = :id', { id: user.id });
    if (unitCode) q.andWhere('un.code = :unitCode', { unitCode });
    const rows = await q.orderBy('un.path').addOrderBy('u.username').getRawMany<UserRow>();
    return rows.map((r) => this.toDto(r));
  }

  async get(user: AuthUser, username: string): Promise<UserDto> {
    const row = await this.query().where('u.username = :username', { username: normalizeUsername(username) }).getRawOne<UserRow>();
    if (!row || !row.unitPath.startsWith(user.unitPath) || (user.role === 'secretary' && row.id !== user.id)) throw outOfScope('用户');
    return this.toDto(row);
  }

  async create(user: AuthUser, dto: CreateUserDto): Promise<UserDto> {
    const problem = passwordProblem(dto.password, dto.username, [dto.displayName]);
    if (problem) throw new BadRequestException(problem);
    const passwordHash = await hashPassword(dto.password);
    await this.db.transaction(async (m) => {
      const unit = await this.units.findInScope(user, dto.unitCode, m);
      if (await m.getRepository(UserEntity).existsBy({ username: dto.username })) throw new ConflictException(`用户名「${dto.username}」已被使用`);
      const now = new Date();
      const result = await m.createQueryBuilder().insert().into(UserEntity).values({
        username: dto.username,
        displayName: dto.displayName,
        role: dto.role,
        unitId: unit.id,
        email: dto.email ?? null,
        passwordHash,
        disabled: false,
        tokenVersion: 0,
        // The admin knows this password: the user replaces it at the first sign-in.
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      }).execute();
      await writeAudit(m, { action: 'user.create', entity: 'user', entityId: String(result.identifiers[0].id), detail: { username: dto.username, role: dto.role, unitCode: unit.code } });
    });
    return this.get(user, dto.username);
  }

  async update(user: AuthUser, rawUsername: string, dto: UpdateUserDto): Promise<UserDto> {
    const username = normalizeUsername(rawUsername);
    await this.db.transaction(async (m) => {
      const target = await m.getRepository(UserEntity).findOneBy({ username });
      if (!target) throw outOfScope('用户');
      const unit = await m.getRepository(UnitEntity).findOneByOrFail({ id: target.unitId });
      if (!unit.path.startsWith(user.unitPath)) throw outOfScope('用户');
      if (target.id === user.id && (dto.role !== undefined || dto.disabled || dto.unitCode !== undefined)) {
        throw new ForbiddenException('不能修改自己的角色、单位或停用自己；请让另一位管理员操作');
      }
      const patch: Partial<UserEntity> = { updatedAt: new Date() };
      const detail: Record<string, string | boolean | null> = {};
      if (dto.displayName !== undefined) {
        patch.displayName = dto.displayName;
        detail.displayName = dto.displayName;
      }
      if (dto.role !== undefined) {
        patch.role = dto.role;
        detail.role = dto.role;
      }
      if (dto.email !== undefined) {
        patch.email = dto.email;
        detail.email = dto.email;
      }
      if (dto.unitCode !== undefined) {
        const next = await this.units.findInScope(user, dto.unitCode, m);
        patch.unitId = next.id;
        detail.unitCode = next.code;
      }
      let revoke = false;
      if (dto.disabled !== undefined) {
        patch.disabled = dto.disabled;
        detail.disabled = dto.disabled;
        revoke ||= dto.disabled;
      }
      if (dto.password !== undefined) {
        const problem = passwordProblem(dto.password, username, [target.displayName]);
        if (problem) throw new BadRequestException(problem);
        patch.passwordHash = await hashPassword(dto.password);
        // A password someone else chose is a one-time password.
        patch.mustChangePassword = target.id !== user.id;
        detail.password = 'reset';
        revoke = true;
      }
      // Scope or role changes take effect on the next request (the guard reloads the user); a reset
      // password or a disable also kills every token issued before.
      if (revoke) patch.tokenVersion = target.tokenVersion + 1;
      await m.update(UserEntity, { id: target.id }, patch);
      await writeAudit(m, { action: 'user.update', entity: 'user', entityId: target.id, detail: { username, ...detail } });
    });
    return this.get(user, username);
  }
}
