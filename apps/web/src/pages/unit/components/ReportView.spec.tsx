import '../../../test-setup';
import { App as AntApp } from 'antd';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Mention, ReportDetail } from '../../../hooks/queries';
import { ReportView } from './ReportView';
import { userEvent } from '../../../test-user';

jest.setTimeout(60_000);

const TEXT = '下半年共组织集中学习２２次，其中专题学习５次。开展主题党日活动６次。召开支委会３次。利用大喇叭播放政策提示１８０次。';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
const m = (id: string, key: string | null, value: number, phrase: string, extra: Partial<Mention> = {}): Mention => ({
  id,
  reportId: 9,
  key,
  unclassified: key === null,
  phrase: null,
  value,
  approx: false,
  unit: '次',
  subset: false,
  evidence: at(phrase),
  origin: 'auto',
  state: 'unreviewed',
  ...extra,
});

const REPORT: ReportDetail = {
  id: 9,
  unitCode: 'school-1',
  unitName: '一中党总支',
  periodCode: '2026-H1',
  version: 1,
  latest: true,
  status: 'extracted',
  submittedAt: '2026-07-01T00:00:00Z',
  late: false,
  originalName: 'r.docx',
  format: 'docx',
  sizeBytes: 100,
  placeholderCount: 0,
  text: TEXT,
  problems: [],
  plans: [],
  placeholders: [],
  cadences: [],
  versions: [],
};

let mentions: Mention[];
const metric = (key: string, name: string, enabled = true) => ({ key, name, category: key.split('.')[0], enabled });
// The api's catalogue: the defaults this report uses, a metric an administrator added, and one switched off.
let catalogue: ReturnType<typeof metric>[];
const reply = (data: unknown) => ({ data, response: { ok: true, status: 200 } as Response });

beforeEach(() => {
  catalogue = [metric('study.sessions', '集中学习'), metric('study.theme_day', '主题党日'), metric('org.committee_meeting', '支委会'), metric('org.clean_talks', '廉政谈话'), metric('org.retired', '停用指标', false)];
  mentions = [
    m('1', 'study.sessions', 22, '组织集中学习２２次'),
    m('2', 'study.sessions', 5, '专题学习５次', { subset: true }),
    m('3', 'study.theme_day', 6, '开展主题党日活动６次'),
    m('4', 'org.committee_meeting', 3, '召开支委会３次'),
    m('5', null, 180, '利用大喇叭播放政策提示１８０次', { phrase: '喇叭播放政策提示N次' }),
  ];
  // Like the api: a dismissed unclassified count is no longer listed.
  const listed = () => mentions.filter((x) => !(x.key === null && x.state === 'rejected')).map((x) => ({ ...x, unclassified: x.key === null }));
  jest.spyOn(api, 'GET').mockImplementation(((path: string) => Promise.resolve(reply(path === '/api/metrics' ? catalogue : listed()))) as never);
  jest.spyOn(api, 'POST').mockImplementation((() => Promise.resolve(reply({}))) as never);
  jest.spyOn(api, 'PATCH').mockImplementation(((_path: string, init: { params: { path: { id: string } }; body: { state: Mention['state']; value?: number; key?: string } }) => {
    const x = mentions.find((y) => y.id === init.params.path.id)!;
    x.state = init.body.state;
    if (init.body.key !== undefined) x.key = init.body.key;
    if (init.body.value !== undefined) {
      x.originalValue = x.value;
      x.value = init.body.value;
    }
    return Promise.resolve(reply(x));
  }) as never);
});
afterEach(() => jest.restoreAllMocks());

const total = (key: string) => document.querySelector(`[data-testid=totals] tr[data-metric="${key}"] [data-testid=total-value]`)?.textContent;

function renderView(canReview = true) {
  return render(
    <MemoryRouter>
      <AntApp>
        <ReportView report={REPORT} canReview={canReview} />
      </AntApp>
    </MemoryRouter>,
  );
}

it('totals follow the review rules: a 其中 subset of the same key is not added twice', async () => {
  renderView();
  await waitFor(() => expect(total('study.sessions')).toBe('22'));
  expect(total('study.theme_day')).toBe('6');
  expect(document.querySelectorAll('[data-testid=report-text] mark')).toHaveLength(5);
});

