import '../test-setup';
import { act, render, screen } from '@testing-library/react';
import { prefetch, useApi } from './use-api';

function Show({ load, k }: { load: () => Promise<string>; k: string }) {
  const s = useApi(load, [], k);
  return <p>{s.loading ? 'loading' : s.error ? `error ${s.error.message}` : `data ${s.data}`}</p>;
}

it('a prefetch that has answered is the first render’s data: no loading state, no second request', async () => {
  await prefetch('k1', () => Promise.resolve('early'));
  const load = jest.fn(() => Promise.resolve('late'));
  render(<Show load={load} k="k1" />);
  expect(screen.getByText('data early')).toBeInTheDocument();
  await act(async () => undefined);
  expect(load).not.toHaveBeenCalled();
});

it('a prefetch still on its way is handed over instead of asking again', async () => {
  let resolve!: (v: string) => void;
  void prefetch('k2', () => new Promise<string>((r) => (resolve = r)));
  const load = jest.fn(() => Promise.resolve('late'));
  render(<Show load={load} k="k2" />);
  expect(screen.getByText('loading')).toBeInTheDocument();
  await act(async () => resolve('early'));
  expect(screen.getByText('data early')).toBeInTheDocument();
  expect(load).not.toHaveBeenCalled();
});

it('a failed prefetch is the first render’s error; later renders load for themselves', async () => {
  await prefetch('k3', () => Promise.reject(new Error('boom')));
  const load = jest.fn(() => Promise.resolve('fresh'));
  const { unmount } = render(<Show load={load} k="k3" />);
  expect(screen.getByText('error boom')).toBeInTheDocument();
  unmount();
  render(<Show load={load} k="k3" />);
  expect(await screen.findByText('data fresh')).toBeInTheDocument();
  expect(load).toHaveBeenCalledTimes(1);
});
