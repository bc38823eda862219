import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { NotificationDto, NotificationListDto, NotificationQueryDto, PreferencesDto, ReadAllDto, UpdatePreferencesDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

const ANYONE = { roles: 'any' } as const;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access(ANYONE)
  @ApiOperation({ summary: 'The caller’s own notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListDto })
  list(@CurrentUser() user: AuthUser, @Query() q: NotificationQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(user, q);
  }

  @Post('read-all')
  @HttpCode(200)
  @Access(ANYONE)
  @ApiOperation({ summary: 'Marks every notification of the caller read' })
  @ApiOkResponse({ type: ReadAllDto })
  readAll(@CurrentUser() user: AuthUser): Promise<ReadAllDto> {
    return this.notifications.readAll(user);
  }

  @Get('preferences')
  @Access(ANYONE)
  @ApiOperation({ summary: 'The caller’s channels: in-app (always), e-mail, a personal webhook' })
  @ApiOkResponse({ type: PreferencesDto })
  preferences(@CurrentUser() user: AuthUser): Promise<PreferencesDto> {
    return this.notifications.preferences(user);
  }

  @Put('preferences')
  @Access(ANYONE)
  @ApiOperation({ summary: 'Chooses the caller’s channels (partial); secrets are write-only' })
  @ApiOkResponse({ type: PreferencesDto })
  updatePreferences(@CurrentUser() user: AuthUser, @Body() body: UpdatePreferencesDto): Promise<PreferencesDto> {
    return this.notifications.updatePreferences(user, body);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access(ANYONE)
  @ApiOperation({ summary: 'Marks one of the caller’s notifications read (someone else’s answers 404)' })
  // Documented as the string it is on the wire (the web client passes String(id)).
  @ApiParam({ name: 'id', type: String, description: 'Notification id' })
  @ApiOkResponse({ type: NotificationDto })
  read(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<NotificationDto> {
    return this.notifications.read(user, id);
  }
}