describe('未归类: counts no metric took', () => {
  const unclassifiedRow = () => document.querySelector('[data-mention-row="5"]') as HTMLElement | null;

  it('are listed as 未归类 with their phrase, outside every total, with what to do next', async () => {
    renderView();
    await waitFor(() => expect(total('study.sessions')).toBe('22'));
    const row = unclassifiedRow() as HTMLElement;
    expect(within(row).getByTestId('unclassified-tag').textContent).toBe('未归类');
    expect(row.textContent).toContain('喇叭播放政策提示N次');
    expect(row.textContent).toContain('180次');
    expect(document.querySelectorAll('[data-testid=totals] tr[data-metric]')).toHaveLength(3);
    expect(document.querySelector('[data-testid=totals]')?.textContent).not.toContain('180');
    expect(screen.getByTestId('unclassified-alert').textContent).toMatch(/有 1 个数字未归类.*归类.*忽略/);
    // no confirm for a count without a metric: assign or dismiss
    expect(within(row).queryByText(/^确\s*认$/)).toBeNull();
  });

  it('assigning a metric makes it count', async () => {
    renderView();
    await waitFor(() => expect(unclassifiedRow()).not.toBeNull());
    await userEvent.click(within(unclassifiedRow() as HTMLElement).getByText(/^归\s*类$/));
    const offered = await openSelect('assign-metric');
    expect(offered).toEqual(expect.arrayContaining(['主题党日', '集中学习', '廉政谈话']));
    expect(offered).not.toContain('停用指标');
    await userEvent.click([...document.querySelectorAll('.ant-select-item-option')].find((o) => o.textContent === '廉政谈话') as HTMLElement);
    await userEvent.click(screen.getByText('保存归类'));
    await waitFor(() => expect(total('org.clean_talks')).toBe('180'));
    expect(api.PATCH).toHaveBeenCalledWith('/api/mentions/{id}', { params: { path: { id: '5' } }, body: { state: 'corrected', key: 'org.clean_talks' } });
    expect(screen.queryByTestId('unclassified-alert')).toBeNull();
  });

  it('dismissing it removes it', async () => {
    renderView();
    await waitFor(() => expect(unclassifiedRow()).not.toBeNull());
    await userEvent.click(within(unclassifiedRow() as HTMLElement).getByText(/^忽\s*略$/));
    await waitFor(() => expect(unclassifiedRow()).toBeNull());
    expect(api.PATCH).toHaveBeenCalledWith('/api/mentions/{id}', { params: { path: { id: '5' } }, body: { state: 'rejected' } });
    expect(screen.queryByTestId('unclassified-alert')).toBeNull();
  });

  it('a reader without review rights sees them but no buttons', async () => {
    renderView(false);
    await waitFor(() => expect(unclassifiedRow()).not.toBeNull());
    expect(within(unclassifiedRow() as HTMLElement).queryByText(/^归\s*类$/)).toBeNull();
    expect(screen.getByTestId('unclassified-alert').textContent).not.toContain('忽略');
  });
});

it('correcting a figure changes its total; rejecting one removes it', async () => {
  // Buttons by their text, not getByRole: computing every button's accessible name in this antd
  // tree took ~6 s per query in jsdom (the test ran close to its timeout under CI load).
  renderView();
  await waitFor(() => expect(total('study.sessions')).toBe('22'));
  const row = document.querySelector('[data-mention-row="1"]') as HTMLElement;
  await userEvent.click(within(row).getByText(/^更\s*正$/));
  const input = await screen.findByLabelText('正确数值');
  await userEvent.clear(input);
  await userEvent.type(input, '24');
  await userEvent.click(screen.getByText('保存更正'));
  await waitFor(() => expect(total('study.sessions')).toBe('24'));
  expect(api.PATCH).toHaveBeenCalledWith('/api/mentions/{id}', { params: { path: { id: '1' } }, body: { state: 'corrected', value: 24 } });

  const theme = document.querySelector('[data-mention-row="3"]') as HTMLElement;
  await userEvent.click(within(theme).getByText(/^驳\s*回$/));
  await waitFor(() => expect(total('study.theme_day')).toBeUndefined());
});

