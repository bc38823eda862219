// The report's plain text with every extracted number highlighted. Clicking a highlight (or a
// figure in the metric table, through `activeId`) lights up its sentence and scrolls it into
// view. With `onSelectText`, selecting a phrase offers to add a number the extractor missed.
import { useEffect, useMemo, useRef } from 'react';
import { offsetsFromSelection, segmentText, sentenceAround, type Mark } from '../highlight';

export interface TextMark extends Mark {
  state?: string;
  title?: string;
}

interface Props {
  text: string;
  marks: readonly TextMark[];
  /** The range to light up (its whole sentence), and the highlighted figure it came from. */
  focus: { start: number; end: number; markId?: string } | null;
  onActivate(id: string): void;
  onSelectText?(range: { start: number; end: number }, text: string): void;
}

export function ReportText({ text, marks, focus, onActivate, onSelectText }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(marks.map((m) => [m.id, m])), [marks]);
  const activeId = focus?.markId ?? null;
  const fs = focus?.start;
  const fe = focus?.end;
  const sentence = useMemo(() => (fs !== undefined && fe !== undefined ? sentenceAround(text, fs, fe) : null), [text, fs, fe]);
  const segments = useMemo(() => segmentText(text, marks, sentence), [text, marks, sentence]);

  useEffect(() => {
    if (!sentence || !box.current) return;
    const el = box.current.querySelector('.tc-sentence-active');
    if (el && 'scrollIntoView' in el) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [sentence]);

  const onMouseUp = () => {
    if (!onSelectText || !box.current) return;
    const sel = window.getSelection();
    if (!sel) return;
    const r = offsetsFromSelection(box.current, sel);
    if (r) onSelectText(r, text.slice(r.start, r.end));
  };

  return (
    <div className="tc-report-text" ref={box} onMouseUp={onMouseUp} data-testid="report-text">
      {segments.map((s) => {
        const cls = s.active ? 'tc-sentence-active' : undefined;
        if (!s.markId)
          return (
            <span key={s.start} data-start={s.start} className={cls}>
              {s.text}
            </span>
          );
        const m = byId.get(s.markId)!;
        return (
          <mark
            key={s.start}
            data-start={s.start}
            data-mention={m.id}
            data-state={m.state}
            title={m.title}
            className={`tc-mention${cls ? ' ' + cls : ''}${m.id === activeId ? ' tc-active' : ''}`}
            onClick={() => onActivate(m.id)}
          >
            {s.text}
          </mark>
        );
      })}
    </div>
  );
}
