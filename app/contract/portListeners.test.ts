import { describe, expect, it, vi } from 'vitest';
import { createPortListeners } from './portListeners';

describe('createPortListeners', () => {
  it('delivers to every receiver until one unregisters', () => {
    const p = createPortListeners<number>();
    const a = vi.fn();
    const b = vi.fn();
    const offA = p.onMessage(a);
    p.onMessage(b);
    p.deliver(1);
    offA();
    p.deliver(2);
    expect(a.mock.calls).toEqual([[1]]);
    expect(b.mock.calls).toEqual([[1], [2]]);
  });

  it('closes once, in registration order, and stops delivering', () => {
    const p = createPortListeners<number>();
    const order: string[] = [];
    const received = vi.fn();
    p.onMessage(received);
    p.onClose(() => order.push('first'));
    const offSecond = p.onClose(() => order.push('unregistered'));
    p.onClose(() => order.push('third'));
    offSecond();
    expect(p.close()).toBe(true);
    expect(p.close()).toBe(false);
    p.deliver(1);
    expect(order).toEqual(['first', 'third']);
    expect(received).not.toHaveBeenCalled();
    expect(p.closed).toBe(true);
  });

  it('tells a late close listener on the next microtask', async () => {
    const p = createPortListeners<number>();
    p.close();
    const late = vi.fn();
    p.onClose(late);
    expect(late).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(late).toHaveBeenCalledOnce();
  });
});
