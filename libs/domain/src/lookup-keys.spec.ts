import { loginNameKey, normaliseLookup } from './lookup-keys';

describe('lookup keys: one normalisation for lookups, reservations and limits', () => {
  it('takes fullwidth letters as the letters they look like in a username, and case and outer spaces away', () => {
    expect(normaliseLookup('username', 'ｐａｔｅｘａｍｐｌｅ')).toBe('patexample');
    expect(normaliseLookup('username', ' PatExample ')).toBe('patexample');
  });

  it('keeps a stored reservation key for every value the forms accept (no upgrade rebuild needed)', () => {
    expect(normaliseLookup('member', 'demo-000 0001')).toBe('DEMO0000001');
    expect(normaliseLookup('email', ' Pat@Example.com ')).toBe('pat@example.com');
    expect(normaliseLookup('npi', ' 1234567893 ')).toBe('1234567893');
  });

  it('gives a login name one key for every spelling either lookup (username, member id) takes', () => {
    const keys = ['DEMO0000009', 'demo-000 0009', 'Demo 0000009', 'ＤＥＭＯ００００００９'].map(loginNameKey);
    expect(new Set(keys).size).toBe(1);
    expect(loginNameKey('ｐａｔｅｘａｍｐｌｅ')).toBe(loginNameKey('PatExample'));
    expect(loginNameKey('patexample')).not.toBe(loginNameKey('patexample2'));
  });
});
