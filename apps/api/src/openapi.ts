export const API_DESCRIPTION =
  'Accounts for health-plan web portals: activation by mail, registration, log on with 2-step verification, ' +
  'password and username recovery; support and audit routes for plan staff. Every error has the shape ' +
  '`{ error: { code, message, fields? } }`; every response carries `x-correlation-id`.';
