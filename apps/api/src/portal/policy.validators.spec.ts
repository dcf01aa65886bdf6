import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateOfficeUserRequest } from '../offices/office-users/office-users.request';
import { CreatePlanAccountRequest } from '../offices/plan-accounts/plan-accounts.request';
import { CreateUsernameRequest } from './create-username/create-username.request';
import { ForgotUsernameRequest } from './forgot-username/forgot-username.request';
import { dateOfBirthProblem, phoneProblem } from './shared/policy.validators';
import { RegisterNonmemberRequest } from './shared/registration.request';
import { RegisterProducerRequest } from './register-producer/register-producer.request';

describe('form field rules', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');

  it('a date of birth: a calendar day, up to a day after today (time zones ahead of UTC), at most 130 years ago', () => {
    const problem = (value: unknown) => dateOfBirthProblem(value, 'dateOfBirth', now);
    expect(problem('2026-12-05')).toBeUndefined();
    expect(problem('2026-12-06')).toBe('dateOfBirth cannot be in the future');
    expect(problem('1896-01-01')).toBeUndefined();
    expect(problem('1895-12-31')).toBe('dateOfBirth cannot be more than 130 years ago');
    expect(problem('2024-02-29')).toBeUndefined();
    expect(problem('2023-02-29')).toBe('dateOfBirth must be a day on the calendar');
    expect(problem('2020-00-10')).toBe('dateOfBirth must be a day on the calendar');
    expect(problem(19800401)).toBe('dateOfBirth must be a date as YYYY-MM-DD');
    expect(problem('1980-04-01T00:00:00Z')).toBe('dateOfBirth must be a date as YYYY-MM-DD');
  });

  it('a phone: 10 to 15 digits as people write them, nothing else', () => {
    for (const ok of ['6125550100', '+1 (612) 555-0100', '612.555.0100', '+44 20 7946 0958'])
      expect(phoneProblem(ok, 'phone')).toBeUndefined();
    for (const bad of [
      '555-0100',
      '1234567890123456',
      '612-555-0100 x2',
      '+1 612 555 0100'.padEnd(33, ' '),
      42,
    ])
      expect(phoneProblem(bad, 'phone')).toMatch(/^phone must be a phone number/);
    expect(phoneProblem(undefined, 'phone')).toBe('phone must be given');
  });
});

describe('email fields', () => {
  // validator's isEmail measures an address with encodeURI, which throws on a lone surrogate: the
  // whole validation then failed as a 500 (found by test/fuzz.e2e-spec.ts).
  it.each([
    ['CreatePlanAccountRequest', CreatePlanAccountRequest],
    ['CreateOfficeUserRequest', CreateOfficeUserRequest],
    ['RegisterNonmemberRequest', RegisterNonmemberRequest],
    ['RegisterProducerRequest', RegisterProducerRequest],
    ['ForgotUsernameRequest', ForgotUsernameRequest],
    ['CreateUsernameRequest', CreateUsernameRequest],
  ] as const)('%s names an email with a lone surrogate as a bad field', async (_name, form) => {
    for (const email of ['\uD800', 'pat\uDC00@example.com', 'pat@exa\uD83Dmple.com']) {
      const errors = await validate(plainToInstance(form as new () => object, { email }));
      const problem = errors.find((e) => e.property === 'email');
      expect(Object.values(problem?.constraints ?? {})).toContain(
        'email must not contain broken characters (a lone surrogate)',
      );
    }
    const fine = await validate(plainToInstance(form as new () => object, { email: 'pat@example.com' }));
    expect(fine.find((e) => e.property === 'email')).toBeUndefined();
  });
});
