import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access({ roles: ['admin', 'leader', 'secretary'], unit: { from: 'query', name: 'unitCode' } })
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiOperation({ summary: 'Users of units in the caller’s subtree (a secretary sees only themselves)' })
  @ApiOkResponse({ type: [UserDto] })
  list(@CurrentUser() user: AuthUser, @Query('unitCode') unitCode?: string): Promise<UserDto[]> {
    return this.users.list(user, unitCode);
  }

  @Get(':username')
  @Access({ roles: ['admin', 'leader', 'secretary'] })
  @ApiOkResponse({ type: UserDto })
  get(@CurrentUser() user: AuthUser, @Param('username') username: string): Promise<UserDto> {
    return this.users.get(user, username);
  }

  @Post()
  @Access({ roles: ['admin'], unit: { from: 'body', name: 'unitCode', write: true } })
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(user, body);
  }

  @Patch(':username')
  @Access({ roles: ['admin'], unit: { from: 'body', name: 'unitCode', write: true } })
  @ApiOperation({ summary: 'Change name, role, unit, e-mail; disable; reset the password' })
  @ApiOkResponse({ type: UserDto })
  update(@CurrentUser() user: AuthUser, @Param('username') username: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(user, username, body);
  }
}
