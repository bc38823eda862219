import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import { ApiError } from '../api/client';
import { usePolling } from './use-polling';

type Status = { status: string; error?: string };

function Follow({ load, onDone }: { load: () => Promise<Status>; onDone?: (s: Status) => void }) {
  const p = usePolling(load, (s) => {
    const done = s.status === 'extracted' || s.status === 'failed';
    if (done) onDone?.(s);
    return done;
  }, ['r1'], 1000, 4000);
  return (
    <div>
      <span data-testid="status">{p.value?.status ?? 'none'}</span>
      <span data-testid="polling">{String(p.polling)}</span>
      <span data-testid="error">{p.error?.message ?? ''}</span>
    </div>
  );
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

it('follows a report from queued through processing to extracted, then stops', async () => {
  const answers: Status[] = [{ status: 'queued' }, { status: 'processing' }, { status: 'extracted' }];
  const load = jest.fn(async () => answers.shift() ?? { status: 'extracted' });
  const onDone = jest.fn();
  render(<Follow load={load} onDone={onDone} />);
  await advance(0);
  expect(screen.getByTestId('status')).toHaveTextContent('queued');
  await advance(1000);
  expect(screen.getByTestId('status')).toHaveTextContent('processing');
  await advance(1500);
  expect(screen.getByTestId('status')).toHaveTextContent('extracted');
  expect(screen.getByTestId('polling')).toHaveTextContent('false');
  expect(onDone).toHaveBeenCalledWith({ status: 'extracted' });
  await advance(20_000);
  expect(load).toHaveBeenCalledTimes(3);
});

it('stops on failed and keeps the reason', async () => {
  const load = jest.fn(async () => ({ status: 'failed', error: '文件已加密' }));
  render(<Follow load={load} />);
  await advance(0);
  expect(screen.getByTestId('status')).toHaveTextContent('failed');
  expect(screen.getByTestId('polling')).toHaveTextContent('false');
});

it('keeps polling through a network blip, slowing down, and recovers', async () => {
  let n = 0;
  const load = jest.fn(async () => {
    n++;
    if (n === 1) throw new ApiError(0, '无法连接服务器');
    return { status: n >= 3 ? 'extracted' : 'processing' };
  });
  render(<Follow load={load} />);
  await advance(0);
  expect(screen.getByTestId('error')).toHaveTextContent('无法连接服务器');
  expect(screen.getByTestId('polling')).toHaveTextContent('true');
  await advance(1000);
  expect(screen.getByTestId('status')).toHaveTextContent('processing');
  expect(screen.getByTestId('error')).toHaveTextContent('');
  await advance(1500);
  expect(screen.getByTestId('status')).toHaveTextContent('extracted');
});

it('gives up on 404 (gone or out of scope)', async () => {
  const load = jest.fn(async (): Promise<Status> => {
    throw new ApiError(404, '不存在');
  });
  render(<Follow load={load} />);
  await advance(0);
  await advance(10_000);
  expect(load).toHaveBeenCalledTimes(1);
  expect(screen.getByTestId('polling')).toHaveTextContent('false');
});