it('驳回 says so and offers undo, which puts the figure back as it was (#16.5)', async () => {
  renderView();
  await waitFor(() => expect(total('study.theme_day')).toBe('6'));
  const theme = document.querySelector('[data-mention-row="3"]') as HTMLElement;
  await userEvent.click(within(theme).getByText(/^驳\s*回$/));
  await waitFor(() => expect(total('study.theme_day')).toBeUndefined());
  expect(await screen.findByTestId('reject-message')).toHaveTextContent('已驳回');
  await userEvent.click(screen.getByTestId('reject-undo'));
  await waitFor(() => expect(total('study.theme_day')).toBe('6'));
  expect(api.PATCH).toHaveBeenLastCalledWith('/api/mentions/{id}', { params: { path: { id: '3' } }, body: { state: 'unreviewed' } });
});

it('clicking a figure in the table lights up its sentence in the text', async () => {
  renderView(false);
  await waitFor(() => expect(total('org.committee_meeting')).toBe('3'));
  expect(screen.queryByRole('button', { name: /更\s*正/ })).toBeNull();
  fireEvent.click(screen.getAllByTestId('figure-evidence').find((e) => e.textContent === '召开支委会３次')!);
  const lit = [...document.querySelectorAll('.tc-sentence-active')].map((e) => e.textContent).join('');
  expect(lit).toBe('召开支委会３次。');
});

/** Opens an antd Select and returns the labels it offers. */
async function openSelect(testId: string): Promise<string[]> {
  const select = document.querySelector(`[data-testid=${testId}]`) as HTMLElement;
  fireEvent.mouseDown(select.querySelector('.ant-select-selector, [role=combobox]') ?? select);
  await waitFor(() => expect(document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')).not.toBeNull());
  const open = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].pop() as HTMLElement;
  return [...open.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title') ?? o.textContent ?? '');
}

it('corrects a figure to a metric an administrator added: the choices are the catalogue’s enabled metrics', async () => {
  renderView();
  await waitFor(() => expect(total('study.sessions')).toBe('22'));
  const row = document.querySelector('[data-mention-row="3"]') as HTMLElement;
  await userEvent.click(within(row).getByText(/^更\s*正$/));
  const offered = await openSelect('correct-metric');
  expect(offered).toEqual(expect.arrayContaining(['主题党日', '集中学习', '支委会', '廉政谈话']));
  expect(offered).not.toContain('停用指标');
  await userEvent.click([...document.querySelectorAll('.ant-select-item-option')].find((o) => o.textContent === '廉政谈话') as HTMLElement);
  await userEvent.click(screen.getByText('保存更正'));
  await waitFor(() => expect(total('org.clean_talks')).toBe('6'));
  expect(api.PATCH).toHaveBeenCalledWith('/api/mentions/{id}', { params: { path: { id: '3' } }, body: { state: 'corrected', key: 'org.clean_talks' } });
  // its name comes from the catalogue
  expect(document.querySelector('[data-testid=totals] tr[data-metric="org.clean_talks"]')?.textContent).toContain('廉政谈话');
});

it('adds a missed figure under a metric an administrator added', async () => {
  renderView();
  await waitFor(() => expect(total('study.sessions')).toBe('22'));
  const run = [...document.querySelectorAll('[data-testid=report-text] span')].find((e) => e.textContent?.includes('。召开')) ?? document.querySelector('[data-testid=report-text] span:last-of-type');
  const node = (run as HTMLElement).firstChild as Text;
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, 1);
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(range);
  fireEvent.mouseUp(screen.getByTestId('report-text'));
  expect(await screen.findByText('补录遗漏的数字')).toBeInTheDocument();
  const offered = await openSelect('add-metric');
  expect(offered).toContain('廉政谈话');
  expect(offered).not.toContain('停用指标');
  await userEvent.click([...document.querySelectorAll('.ant-select-item-option')].find((o) => o.textContent === '廉政谈话') as HTMLElement);
  // by selector, not getByRole: role queries over this antd tree are slow in jsdom (see above)
  await userEvent.type(document.querySelector('.ant-modal input.ant-input-number-input') as HTMLElement, '2');
  await userEvent.click(screen.getByText(/^补\s*录$/));
  await waitFor(() => expect(api.POST).toHaveBeenCalledWith('/api/reports/{id}/mentions', expect.objectContaining({ body: expect.objectContaining({ key: 'org.clean_talks', value: 2 }) })));
});
