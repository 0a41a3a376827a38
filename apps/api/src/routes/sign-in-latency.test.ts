/**
 * Sign-ins do not stall everyone else: a password hash (scrypt, ~60 ms of one core here, more when
 * the machine is busy) runs off the thread that answers requests, so while 20 people sign in at
 * once a dashboard request is answered about as fast as without them.
 *
 * How this is judged on a busy 2-core machine shared with other work: an absolute "under 50 ms"
 * could fail for reasons that have nothing to do with sign-ins, so the same number of dashboard
 * requests is also timed right afterwards, without sign-ins, in the same test. The dashboard is
 * asked again and again for as long as the sign-ins last; 95% of those answers must come within
 * 50 ms of the time 95% of the baseline's answers beat (the slowest one alone is decided by
 * whichever other process the machine ran just then). Hashing on the request thread fails this by
 * far: each sign-in then blocks every request for a whole hash and 20 of them arrive together, so
 * the dashboard is answered once or twice in all, after seconds.
 */
import { DEMO_PASSWORD } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

// One test, which only reads (the dashboard) and signs in: the sessions it makes are used by nothing.
let demo: ReturnType<typeof demoDatabase>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let viewer: Record<string, string>;
beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db);
  viewer = await loginAs(server.url, 'lanhdao');
});
afterAll(async () => {
  await server.close();
  demo.db.$client.close();
});

async function timedDashboard(): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/terms/${demo.termId}/dashboard`, { headers: viewer });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return performance.now() - started;
}

/** The time 95% of the answers beat: one scheduling hiccup of a shared machine does not decide. */
const p95 = (times: number[]) =>
  [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? Number.POSITIVE_INFINITY;

const signIn = async () => {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'xem.phanthiet', password: DEMO_PASSWORD }),
  });
  return res.status;
};

describe('sign-ins and the rest of the server', () => {
  it('a dashboard request stays within 50 ms of its usual time while 20 people sign in at once', async () => {
    // Warm up: compiled code, prepared statements, the first hash.
    for (let i = 0; i < 5; i++) await timedDashboard();
    expect(await signIn()).toBe(200);

    let pending = 20;
    const signIns = Array.from({ length: 20 }, () =>
      signIn().then((status) => {
        pending--;
        return status;
      }),
    );
    const during: number[] = [];
    while (pending > 0) during.push(await timedDashboard());
    expect(await Promise.all(signIns)).toEqual(Array(20).fill(200));

    const baseline: number[] = [];
    while (baseline.length < during.length) baseline.push(await timedDashboard());

    // The requests really ran beside the sign-ins (hashing on the request thread allows one or two).
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(p95(during)).toBeLessThan(p95(baseline) + 50);
    // 20 hashes one after another on a busy machine, and the dashboard asked all the while.
  }, 120_000);
});
