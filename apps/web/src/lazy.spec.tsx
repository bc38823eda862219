import './test-setup';
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { lazyComponent, useLoadedComponent } from './lazy';

const Hello = ({ name }: { name: string }) => <p>hello {name}</p>;

it('renders a preloaded component without suspending', async () => {
  const C = lazyComponent(() => Promise.resolve({ default: Hello }));
  await C.preload();
  expect(C.loaded).toBe(true);
  render(
    <Suspense fallback={<p>loading</p>}>
      <C name="a" />
    </Suspense>,
  );
  // synchronously there: no fallback was shown
  expect(screen.getByText('hello a')).toBeInTheDocument();
  expect(screen.queryByText('loading')).toBeNull();
});

it('suspends while the module loads, and loads it once', async () => {
  let resolve!: (m: { default: typeof Hello }) => void;
  const load = jest.fn(() => new Promise<{ default: typeof Hello }>((r) => (resolve = r)));
  const C = lazyComponent(load);
  render(
    <Suspense fallback={<p>loading</p>}>
      <C name="b" />
    </Suspense>,
  );
  expect(screen.getByText('loading')).toBeInTheDocument();
  void C.preload();
  await act(async () => resolve({ default: Hello }));
  expect(await screen.findByText('hello b')).toBeInTheDocument();
  expect(load).toHaveBeenCalledTimes(1);
});

it('useLoadedComponent: null until loaded, then the component (no Suspense)', async () => {
  let resolve!: (m: { default: typeof Hello }) => void;
  const C = lazyComponent(() => new Promise<{ default: typeof Hello }>((r) => (resolve = r)));
  function Host() {
    const T = useLoadedComponent(C);
    return T ? <T name="c" /> : <p>placeholder</p>;
  }
  render(<Host />);
  expect(screen.getByText('placeholder')).toBeInTheDocument();
  await act(async () => resolve({ default: Hello }));
  expect(await screen.findByText('hello c')).toBeInTheDocument();
});
