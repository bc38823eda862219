import { Module } from '@nestjs/common';
import { MentionsController } from './mentions.controller';
import { MentionsService } from './mentions.service';

/** Review of extracted numbers. MentionsService is exported for the report routes that list and add them. */
@Module({ controllers: [MentionsController], providers: [MentionsService], exports: [MentionsService] })
export class MentionsModule {}
