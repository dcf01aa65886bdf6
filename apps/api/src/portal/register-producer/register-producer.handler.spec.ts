import { ctxAt, FakeAccounts } from '../shared/testing/fake-accounts';
import { registrationForm } from '../shared/testing/registration-form';
import { RegisterProducerCommand } from './register-producer.command';
import { RegisterProducerHandler } from './register-producer.handler';
import type { RegisterProducerRequest } from './register-producer.request';

const ctx = ctxAt();

describe('register a producer (handler)', () => {
  it('records the agency/producer id in the profile, with no date of birth and no roster', async () => {
    const accounts = new FakeAccounts();
    const { dateOfBirth: _none, ...form } = registrationForm();
    const request: RegisterProducerRequest = { ...form, producerId: 'AG-12345' };
    await new RegisterProducerHandler(accounts.asAccounts).execute(new RegisterProducerCommand(request, ctx));
    expect(accounts.claims).toEqual(['username:patexample', 'email:pat@example.com']);
    const { accountId } = accounts.ran[0];
    expect(accounts.events(accountId)[0]).toMatchObject({
      type: 'Registered',
      data: { kind: 'producer', profile: { producerId: 'AG-12345', dateOfBirth: '' } },
    });
  });
});
