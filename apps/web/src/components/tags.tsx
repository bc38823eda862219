// Tags for flags, report statuses, review states and temperatures. The words come from
// @thermocline/contracts (the api's Excel export says the same); the colours are this app's.
// (One module: the pages that show one of these show the others, so they load as one chunk.)
import { FLAG_LABELS, labelOf, REPORT_STATUS_LABELS, REVIEW_STATE_LABELS, type FlagCode, type FlagLabel, type ReportStatus, type ReviewState } from '@thermocline/contracts';
import { Tag } from 'antd';
import { temperatureColor, textOn } from '../charts/colors';
import { useI18n } from '../i18n/i18n';

const FLAG_COLORS: Record<FlagCode, string> = {
  cold: 'blue',
  missing_report: 'red',
  late_report: 'orange',
  near_duplicate: 'purple',
  low_specificity: 'gold',
  unfilled_template: 'magenta',
  declining: 'cyan',
  repeated_plans: 'geekblue',
};

const REPORT_STATUS_COLORS: Record<ReportStatus, string> = { queued: 'default', processing: 'processing', extracted: 'success', failed: 'error' };

const REVIEW_STATE_COLORS: Record<ReviewState, string> = { unreviewed: 'default', confirmed: 'success', corrected: 'processing', rejected: 'error' };

// The api may send a code newer than these tables: it is shown as is.
const lookup = <T,>(table: Readonly<Record<string, T>>, code: string): T | undefined => (Object.hasOwn(table, code) ? table[code] : undefined);

/** A flag's name; its one-line meaning on hover. */
export function FlagTag({ code }: { code: string }) {
  const { lang } = useI18n();
  const label = lookup<FlagLabel>(FLAG_LABELS, code);
  return (
    <Tag color={lookup(FLAG_COLORS, code)} title={label?.description[lang]}>
      {label?.[lang] ?? code}
    </Tag>
  );
}

export function ReportStatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  return <Tag color={lookup(REPORT_STATUS_COLORS, status)}>{labelOf(REPORT_STATUS_LABELS, status, lang)}</Tag>;
}

export function ReviewStateTag({ state }: { state: string }) {
  const { lang } = useI18n();
  return <Tag color={lookup(REVIEW_STATE_COLORS, state)}>{labelOf(REVIEW_STATE_LABELS, state, lang)}</Tag>;
}

/** A temperature (0–100) on its own colour, readable on both ends of the scale. */
export function TemperatureTag({ value }: { value: number | null | undefined }) {
  const bg = temperatureColor(value);
  return (
    <span style={{ display: 'inline-block', minWidth: 36, padding: '0 6px', borderRadius: 4, textAlign: 'center', background: bg, color: textOn(bg), fontVariantNumeric: 'tabular-nums' }} data-temperature={value ?? ''}>
      {value ?? '—'}
    </span>
  );
}
