import '../../../test-setup';
import { render, screen } from '@testing-library/react';
import type { DashboardGap, GapLevel } from '../../../api/types';
import type { ApiState } from '../../../hooks/use-api';
import { LevelChartCard } from './LevelChartCard';

// The chart itself needs a canvas: the card's option is what is checked here.
jest.mock('../../../charts/ChartCard', () => ({
  ChartCard: ({ option }: { option: unknown }) => <pre data-testid="level-option">{JSON.stringify(option)}</pre>,
}));

const LEVELS: GapLevel[] = [
  { level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 80, attenuation: null },
  { level: 1, unitCount: 3, ratedCount: 3, medianTemperature: 60, attenuation: 0.75 },
];

const state = (attenuationThreshold: number): ApiState<DashboardGap> => ({
  data: { levels: LEVELS, attenuationThreshold } as DashboardGap,
  error: undefined,
  loading: false,
  unavailable: false,
  reload: () => undefined,
});

const lossColour = () => (JSON.parse(screen.getByTestId('level-option').textContent ?? '{}') as { series: { data: { label: { color: string } }[] }[] }).series[0].data[1].label.color;

it('judges the loss between levels against the threshold the api is configured with', () => {
  const { rerender } = render(<LevelChartCard gap={state(0.8)} offset={0} periodCode="2026-H1" onPainted={() => undefined} />);
  expect(lossColour()).toBe('#cf1322'); // 0.75 < 0.8: heat lost
  rerender(<LevelChartCard gap={state(0.7)} offset={0} periodCode="2026-H1" onPainted={() => undefined} />);
  expect(lossColour()).not.toBe('#cf1322'); // 0.75 ≥ 0.7
});
