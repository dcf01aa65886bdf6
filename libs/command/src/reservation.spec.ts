import { CLAIM_TTL_MS, type ReservationEvent, reservationDecider } from './reservation';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const claimed = (accountId: string, at?: number, claim?: string): ReservationEvent => ({
  type: 'ReservationClaimed',
  data: { accountId, ...(at === undefined ? {} : { at }), ...(claim ? { claim } : {}) },
});
const state = (...events: ReservationEvent[]) =>
  events.reduce(reservationDecider.evolve, reservationDecider.initialState());
const claim = (accountId: string, now: number, holderStands = false) =>
  reservationDecider.decide(
    { type: 'Claim', kind: 'username', accountId, now, holderStands },
    state(claimed('a', T0)),
  );

describe('reservation rules', () => {
  it('a claim no account stands behind is taken until it is CLAIM_TTL_MS old, then anyone may take it', () => {
    expect(claim('b', T0 + CLAIM_TTL_MS - 1).rejection).toMatchObject({ code: 'USERNAME_TAKEN' });
    const later = claim('b', T0 + CLAIM_TTL_MS);
    expect(later.rejection).toBeUndefined();
    expect(later.events).toEqual([claimed('b', T0 + CLAIM_TTL_MS)]);
  });

  it('a claim its account stands behind is never taken, however old', () => {
    expect(claim('b', T0 + 10 * 365 * 24 * 3_600_000, true).rejection).toMatchObject({
      code: 'USERNAME_TAKEN',
    });
  });

  it('the holder claiming again changes nothing, old or not', () => {
    expect(claim('a', T0 + 3 * CLAIM_TTL_MS)).toEqual({ events: [] });
  });

  it('records the time and the fingerprint of the request that made the claim', () => {
    const decision = reservationDecider.decide(
      { type: 'Claim', kind: 'email', accountId: 'a', now: T0, claim: 'f'.repeat(64) },
      reservationDecider.initialState(),
    );
    expect(decision.events).toEqual([claimed('a', T0, 'f'.repeat(64))]);
    expect(state(...(decision.events as ReservationEvent[]))).toEqual({
      holder: 'a',
      claimedAt: T0,
      claim: 'f'.repeat(64),
    });
  });

  it('a claim recorded before claims had a time counts as old: only its standing keeps it', () => {
    const old = state(claimed('a'));
    const decide = (holderStands: boolean) =>
      reservationDecider.decide(
        { type: 'Claim', kind: 'member', accountId: 'b', now: T0, holderStands },
        old,
      );
    expect(decide(true).rejection).toMatchObject({ code: 'MEMBER_ALREADY_REGISTERED' });
    expect(decide(false).events).toEqual([claimed('b', T0)]);
  });
});
