import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, Public } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { IssueWallLinkDto, WallDataDto, WallLinkDto, WallLinkIssuedDto, WallQueryDto } from './wall.dto';
import { WallService } from './wall.service';

@ApiTags('wall')
@Controller()
export class WallController {
  constructor(private readonly wall: WallService) {}

  @Get('wall-links')
  @Access({ roles: ['admin'] })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The wall links of the administrator’s sub-tree (大屏)' })
  @ApiOkResponse({ type: [WallLinkDto] })
  list(@CurrentUser() user: AuthUser): Promise<WallLinkDto[]> {
    return this.wall.list(user);
  }

  @Post('wall-links')
  @Access({ roles: ['admin'] })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Issue a read-only wall link for the administrator’s unit; the token is shown once' })
  @ApiOkResponse({ type: WallLinkIssuedDto })
  issue(@CurrentUser() user: AuthUser, @Body() body: IssueWallLinkDto): Promise<WallLinkIssuedDto> {
    return this.wall.issue(user, body.name);
  }

  @Delete('wall-links/:id')
  @HttpCode(204)
  @Access({ roles: ['admin'] })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke a wall link (out of scope: 404)' })
  @ApiNoContentResponse()
  revoke(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.wall.revoke(user, id);
  }

  /** No login: the wall link's token (X-Wall-Token) is the whole authority, read-only, one unit. */
  @Get('wall/data')
  @Public()
  @ApiHeader({ name: 'X-Wall-Token', required: true })
  @ApiOperation({ summary: 'The big screen’s data for a wall link: its unit’s gap and temperature trend' })
  @ApiOkResponse({ type: WallDataDto })
  data(@Headers('x-wall-token') token: string | undefined, @Query() q: WallQueryDto): Promise<WallDataDto> {
    return this.wall.data(token, q.period);
  }
}
