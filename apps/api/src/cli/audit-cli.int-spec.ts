/** The audit CLI on a store with one event row that no longer parses: one clear line, a non-zero exit. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chain, GENESIS_HASH } from '@portal/command';
import { newEventId, SqliteEventStore } from '@portal/event-store';
import { main } from './audit-cli';

describe('audit CLI and an unreadable event row', () => {
  let dir: string;
  let brokenId: string;
  const streamId = `account-${randomUUID()}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const metadata = {
      correlationId: 'c',
      actor: { kind: 'system' as const, component: 'test' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    };
    const events = [0, 1, 2].map((n) => ({ id: newEventId(), type: 'Noted', data: { n }, metadata }));
    await store.append(streamId, chain(events, GENESIS_HASH), 'no_stream');
    await store.append(
      `account-${randomUUID()}`,
      chain([{ id: newEventId(), type: 'Noted', data: { n: 9 }, metadata }], GENESIS_HASH),
      'no_stream',
    );
    await store.close();
    brokenId = events[1].id;
    const db = new Database(join(dir, 'events.sqlite'));
    db.prepare(`UPDATE events SET metadata = 'not json' WHERE event_id = ?`).run(brokenId);
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    try {
      const code = await main(argv, { DATA_DIR: dir, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
      return { code, stdout: out.join(''), stderr: err.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }

  it('export marks the row, writes every other event, and ends with one line naming it (exit 3)', async () => {
    const r = await run('export');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[1])).toMatchObject({
      streamId,
      revision: '1',
      id: brokenId,
      unreadable: 'its metadata is not valid JSON',
    });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      new RegExp(`^audit: EVENT_UNREADABLE: 1 event\\(s\\) .*${brokenId} at ${streamId} revision 1`),
    );
    expect(r.stderr).not.toMatch(/SyntaxError/);
  });

  it('verify names it as a broken link and checks the rest (exit 1)', async () => {
    const r = await run('verify');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`broken: ${streamId} revision 1 event ${brokenId}: unreadable`);
    expect(r.stdout).toContain('1 stream(s) broken of 2 stream(s)');
  });
});
