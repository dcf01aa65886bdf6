import { settledWithin, withTimeout } from './deadline';

describe('withTimeout', () => {
  it('settles like the work when it finishes in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1000, () => new Error('late'))).resolves.toBe(7);
    await expect(
      withTimeout(Promise.reject(new Error('boom')), 1000, () => new Error('late')),
    ).rejects.toThrow('boom');
  });

  it('rejects with the given error when the work never finishes', async () => {
    await expect(withTimeout(new Promise(() => undefined), 5, () => new Error('late'))).rejects.toThrow(
      'late',
    );
  });
});

describe('settledWithin', () => {
  it('tells whether the work settled before the deadline, and never rejects', async () => {
    await expect(settledWithin(Promise.reject(new Error('boom')), 1000)).resolves.toBe(true);
    await expect(settledWithin(new Promise(() => undefined), 5)).resolves.toBe(false);
  });
});
