/** A nonmember registration form, the password the e2e suites sign in with, and a wrong one. */
export const PASSWORD = 'Canary7Password9Secret';
export const WRONG_PASSWORD = 'Wrong7Password9';

export const NONMEMBER_FORM = {
  firstName: 'Pat',
  lastName: 'Example',
  dateOfBirth: '1980-04-01',
  phone: '+15555550100',
  password: PASSWORD,
  securityQuestion: 'Name of your first pet?',
  securityAnswer: 'Rex the Dog',
  communication: { email: true, text: false },
  termsAccepted: true,
};
