import { Global, Module } from '@nestjs/common';
import { AnalyticsEvents } from './analytics-events';

@Global()
@Module({ providers: [AnalyticsEvents], exports: [AnalyticsEvents] })
export class AnalyticsEventsModule {}
