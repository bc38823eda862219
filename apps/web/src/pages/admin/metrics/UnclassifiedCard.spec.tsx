import '../../../test-setup';
import { App as AntApp } from 'antd';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { api } from '../../../api/client';
import type { MetricDefinition, UnclassifiedPhrase } from '../../../api/types';
import { userEvent } from '../../../test-user';
import { addToDefinition, suggestedTrigger, UnclassifiedCard } from './UnclassifiedCard';

jest.setTimeout(60_000);

const metric = (key: string, name: string, triggers: string[], measureWords: string[], enabled = true) => ({ key, name, category: key.split('.')[0], enabled, triggers, measureWords, normalization: 'per_unit', weight: 1, customized: false }) as MetricDefinition;
const METRICS = [metric('propaganda.displays', '展板/宣传画', ['展板', '横幅'], ['块', '幅']), metric('org.retired', '停用指标', ['旧词'], ['次'], false)];
const PHRASES: UnclassifiedPhrase[] = [
  { phrase: '喇叭播放政策提示N次', unit: '次', reports: 3, mentions: 4, example: { reportId: 7, text: '利用大喇叭播放政策提示180余次' } },
  { phrase: '审结N件', unit: '件', reports: 1, mentions: 1, example: { reportId: 8, text: '审结1,252件' } },
];
const reply = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });

beforeEach(() => {
  jest.spyOn(api, 'GET').mockImplementation((() => Promise.resolve(reply(PHRASES))) as never);
  jest.spyOn(api, 'PUT').mockImplementation((() => Promise.resolve(reply(METRICS[0]))) as never);
});
afterEach(() => jest.restoreAllMocks());

describe('the unclassified phrasings card', () => {
  it('suggests the phrase without its figure as the trigger word', () => {
    expect(suggestedTrigger(PHRASES[0])).toBe('喇叭播放政策提示');
    expect(suggestedTrigger({ phrase: '审结案件', unit: '件' })).toBe('审结案件');
  });

  it('adds the word, and the measure word only when the metric lacks it', () => {
    expect(addToDefinition(METRICS[0], '宣传栏', '块')).toEqual({ triggers: ['展板', '横幅', '宣传栏'] });
    expect(addToDefinition(METRICS[0], '广告牌', '面')).toEqual({ triggers: ['展板', '横幅', '广告牌'], measureWords: ['块', '幅', '面'] });
    expect(addToDefinition(METRICS[0], '展板', '块')).toEqual({ triggers: ['展板', '横幅'] });
  });

  it('lists the phrasings with their counts and example, and adds one to a metric’s definition', async () => {
    const onAdded = jest.fn();
    render(
      <MemoryRouter>
        <AntApp>
          <UnclassifiedCard metrics={METRICS} onAdded={onAdded} />
        </AntApp>
      </MemoryRouter>,
    );
    const card = await screen.findByTestId('unclassified-card');
    await waitFor(() => expect(within(card).getByText('喇叭播放政策提示N次')).toBeInTheDocument());
    expect(api.GET).toHaveBeenCalledWith('/api/metrics/unclassified', { params: { query: { limit: 50 } } });
    const example = within(card).getByText('利用大喇叭播放政策提示180余次');
    expect(example.closest('a')?.getAttribute('href')).toBe('/reports/7');
    const row = example.closest('tr') as HTMLElement;
    expect(row.textContent).toContain('3');

    await userEvent.click(within(row).getByText('加入指标定义'));
    const select = document.querySelector('[data-testid=unclassified-metric]') as HTMLElement;
    fireEvent.mouseDown(select.querySelector('.ant-select-selector, [role=combobox]') ?? select);
    await waitFor(() => expect(document.querySelector('.ant-select-item-option')).not.toBeNull());
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    expect(offered).toEqual(['展板/宣传画']);
    await userEvent.click(document.querySelector('.ant-select-item-option') as HTMLElement);
    const word = screen.getByLabelText('触发词') as HTMLInputElement;
    expect(word.value).toBe('喇叭播放政策提示');
    await userEvent.clear(word);
    await userEvent.type(word, '政策提示');
    await userEvent.click(screen.getByText(/^加\s*入$/));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(api.PUT).toHaveBeenCalledWith('/api/metrics/{key}', { params: { path: { key: 'propaganda.displays' } }, body: { triggers: ['展板', '横幅', '政策提示'], measureWords: ['块', '幅', '次'] } });
  });
});
