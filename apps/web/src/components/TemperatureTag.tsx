import { temperatureColor, textOn } from '../dashboard/gap';

/** A temperature (0–100) on its own colour, readable on both ends of the scale. */
export function TemperatureTag({ value }: { value: number | null | undefined }) {
  const bg = temperatureColor(value);
  return (
    <span style={{ display: 'inline-block', minWidth: 36, padding: '0 6px', borderRadius: 4, textAlign: 'center', background: bg, color: textOn(bg), fontVariantNumeric: 'tabular-nums' }} data-temperature={value ?? ''}>
      {value ?? '—'}
    </span>
  );
}
