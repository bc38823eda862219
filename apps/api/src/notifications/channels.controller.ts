import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import type { UnitEntity } from '@thermocline/db';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, ScopeUnit } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import { ChannelDto, ChannelQueryDto, ChannelTestDto, CreateChannelDto, DeliveryLogDto, DeliveryQueryDto, UpdateChannelDto } from './dto/notification.dto';
import { ChannelsService } from './channels.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get('notification-channels')
  @Access({ roles: ['admin'], unit: { from: 'query', name: 'unitCode' } })
  @ApiOperation({ summary: 'Group-chat robots of the units in the admin’s subtree (URLs and secrets masked)' })
  @ApiOkResponse({ type: [ChannelDto] })
  list(@CurrentUser() user: AuthUser, @ScopeUnit() unit: UnitEntity | undefined, @Query() _q: ChannelQueryDto): Promise<ChannelDto[]> {
    return this.channels.list(user, unit);
  }

  @Post('notification-channels')
  @Access({ roles: ['admin'], unit: { from: 'body', name: 'unitCode', write: true } })
  @ApiOperation({ summary: 'Adds a unit’s group chat: WeCom, DingTalk, Feishu robot or a generic signed webhook' })
  @ApiCreatedResponse({ type: ChannelDto })
  create(@CurrentUser() user: AuthUser, @ScopeUnit() unit: UnitEntity | undefined, @Body() body: CreateChannelDto): Promise<ChannelDto> {
    if (!unit) throw outOfScope('单位');
    return this.channels.create(user, unit, body);
  }

  @Patch('notification-channels/:id')
  @Access({ roles: ['admin'] })
  @ApiOkResponse({ type: ChannelDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: UpdateChannelDto): Promise<ChannelDto> {
    return this.channels.update(user, id, body);
  }

  @Delete('notification-channels/:id')
  @HttpCode(204)
  @Access({ roles: ['admin'] })
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.channels.remove(user, id);
  }

  @Post('notification-channels/:id/test')
  @HttpCode(202)
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Sends a test message through the channel; follow it in the delivery log' })
  @ApiOkResponse({ type: ChannelTestDto })
  test(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ChannelTestDto> {
    return this.channels.test(user, id);
  }

  @Get('notification-deliveries')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Delivery log (attempts, last error, delivered at) for recipients in the admin’s subtree, newest first' })
  @ApiOkResponse({ type: DeliveryLogDto })
  deliveries(@CurrentUser() user: AuthUser, @Query() q: DeliveryQueryDto): Promise<DeliveryLogDto> {
    return this.channels.deliveries(user, q);
  }
}
