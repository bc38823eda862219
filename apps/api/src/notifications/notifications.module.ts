import { Module } from '@nestjs/common';
import { NOTIFY_PROVIDERS } from '@thermocline/server';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/** Notification centre, channel preferences, units' group chats, the delivery log, reminder rules and "remind now". */
@Module({
  controllers: [NotificationsController, ChannelsController, RemindersController],
  providers: [...NOTIFY_PROVIDERS, NotificationsService, ChannelsService, RemindersService],
})
export class NotificationsModule {}
