import { Module } from '@nestjs/common';
import { NOTIFY_PROVIDERS } from '@thermocline/server';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { MailController } from './mail.controller';
import { MailService } from './mail.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

/** Notification centre, channel preferences, units' group chats, the delivery log, reminder rules, "remind now" and the e-mail (SMTP) settings. */
@Module({
  controllers: [NotificationsController, ChannelsController, RemindersController, MailController],
  providers: [...NOTIFY_PROVIDERS, NotificationsService, ChannelsService, RemindersService, MailService],
})
export class NotificationsModule {}
