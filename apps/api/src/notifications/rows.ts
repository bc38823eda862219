import { maskUrl } from '@thermocline/notify';
import type { DeliveryStateDto } from './dto/notification.dto';

export interface DeliveryRow {
  id: string;
  notification_id: string;
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
  not_before: Date | null;
  delivered_at: Date | null;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function deliveryState(r: DeliveryRow): DeliveryStateDto {
  return {
    id: Number(r.id),
    channel: r.channel,
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    notBefore: iso(r.not_before),
    deliveredAt: iso(r.delivered_at),
  };
}

export { iso, maskUrl };
