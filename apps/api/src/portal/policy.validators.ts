/**
 * The domain's username and password rules as class-validator constraints, so a
 * registration form hears about them together with every other bad field
 * (seed 000: "red text identifying where the problem lies"). The handler checks
 * them again with the deployment's policy; this copy only makes the errors come at once.
 */
import { checkPassword, checkUsername, DEFAULT_POLICY } from '@portal/domain';
import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

@ValidatorConstraint({ name: 'usernamePolicy' })
class UsernamePolicy implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && Object.keys(checkUsername(value, DEFAULT_POLICY)).length === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    return typeof args.value === 'string'
      ? (checkUsername(args.value, DEFAULT_POLICY).username ?? '')
      : 'username must be text';
  }
}

@ValidatorConstraint({ name: 'passwordPolicy' })
class PasswordPolicy implements ValidatorConstraintInterface {
  private problem(args: ValidationArguments): string | undefined {
    const username = (args.object as { username?: unknown }).username;
    if (typeof args.value !== 'string') return `${args.property} must be text`;
    return Object.values(
      checkPassword(args.value, typeof username === 'string' ? username : undefined, DEFAULT_POLICY),
    )[0];
  }
  validate(_value: unknown, args: ValidationArguments): boolean {
    return this.problem(args) === undefined;
  }
  defaultMessage(args: ValidationArguments): string {
    return this.problem(args) ?? '';
  }
}

export function MeetsUsernamePolicy(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      target: target.constructor,
      propertyName: property,
      options,
      validator: UsernamePolicy,
    });
}

export function MeetsPasswordPolicy(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      target: target.constructor,
      propertyName: property,
      options,
      validator: PasswordPolicy,
    });
}
