/**
 * The emails, in plain language, each as text and HTML, from the plan's name and
 * support phone number. Every value put into HTML is escaped.
 */
import type { MessageKind } from './deliveries';

export interface PlanInfo {
  name: string;
  supportPhone: string;
  /** Where members register and sign in. */
  portalUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type EmailKind = Exclude<MessageKind, 'activation-letter'>;

export interface EmailVars {
  firstName?: string;
  /** email-code */
  code?: string;
  minutesValid?: number;
  purpose?: 'login' | 'reset';
  /** username-reminder */
  username?: string;
  /** locked: when the lock ends */
  until?: Date;
  /** temporary-password */
  temporaryPassword?: string;
  /** temporary-password: plan staff (support) or the ID administrator of the person's office */
  issuedBy?: 'member-services' | 'office-administrator';
  /** deactivated */
  reason?: 'security-answers' | 'support' | 'owner';
  /** deactivated by wrong security answers: the link that undoes it, and until when it works */
  reactivationUrl?: string;
  reactivableUntil?: Date;
  /** security-answer-failed: wrong answers in a row so far, and how many deactivate the account */
  wrongAnswers?: number;
  maxWrongAnswers?: number;
  /** already-registered: what the attempt had in common with this account */
  matched?: 'email' | 'member';
  /** email-changed: the new address (the notice goes to the old one) */
  newEmail?: string;
}

/** One paragraph per entry; `strong` is the one value that must stand out (a code, a username). */
type Paragraphs = { text: string; strong?: string }[];

function content(kind: EmailKind, v: EmailVars, plan: PlanInfo): { subject: string; paragraphs: Paragraphs } {
  const call = `If this wasn't you, call ${plan.name} member services at ${plan.supportPhone}.`;
  switch (kind) {
    case 'email-code':
      return {
        subject: `Your ${plan.name} verification code`,
        paragraphs: [
          { text: 'Your verification code is ', strong: required(v.code, 'code') },
          {
            text:
              `Enter it on the ${v.purpose === 'reset' ? 'password reset' : 'sign-in'} page within ` +
              `${v.minutesValid ?? 10} minutes. Never share this code: ${plan.name} will never ask you for it.`,
          },
          {
            text:
              v.purpose === 'reset'
                ? `If you did not ask to reset your password, call ${plan.name} member services at ${plan.supportPhone}.`
                : 'If you did not try to sign in, someone may know your password: change it now.',
          },
        ],
      };
    case 'username-reminder':
      return {
        subject: `Your ${plan.name} username`,
        paragraphs: [
          { text: 'Your username is ', strong: required(v.username, 'username') },
          { text: `Sign in at ${plan.portalUrl}.` },
          { text: 'If you did not ask for this, you can ignore this email.' },
        ],
      };
    case 'locked':
      return {
        subject: `Your ${plan.name} account is locked`,
        paragraphs: [
          {
            text:
              'Your account was locked after too many unsuccessful sign-in attempts. ' +
              `You can try again after ${formatTime(required(v.until, 'until'))}, ` +
              'or reset your password now to unlock it.',
          },
          { text: call },
        ],
      };
    case 'password-changed':
      return {
        subject: `Your ${plan.name} password was changed`,
        paragraphs: [
          { text: 'The password of your account was changed, and every other session was signed out.' },
          { text: call },
        ],
      };
    case 'password-reset':
      return {
        subject: `Your ${plan.name} password was reset`,
        paragraphs: [
          { text: 'The password of your account was reset, and every session was signed out.' },
          { text: call },
        ],
      };
    case 'temporary-password': {
      // The person should know whom to ask about it: a provider office's users never dealt with member services.
      const byOffice = required(v.issuedBy, 'issuedBy') === 'office-administrator';
      return {
        subject: `Your ${plan.name} temporary password`,
        paragraphs: [
          {
            text: `${byOffice ? "Your office's portal administrator" : `${plan.name} member services`} issued a temporary password for your account: `,
            strong: required(v.temporaryPassword, 'temporaryPassword'),
          },
          { text: `Sign in at ${plan.portalUrl}; you will be asked to choose a new password at once.` },
          {
            text: byOffice
              ? `If you did not expect it, ask your office administrator, or call ${plan.name} at ${plan.supportPhone}.`
              : call,
          },
        ],
      };
    }
    case 'deactivated':
      return {
        subject: `Your ${plan.name} account was deactivated`,
        paragraphs: [
          {
            text:
              v.reason === 'security-answers'
                ? 'Your account was deactivated because the answer to your security question was entered wrong 3 times.'
                : 'Your account was deactivated.',
          },
          ...(v.reactivationUrl
            ? [
                {
                  text: `If it was not you, someone who knows your username, last name and date of birth tried to answer it. Undo the deactivation (until ${required(v.reactivableUntil, 'reactivableUntil').toUTCString()}) with this link, then change your password and your security question: `,
                  strong: v.reactivationUrl,
                },
                { text: `Or register again at ${plan.portalUrl}.` },
              ]
            : [{ text: `To use the portal again, register again at ${plan.portalUrl}.` }]),
          { text: call },
        ],
      };
    case 'already-registered':
      return {
        subject: `You already have an account with ${plan.name}`,
        paragraphs: [
          {
            text:
              v.matched === 'member'
                ? 'Someone asked to register your membership for a new account (or for a new activation code), but you already have an account, so no new account was created and no letter was sent.'
                : 'Someone tried to register a new account with this email address, but it already belongs to your account, so no new account was created.',
          },
          { text: 'Your username is ', strong: required(v.username, 'username') },
          {
            text: `If it was you, sign in at ${plan.portalUrl}, or choose "Forgot password" there if you don't remember your password.`,
          },
          {
            text: `If it wasn't you, your account has not changed and you don't need to do anything; if you are worried, call ${plan.name} member services at ${plan.supportPhone}.`,
          },
        ],
      };
    case 'security-answer-failed': {
      const wrong = required(v.wrongAnswers, 'wrongAnswers');
      const max = required(v.maxWrongAnswers, 'maxWrongAnswers');
      return {
        subject: `A wrong answer to your ${plan.name} security question`,
        paragraphs: [
          {
            text: `Someone resetting your password answered your security question wrong (${wrong} of ${max} in a row). After ${max} in a row, the account is deactivated; you will get an email with a link that undoes it.`,
          },
          {
            text: 'If it was you, try again, or reset your password with your username and the code we email you.',
          },
          { text: call },
        ],
      };
    }
    case 'email-change-code':
      return {
        subject: `Confirm your new ${plan.name} email address`,
        paragraphs: [
          { text: 'Your confirmation code is ', strong: required(v.code, 'code') },
          {
            text: `Enter it on the email address page within ${v.minutesValid ?? 10} minutes to make this your account's email address. Never share this code: ${plan.name} will never ask you for it.`,
          },
          { text: `If you did not ask for this, ignore this email: nothing changes without the code.` },
        ],
      };
    case 'email-changed':
      return {
        subject: `Your ${plan.name} email address was changed`,
        paragraphs: [
          {
            text: 'The email address of your account was changed. From now on we write to ',
            strong: required(v.newEmail, 'newEmail'),
          },
          { text: call },
        ],
      };
    case 'authenticator-added':
      return {
        subject: `An authenticator app was added to your ${plan.name} account`,
        paragraphs: [
          { text: 'An authenticator app was added to your account. You will use it to sign in from now on.' },
          { text: call },
        ],
      };
  }
}

export function renderEmail(kind: EmailKind, vars: EmailVars, plan: PlanInfo): RenderedEmail {
  const { subject, paragraphs } = content(kind, vars, plan);
  const greeting = vars.firstName ? `Hello ${vars.firstName},` : 'Hello,';
  const text = [greeting, ...paragraphs.map((p) => p.text + (p.strong ? `${p.strong}.` : '')), plan.name]
    .join('\r\n\r\n')
    .concat('\r\n');
  const html =
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">' +
    `<p>${escapeHtml(greeting)}</p>` +
    paragraphs
      .map(
        (p) => `<p>${escapeHtml(p.text)}${p.strong ? `<strong>${escapeHtml(p.strong)}</strong>.` : ''}</p>`,
      )
      .join('') +
    `<p>${escapeHtml(plan.name)}</p></body></html>`;
  return { subject, text, html };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "November 23, 2026 at 14:05 UTC": the service does not know the member's time zone. */
export function formatTime(d: Date): string {
  const date = d.toLocaleDateString('en-US', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
  return `${date} at ${d.toISOString().slice(11, 16)} UTC`;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new TypeError(`The message needs ${name}`);
  return value;
}
