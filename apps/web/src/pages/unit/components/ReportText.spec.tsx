import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ReportText, type TextMark } from './ReportText';

const TEXT = '支部坚持每月召开一次支委会。下半年共召开支委会６次、党员大会２次。开展主题党日活动６次。';
const mark = (id: string, phrase: string): TextMark => ({ id, start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length, state: 'unreviewed' });
const MARKS = [mark('m1', '召开支委会６次'), mark('m2', '党员大会２次'), mark('m3', '主题党日活动６次')];

function Harness({ onSelect }: { onSelect?: (r: { start: number; end: number }, text: string) => void }) {
  const [focus, setFocus] = useState<{ start: number; end: number; markId?: string } | null>(null);
  return (
    <>
      <button onClick={() => setFocus({ ...MARKS[2], markId: 'm3' })}>figure m3</button>
      <ReportText
        text={TEXT}
        marks={MARKS}
        focus={focus}
        onActivate={(id) => {
          const m = MARKS.find((x) => x.id === id)!;
          setFocus({ start: m.start, end: m.end, markId: id });
        }}
        onSelectText={onSelect}
      />
    </>
  );
}

beforeAll(() => {
  Element.prototype.scrollIntoView = jest.fn();
});

it('highlights every extracted figure', () => {
  render(<Harness />);
  const marks = screen.getByTestId('report-text').querySelectorAll('mark');
  expect([...marks].map((m) => m.textContent)).toEqual(['召开支委会６次', '党员大会２次', '主题党日活动６次']);
  expect(screen.getByTestId('report-text')).toHaveTextContent(TEXT);
});

it('clicking a figure lights up its whole sentence and scrolls it into view', () => {
  render(<Harness />);
  fireEvent.click(screen.getByText('党员大会２次'));
  const lit = [...document.querySelectorAll('.tc-sentence-active')].map((e) => e.textContent).join('');
  expect(lit).toBe('下半年共召开支委会６次、党员大会２次。');
  expect(screen.getByText('党员大会２次')).toHaveClass('tc-active');
  expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
});

it('a figure chosen elsewhere (the metric table) moves the light to its sentence', () => {
  render(<Harness />);
  fireEvent.click(screen.getByText('党员大会２次'));
  fireEvent.click(screen.getByText('figure m3'));
  const lit = [...document.querySelectorAll('.tc-sentence-active')].map((e) => e.textContent).join('');
  expect(lit).toBe('开展主题党日活动６次。');
});

it('reports a text selection as offsets for adding a missed number', () => {
  const onSelect = jest.fn();
  render(<Harness onSelect={onSelect} />);
  const run = screen.getByText('支部坚持每月召开一次支委会。', { exact: false });
  const range = document.createRange();
  range.setStart(run.firstChild!, 4);
  range.setEnd(run.firstChild!, 8);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  fireEvent.mouseUp(screen.getByTestId('report-text'));
  expect(onSelect).toHaveBeenCalledWith({ start: 4, end: 8 }, '每月召开');
});
