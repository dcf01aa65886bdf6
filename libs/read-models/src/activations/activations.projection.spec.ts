import { EVENT_TYPES } from '@portal/domain';
import { projected, sample, SAMPLES } from '../testing/sample-events';
import { type ActivationDoc, activationsProjection as p } from './activations.projection';

const A = 'a1';
const issued = () => p.project(undefined, projected(A, sample('ActivationCodeIssued'), 1), A)!;

describe('activations projection', () => {
  it('ActivationCodeIssued: a code awaiting its letter', () => {
    expect(issued()).toEqual({
      accountId: A,
      codeId: 'c1',
      state: 'awaiting-letter',
      issuedAt: expect.any(String),
      expiresAt: SAMPLES.ActivationCodeIssued.expiresAt,
    });
  });

  it('ActivationCodeMailed: mailed, with the dates and the vendor reference; another code’s letter changes nothing', () => {
    const mailed = p.project(issued(), projected(A, sample('ActivationCodeMailed'), 2), A) as ActivationDoc;
    expect(mailed).toMatchObject({
      state: 'mailed',
      vendorReference: 'VND-42',
      mailedAt: SAMPLES.ActivationCodeMailed.mailedAt,
    });
    const other = sample('ActivationCodeMailed');
    other.data.codeId = 'c0';
    expect(p.project(issued(), projected(A, other, 2), A)).toBeUndefined();
    expect(p.project(undefined, projected(A, sample('ActivationCodeMailed'), 2), A)).toBeUndefined();
  });

  it.each(['Registered', 'Deactivated', 'PersonalDataErased'] as const)(
    '%s ends the code in flight',
    (type) => {
      expect(p.project(issued(), projected(A, sample(type), 3), A)).toBeNull();
      expect(p.project(undefined, projected(A, sample(type), 3), A)).toBeUndefined();
    },
  );

  it('other events leave it alone', () => {
    expect(p.project(issued(), projected(A, sample('LoginFailed'), 3), A)).toBeUndefined();
  });

  it.each(EVENT_TYPES)('%s: the document is read only for events that can change it', (type) => {
    const e = projected(A, sample(type), 4);
    const touched = p.idsOf(e);
    expect(touched).toEqual(
      [
        'ActivationCodeIssued',
        'ActivationCodeMailed',
        'Registered',
        'Deactivated',
        'PersonalDataErased',
      ].includes(type)
        ? [A]
        : [],
    );
    // An event the projector skips must change nothing in either state of the document.
    if (touched.length === 0) {
      expect(p.project(issued(), e, A)).toBeUndefined();
      expect(p.project(undefined, e, A)).toBeUndefined();
    }
  });
});
