// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLiveValue } from './use-live-value';

let container: HTMLDivElement;
let root: Root;
let change: (value: number) => void = () => undefined;
const saves: { value: number; done: () => void; fail: () => void }[] = [];

function Slider({ saved }: { saved: number }) {
  const [value, setValue] = useLiveValue(saved, (next) => new Promise<void>((resolve, reject) => saves.push({ value: next, done: resolve, fail: () => reject(new Error('not saved')) })));
  change = setValue;
  return <output>{value}</output>;
}
const shown = () => Number(container.querySelector('output')?.textContent);
const render = (saved: number) => act(async () => root.render(<Slider saved={saved} />));
const settle = (index: number) => act(async () => saves[index]?.done());

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  saves.length = 0;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe('useLiveValue', () => {
  it('keeps a quick second press when the saved value answers late with the first one', async () => {
    await render(15);
    await act(async () => change(16));
    await settle(0);
    // Between two presses the setting's query answers with what it read before the save.
    await render(15);
    expect(shown()).toBe(16);
    await act(async () => change(17));
    await settle(1);
    await render(16);
    expect(shown()).toBe(17);
    await render(17);
    expect(shown()).toBe(17);
  });

  it('saves one at a time with only the latest waiting, and follows a change made elsewhere', async () => {
    await render(15);
    await act(async () => change(16));
    await act(async () => change(17));
    await act(async () => change(18));
    expect(saves.map((s) => s.value)).toEqual([16]);
    await settle(0);
    expect(saves.map((s) => s.value)).toEqual([16, 18]);
    await render(18);
    await settle(1);
    expect(shown()).toBe(18);
    // View → Zoom In, or another window: the saved value moves on its own.
    await render(20);
    expect(shown()).toBe(20);
  });

  it('follows a change made elsewhere before its own save shows, and a failed save waits for nothing', async () => {
    await render(15);
    await act(async () => change(16));
    await settle(0);
    await render(22);
    expect(shown()).toBe(22);
    await act(async () => change(23));
    await act(async () => saves[1]?.fail());
    await render(21);
    expect(shown()).toBe(21);
  });
});
