import { toErrorResponse } from '@portal/runtime';
import { AccessNotRecordedError } from '@portal/staff';
import {
  ReasonInvalidError,
  ReasonRequiredError,
  StaffForbiddenError,
  StaffUnauthenticatedError,
} from './staff.errors';

describe('staff errors through the shared error filter', () => {
  it.each([
    [new StaffUnauthenticatedError(), 401, 'STAFF_UNAUTHENTICATED'],
    [new StaffForbiddenError(), 403, 'STAFF_FORBIDDEN'],
    [new ReasonRequiredError(), 400, 'REASON_REQUIRED'],
    [new ReasonInvalidError(), 400, 'REASON_INVALID'],
    [new AccessNotRecordedError(new Error('disk full')), 503, 'ACCESS_NOT_RECORDED'],
  ])('%s answers %i %s in the one error shape', (error, status, code) => {
    const response = toErrorResponse(error, {}, 'corr-1');
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(response.body.error.message).not.toContain('disk full');
  });

  it('names the header a read must carry', () => {
    expect(toErrorResponse(new ReasonRequiredError(), {}, 'c').body.error.message).toContain(
      'X-Access-Reason',
    );
  });
});
