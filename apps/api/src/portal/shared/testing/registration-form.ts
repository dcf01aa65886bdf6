import type { RegisterNonmemberRequest } from '../registration.request';

/** A valid registration form (as the validation pipe hands it over), for handler specs. */
export function registrationForm(
  overrides: Partial<RegisterNonmemberRequest> = {},
): RegisterNonmemberRequest {
  return {
    firstName: 'Pat',
    lastName: 'Example',
    dateOfBirth: '1980-04-01',
    email: 'pat@example.com',
    phone: '+15555550100',
    username: 'patexample',
    password: 'Correct7Horse9Battery',
    securityQuestion: 'First pet?',
    securityAnswer: 'Rex the Dog',
    communication: { email: true, text: false },
    termsAccepted: true,
    ...overrides,
  };
}
