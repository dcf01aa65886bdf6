import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IdentityRequest, SecurityAnswerRequest } from './reset-password.request';

/** The properties each form's validation names. */
async function named(form: new () => object, body: object): Promise<string[]> {
  return (await validate(plainToInstance(form, body))).map((e) => e.property).sort();
}

describe('the identity of a password reset: a username or a member id', () => {
  const person = { lastName: 'Example', dateOfBirth: '1980-04-01' };

  it.each([['IdentityRequest', IdentityRequest, {}]] as const)(
    '%s takes either one, and names both when neither is given',
    async (_name, form, rest) => {
      expect(await named(form, { ...person, ...rest, username: 'patexample' })).toEqual([]);
      expect(await named(form, { ...person, ...rest, memberId: 'DEMO0000001' })).toEqual([]);
      expect(
        await named(form, { ...person, ...rest, username: 'patexample', memberId: 'DEMO0000001' }),
      ).toEqual([]);
      expect(await named(form, { ...person, ...rest })).toEqual(['memberId', 'username']);
    },
  );

  // Each was checked only when the other was missing: a username that was no text, sent beside a member
  // id, reached the handler and answered 500 (found by test/fuzz.e2e-spec.ts).
  it.each([['IdentityRequest', IdentityRequest, {}]] as const)(
    '%s names a bad one even when the other is given',
    async (_name, form, rest) => {
      expect(
        await named(form, { ...person, ...rest, username: { a: 'x' }, memberId: 'DEMO0000001' }),
      ).toEqual(['username']);
      expect(
        await named(form, { ...person, ...rest, username: 'patexample', memberId: ['DEMO0000001'] }),
      ).toEqual(['memberId']);
      expect(await named(form, { ...person, ...rest, username: null, memberId: 'DEMO0000001' })).toEqual([
        'username',
      ]);
    },
  );
});

describe("the security answer: the question step's token alone", () => {
  it('takes the token and the answer, and refuses the identity sent again as unknown properties', async () => {
    const body = { resetToken: 'a.b', answer: 'Rex the Dog' };
    const strict = { whitelist: true, forbidNonWhitelisted: true };
    expect(await validate(plainToInstance(SecurityAnswerRequest, body), strict)).toEqual([]);
    const again = await validate(
      plainToInstance(SecurityAnswerRequest, {
        ...body,
        lastName: 'Example',
        dateOfBirth: '1980-04-01',
        username: 'patexample',
      }),
      strict,
    );
    expect(again.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([
      ['lastName', ['whitelistValidation']],
      ['dateOfBirth', ['whitelistValidation']],
      ['username', ['whitelistValidation']],
    ]);
  });
});
