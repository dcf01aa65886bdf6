import { addBusinessDays, isBusinessDay, observedFederalHolidays } from './business-days';

const day = (s: string) => new Date(`${s}T15:00:00Z`);
const ymd = (d: Date) => d.toISOString().slice(0, 10);

describe('business days (weekends and US federal holidays skipped)', () => {
  it('lists the observed federal holidays of 2026, Independence Day on a Saturday observed on Friday 3 July', () => {
    expect([...observedFederalHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('observes a Sunday holiday on the Monday, and next New Year on a Saturday on 31 December', () => {
    expect(observedFederalHolidays(2023).has('2023-01-02')).toBe(true); // 1 Jan 2023 was a Sunday
    expect(observedFederalHolidays(2021).has('2021-12-31')).toBe(true); // 1 Jan 2022 was a Saturday
    expect(observedFederalHolidays(2022).has('2022-01-01')).toBe(false);
  });

  it('counts 5 business days over Thanksgiving and a weekend', () => {
    // Wed 25 Nov 2026 → Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 (Thanksgiving 26th skipped).
    expect(ymd(addBusinessDays(day('2026-11-25'), 5))).toBe('2026-12-03');
  });

  it('counts from a Friday to the next Friday, and over Christmas', () => {
    expect(ymd(addBusinessDays(day('2026-11-13'), 5))).toBe('2026-11-20');
    expect(ymd(addBusinessDays(day('2026-12-23'), 5))).toBe('2026-12-31');
    expect(isBusinessDay(day('2026-12-25'))).toBe(false);
    expect(isBusinessDay(day('2026-12-28'))).toBe(true);
  });
});
