import { PERSONAL_DATA_FIELDS } from '@portal/domain';
import { type DataKeyStore, Vault } from '@portal/vault';
import { accountCodec } from './account-codec';

describe('accountCodec', () => {
  const vault = new Vault({} as DataKeyStore);

  it('refuses a reader list naming a field that is not personal data (it would be "opened" as if sealed)', () => {
    expect(() => accountCodec(vault, { OtpIssued: ['codeSealed'] })).toThrow(
      'OtpIssued.codeSealed is not a personal field',
    );
    expect(() => accountCodec(vault, { Registered: ['profile.firstName', 'kind'] })).toThrow(
      'Registered.kind is not a personal field',
    );
  });

  it('takes any subset of the personal fields', () => {
    expect(() => accountCodec(vault, { Registered: ['profile.email'], UsernameCreated: [] })).not.toThrow();
    expect(() => accountCodec(vault, PERSONAL_DATA_FIELDS)).not.toThrow();
  });
});
