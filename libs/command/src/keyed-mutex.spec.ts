import { KeyedMutex } from './keyed-mutex';

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time, in order, and other keys alongside', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = (name: string) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      log.push(`start ${name}`);
      await new Promise((r) => setImmediate(r));
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([
      mutex.run('a', task('a1')),
      mutex.run('a', task('a2')),
      mutex.run('a', task('a3')),
    ]);
    expect(results).toEqual(['a1', 'a2', 'a3']);
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    expect(maxRunning).toBe(1);

    running = 0;
    maxRunning = 0;
    await Promise.all([mutex.run('x', task('x')), mutex.run('y', task('y'))]);
    expect(maxRunning).toBe(2);
  });

  it('goes on after a task fails, and forgets idle keys', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run('k', async () => 'next')).resolves.toBe('next');
    await new Promise((r) => setImmediate(r));
    expect(mutex.size).toBe(0);
  });
});
