// @thermocline/notify: reminder rules and stages, quiet hours, message texts and channel formats,
// webhook signatures and the SSRF guard (pure), plus the NotificationCentre / ReminderScanner /
// EventNotifier that write notifications (database + queue, no framework).
export * from './types';
export * from './zone';
export * from './rules';
export * from './stages';
export * from './quiet';
export * from './messages';
export * from './formats';
export * from './sign';
export * from './mask';
export * from './ssrf';
export * from './centre';
export * from './reminders';
export * from './mail';
