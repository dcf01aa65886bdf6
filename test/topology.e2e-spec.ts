/**
 * The production topology as separate processes (issue 19): 2 API processes, 1
 * projector and 1 worker, each its own `node dist/apps/<role>/src/main.js` (the code
 * compiled with the project's swc settings into a temporary directory), on the
 * embedded event store and read models in one shared DATA_DIR and on Redis for the
 * jobs (a queue prefix of this run's own). A second projector is started too: the
 * lease keeps it on standby. Under a small load of registrations and logins, the
 * active projector is killed with -9 (the standby takes over; the killed one comes
 * back as standby), then the worker (restarted). Afterwards every email expected is
 * in the outbox exactly once, and the read models equal a full replay (the
 * read-models CLI's compare). Loops are bounded; nothing asserts a duration.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { NONMEMBER_FORM, PASSWORD } from './support/forms';
import { eventually, Outbox } from './support/outbox';
import { redisUrl, requireRedis } from './support/redis';
import {
  baseEnv,
  type Build,
  buildService,
  ROOT,
  type ServiceProcess,
  spawnService,
  waitUntilReady,
} from './support/service-process';

jest.setTimeout(300_000);

type Role = 'api' | 'projector' | 'worker';

interface Proc extends ServiceProcess {
  role: Role;
}

describe('the production topology as separate processes', () => {
  let build: Build;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const prefix = `topology-${randomBytes(4).toString('hex')}`;
  const running = new Set<Proc>();

  async function start(role: Role): Promise<Proc> {
    const proc: Proc = { ...(await spawnService({ script: build.entry(role), env })), role };
    running.add(proc);
    await waitUntilReady(proc, 60_000, `the ${role} process`);
    return proc;
  }

  async function readiness(
    proc: Proc,
  ): Promise<{ checks: Record<string, Record<string, unknown>> } | undefined> {
    const res = await fetch(`${proc.base}/health/ready`).catch(() => undefined);
    return res?.ok ? ((await res.json()) as { checks: Record<string, Record<string, unknown>> }) : undefined;
  }

  const leaseState = async (proc: Proc) => (await readiness(proc))?.checks.lease?.state;

  async function kill9(proc: Proc): Promise<void> {
    await proc.kill();
    running.delete(proc);
  }

  async function stop(proc: Proc): Promise<void> {
    await proc.stop();
    running.delete(proc);
  }

  beforeAll(async () => {
    await requireRedis();
    build = await buildService();
    dataDir = mkdtempSync(join(tmpdir(), 'portal-topology-'));
    // The whole environment of every process here, the read-models CLI's too.
    env = { ...baseEnv(), DATA_DIR: dataDir, REDIS_URL: redisUrl(), JOBS_PREFIX: prefix };
  });

  afterAll(async () => {
    for (const proc of [...running]) await stop(proc);
    // This run's queue keys only.
    const redis = new Redis(redisUrl());
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses and duplicates nothing when the projector and then the worker are killed with -9 under load', async () => {
    const projector = await start('projector');
    expect(await leaseState(projector)).toBe('active');
    const apis = [await start('api'), await start('api')];
    let worker = await start('worker');
    const standby = await start('projector');
    expect(await leaseState(standby)).toBe('standby');
    const standbyReady = await readiness(standby);
    expect(standbyReady!.checks.projector).toEqual({ ok: true, state: 'standby' });
    expect(standbyReady!.checks.deliveryReactor).toEqual({ ok: true, state: 'standby' });

    const mail = new Outbox(dataDir);
    const users: string[] = [];
    /** One member: registers on one API process, logs in (an emailed code) on the other. */
    const member = async (i: number) => {
      const username = `topo${i}${prefix.slice(-4)}`;
      const email = `${username}@example.com`;
      const [a, b] = i % 2 === 0 ? apis : [apis[1], apis[0]];
      const registered = await fetch(`${a.base}/v1/registrations/nonmember`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...NONMEMBER_FORM, username, email }),
      });
      expect(registered.status).toBe(201);
      const login = await fetch(`${b.base}/v1/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      users.push(email);
    };
    const wave = (from: number, count: number) =>
      Promise.all(Array.from({ length: count }, (_, k) => member(from + k)));

    // Registration sends no email; the login's code does: one per member.
    await wave(0, 1);
    await mail.code(users[0]);

    // Load, then the active projector killed mid-load: the standby takes over.
    const load1 = wave(1, 8);
    await kill9(projector);
    await load1;
    await eventually(
      async () => ((await leaseState(standby)) === 'active' ? true : undefined),
      60_000,
      'the standby to take over',
    );
    const restarted = await start('projector');
    expect(await leaseState(restarted)).toBe('standby');
    await wave(9, 6);

    // The worker killed mid-load, then restarted.
    const load2 = wave(15, 8);
    await kill9(worker);
    await load2;
    worker = await start('worker');
    await wave(23, 4);

    // Every member gets their code email, and, once the queue is empty, exactly once.
    await eventually(
      () => {
        const emails = mail.emails();
        return users.every((u) => emails.some((e) => e.to === u)) ? true : undefined;
      },
      180_000,
      'every member’s code email',
    );
    const redis = new Redis(redisUrl());
    try {
      // The queue lives under this run's prefix (so the emptiness below is that of the right keys).
      let queueKeys = 0;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:email:*`, 'COUNT', 1000);
        queueKeys += keys.length;
        cursor = next;
      } while (cursor !== '0');
      expect(queueKeys).toBeGreaterThan(0);
      await eventually(
        async () => {
          const waiting = await redis.llen(`${prefix}:email:wait`);
          const active = await redis.llen(`${prefix}:email:active`);
          const delayed = await redis.zcard(`${prefix}:email:delayed`);
          return waiting + active + delayed === 0 ? true : undefined;
        },
        120_000,
        'the email queue to be empty',
      );
    } finally {
      redis.disconnect();
    }
    expect(users).toHaveLength(27);
    const emails = mail.emails();
    for (const u of users) {
      const theirs = emails.filter((e) => e.to === u);
      expect(theirs).toHaveLength(1);
      expect(theirs[0].text).toMatch(/verification code is \d{6}/);
    }

    // The read models equal a full replay, once the active projector has caught up.
    const compare = () =>
      spawnSync(
        process.execPath,
        [join(build.dir, 'apps', 'projector', 'src', 'read-models-cli.js'), 'compare'],
        {
          cwd: ROOT,
          env,
          encoding: 'utf8',
        },
      );
    const report = await eventually(
      async () => {
        const run = compare();
        if (run.status === 0) return JSON.parse(run.stdout) as { differences: unknown[]; compared: number };
        if (run.status !== 1) throw new Error(`compare failed: ${run.stderr}`);
        await new Promise((r) => setTimeout(r, 1000));
        return undefined;
      },
      60_000,
      'the read models to equal a replay',
    );
    expect(report.differences).toEqual([]);
    expect(report.compared).toBeGreaterThan(0);
    expect(worker.child.exitCode).toBeNull();
  });
});
