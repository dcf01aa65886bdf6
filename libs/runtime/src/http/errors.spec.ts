import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsString, MaxLength, MinLength, ValidateNested, validate } from 'class-validator';
import { Type } from 'class-transformer';
import { fieldLabel, fieldsFromValidation, personWorded } from './errors';

class Preferences {
  @IsBoolean() email!: boolean;
}

class Form {
  @IsString() @MinLength(2) @MaxLength(5) lastName!: string;
  @IsString() @MaxLength(3) memberId!: string;
  @IsString({ message: 'give your username, or your member id' }) username!: string;
  @ValidateNested() @Type(() => Preferences) communication!: Preferences;
}

async function fieldsOf(body: object): Promise<Record<string, string>> {
  return fieldsFromValidation(
    await validate(plainToInstance(Form, body), { whitelist: true, forbidNonWhitelisted: true }),
  );
}

describe('one message per field, the first failing rule, worded for a person', () => {
  const good = { lastName: 'Lee', memberId: 'A1', username: 'pat', communication: { email: true } };

  it('says what to do for a missing field, not every rule that fails with it', async () => {
    // A number fails all three rules of lastName: the first the class lists (IsString) is the one said.
    expect(await fieldsOf({ ...good, lastName: 7 })).toEqual({ lastName: 'Enter your last name.' });
    const { lastName: _l, ...missing } = good;
    expect(await fieldsOf(missing)).toEqual({ lastName: 'Enter your last name.' });
  });

  it('says the one rule a value breaks, with the field in words', async () => {
    expect(await fieldsOf({ ...good, lastName: 'L', memberId: 'ABCD' })).toEqual({
      lastName: 'Your last name needs at least 2 characters.',
      memberId: 'Your member id can have at most 3 characters.',
    });
  });

  it('keeps a message already worded for a person, as a sentence; names nested fields by path; unknown ones as before', async () => {
    expect(await fieldsOf({ ...good, username: 1, communication: { email: 'yes' }, remember: true })).toEqual(
      {
        username: 'Give your username, or your member id.',
        'communication.email': 'Your email must be a boolean value.',
        remember: 'property remember should not exist',
      },
    );
  });

  it('words our own rules the same way', () => {
    expect(fieldLabel('dateOfBirth')).toBe('date of birth');
    expect(personWorded('dateOfBirth', 'dateOfBirth must be a day on the calendar')).toBe(
      'Your date of birth must be a day on the calendar.',
    );
    expect(personWorded('firstName', 'firstName must not be blank')).toBe('Enter your first name.');
    expect(personWorded('phone', 'phone must be given')).toBe('Enter your phone.');
    expect(personWorded('password', 'Use at least 12 characters.')).toBe('Use at least 12 characters.');
  });
});
