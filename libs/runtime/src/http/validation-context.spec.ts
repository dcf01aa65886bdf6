import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import { DEFAULT_POLICY, policyFrom } from '@portal/domain';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { VALIDATION_OPTIONS } from './create-http-app';
import { LeanValidationPipe } from './lean-validation-pipe';
import { validationContextOf } from './validation-context';

/** A rule that reads the policy the pipe sets: at least the policy's password length. */
function LongEnough() {
  return (target: object, property: string) =>
    registerDecorator({
      target: target.constructor,
      propertyName: property,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' &&
          value.length >= (validationContextOf(args.object)?.policy ?? DEFAULT_POLICY).password.minLength,
        defaultMessage: () => 'password is too short',
      },
    });
}

class Form {
  @LongEnough() password!: string;
}

describe("the validation pipe gives a form's validators the app's policy", () => {
  const metadata: ArgumentMetadata = { type: 'body', metatype: Form, data: undefined };
  const policy = policyFrom({ password: { minLength: 14 } });
  const thirteen = 'a'.repeat(13);

  // Not a plain object: the shortcut leaves it to the full pipe.
  const viaFullPipe = (password: string) =>
    Object.assign(Object.create({ inherited: true }) as object, { password });
  it.each([
    ['a flat body (the shortcut)', (password: string) => ({ password })],
    ['a body the full pipe takes', viaFullPipe],
  ])('%s: checked under the app policy, the defaults without one', async (_name, body) => {
    const configured = new LeanValidationPipe(VALIDATION_OPTIONS, () => ({ policy }));
    const plain = new LeanValidationPipe(VALIDATION_OPTIONS);
    await expect(configured.transform(body(thirteen), metadata)).rejects.toMatchObject({
      fields: { password: 'Your password is too short.' },
    });
    const made = await plain.transform(body(thirteen), metadata);
    expect(made).toBeInstanceOf(Form);
    const passed = await configured.transform(body('a'.repeat(14)), metadata);
    // The context is taken off before the instance reaches the handler.
    expect(validationContextOf(passed)).toBeUndefined();
    expect(Object.getOwnPropertySymbols(passed)).toEqual([]);
  });
});
