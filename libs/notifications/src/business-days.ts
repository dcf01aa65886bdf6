/**
 * Expected delivery of a mailed letter: business days skip weekends and US federal
 * holidays (5 U.S.C. 6103), with a holiday on a Saturday observed on the Friday
 * before and one on a Sunday on the Monday after. Dates are calendar days in UTC.
 */

/** `days` business days after `from`. */
export function addBusinessDays(from: Date, days: number): Date {
  const d = new Date(from);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

export function isBusinessDay(d: Date): boolean {
  const day = d.getUTCDay();
  if (day === 0 || day === 6) return false;
  return !observedFederalHolidays(d.getUTCFullYear()).has(d.toISOString().slice(0, 10));
}

const cache = new Map<number, Set<string>>();

/** The days federal offices close in `year`, as YYYY-MM-DD (observed dates; 31 Dec when next New Year's Day is a Saturday). */
export function observedFederalHolidays(year: number): Set<string> {
  let days = cache.get(year);
  if (days) return days;
  const nth = (month: number, weekday: number, n: number) => {
    const first = new Date(Date.UTC(year, month, 1));
    return new Date(Date.UTC(year, month, 1 + ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1)));
  };
  const last = (month: number, weekday: number) => {
    const end = new Date(Date.UTC(year, month + 1, 0));
    return new Date(Date.UTC(year, month, end.getUTCDate() - ((end.getUTCDay() - weekday + 7) % 7)));
  };
  const fixed = (month: number, day: number) => observed(new Date(Date.UTC(year, month, day)));
  const holidays = [
    fixed(0, 1), // New Year's Day
    nth(0, 1, 3), // Birthday of Martin Luther King, Jr.
    nth(1, 1, 3), // Washington's Birthday
    last(4, 1), // Memorial Day
    fixed(5, 19), // Juneteenth National Independence Day
    fixed(6, 4), // Independence Day
    nth(8, 1, 1), // Labor Day
    nth(9, 1, 2), // Columbus Day
    fixed(10, 11), // Veterans Day
    nth(10, 4, 4), // Thanksgiving Day
    fixed(11, 25), // Christmas Day
  ];
  // Next year's New Year's Day on a Saturday is observed on this year's 31 December.
  if (new Date(Date.UTC(year + 1, 0, 1)).getUTCDay() === 6) holidays.push(new Date(Date.UTC(year, 11, 31)));
  days = new Set(
    holidays.filter((d) => d.getUTCFullYear() === year).map((d) => d.toISOString().slice(0, 10)),
  );
  cache.set(year, days);
  return days;
}

function observed(d: Date): Date {
  const day = d.getUTCDay();
  if (day === 6) return new Date(d.getTime() - 86_400_000);
  if (day === 0) return new Date(d.getTime() + 86_400_000);
  return d;
}
