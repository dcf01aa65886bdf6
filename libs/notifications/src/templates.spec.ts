import { DELIVERIES } from './deliveries';
import { type EmailKind, escapeHtml, renderEmail } from './templates';

const plan = {
  name: 'Lake & River <Health>',
  supportPhone: '1-800-555-0123',
  portalUrl: 'https://p.example',
};
const vars = {
  firstName: 'Ana',
  code: '123456',
  username: 'ana<b>',
  until: new Date('2026-11-23T14:05:00Z'),
  temporaryPassword: 'Temp-Pass-42',
  issuedBy: 'member-services' as const,
  reason: 'security-answers' as const,
  wrongAnswers: 2,
  maxWrongAnswers: 3,
  newEmail: 'ana.new@example.com',
};

describe('email templates', () => {
  const kinds = Object.values(DELIVERIES)
    .map((d) => d.kind)
    .filter((k): k is EmailKind => k !== 'activation-letter');

  it.each(kinds)(
    '%s: a subject, a greeting, the plan, in text and HTML, with every value escaped in HTML',
    (kind) => {
      const m = renderEmail(kind, vars, plan);
      expect(m.subject).toContain(plan.name);
      expect(m.text.startsWith('Hello Ana,')).toBe(true);
      expect(m.text).not.toMatch(/undefined|NaN|\[object/);
      expect(m.html).toContain(escapeHtml(plan.name));
      expect(m.html).not.toContain('<Health>');
      expect(m.html).not.toContain('ana<b>');
    },
  );

  it('puts the value each message exists for in it', () => {
    expect(renderEmail('email-code', vars, plan).text).toContain('Your verification code is 123456.');
    expect(renderEmail('username-reminder', vars, plan).html).toContain('<strong>ana&#60;b&#62;</strong>');
    expect(renderEmail('locked', vars, plan).text).toContain('November 23, 2026 at 14:05 UTC');
    expect(renderEmail('temporary-password', vars, plan).text).toContain('Temp-Pass-42');
    expect(renderEmail('deactivated', vars, plan).text).toContain(
      'security question was entered wrong 3 times',
    );
    expect(renderEmail('password-changed', vars, plan).text).toContain(
      'call Lake & River <Health> member services at 1-800-555-0123',
    );
  });

  it('an email change: the code to the new address, the notice naming the new address to the old one', () => {
    expect(renderEmail('email-change-code', vars, plan).text).toContain('Your confirmation code is 123456.');
    const notice = renderEmail('email-changed', vars, plan).text;
    expect(notice).toContain('was changed. From now on we write to ana.new@example.com.');
    expect(notice).toContain('call Lake & River <Health> member services');
    expect(() => renderEmail('email-changed', { firstName: 'Ana' }, plan)).toThrow(
      'The message needs newEmail',
    );
  });

  it('says who issued a temporary password: member services, or the office administrator', () => {
    const bySupport = renderEmail('temporary-password', { ...vars, issuedBy: 'member-services' }, plan).text;
    expect(bySupport).toContain(
      'Lake & River <Health> member services issued a temporary password for your account: Temp-Pass-42.',
    );
    const byAdmin = renderEmail('temporary-password', { ...vars, issuedBy: 'office-administrator' }, plan);
    expect(byAdmin.text).toContain(
      "Your office's portal administrator issued a temporary password for your account: Temp-Pass-42.",
    );
    expect(byAdmin.text).not.toContain('member services issued');
    expect(byAdmin.text).toContain('ask your office administrator');
    expect(byAdmin.html).toContain('administrator issued a temporary password');
    expect(() => renderEmail('temporary-password', { temporaryPassword: 'x' }, plan)).toThrow(
      'The message needs issuedBy',
    );
  });

  it('tells the owner of an account what a second registration had in common with it, and the username', () => {
    const byEmail = renderEmail('already-registered', { ...vars, matched: 'email' }, plan).text;
    expect(byEmail).toContain('register a new account with this email address');
    expect(byEmail).toContain('Your username is ana<b>.');
    expect(renderEmail('already-registered', { ...vars, matched: 'member' }, plan).text).toContain(
      'register your membership',
    );
    expect(() => renderEmail('already-registered', { matched: 'email' }, plan)).toThrow(
      'The message needs username',
    );
  });

  it('says which page a code is for, and refuses to render a code email without its code', () => {
    expect(renderEmail('email-code', { ...vars, purpose: 'reset' }, plan).text).toContain(
      'password reset page',
    );
    expect(renderEmail('email-code', vars, plan).text).toContain('sign-in page');
    expect(() => renderEmail('email-code', { firstName: 'Ana' }, plan)).toThrow('The message needs code');
  });

  it('tells the owner of each wrong security answer, and gives the link that undoes a deactivation while it works', () => {
    expect(renderEmail('security-answer-failed', vars, plan).text).toContain(
      'answered your security question wrong (2 of 3 in a row)',
    );
    expect(() => renderEmail('security-answer-failed', { firstName: 'Ana' }, plan)).toThrow(
      'The message needs wrongAnswers',
    );
    const link = 'https://p.example/reactivate?token=abc.def';
    const undo = renderEmail(
      'deactivated',
      { ...vars, reactivationUrl: link, reactivableUntil: new Date('2026-11-30T10:00:00Z') },
      plan,
    );
    expect(undo.text).toContain(link);
    expect(undo.text).toContain('Mon, 30 Nov 2026 10:00:00 GMT');
    expect(renderEmail('deactivated', vars, plan).text).toContain('register again at https://p.example');
    expect(renderEmail('deactivated', vars, plan).text).not.toContain('reactivate?token');
  });

  it('greets without a name when there is none', () => {
    expect(renderEmail('password-reset', {}, plan).text.startsWith('Hello,\r\n')).toBe(true);
  });
});
