/**
 * What a request body's validators may read beside the body: the deployment's account
 * policy (PASSWORD_MIN_LENGTH and the rest, libs/config's policy settings), so that a form's
 * password and username rules are the ones the domain applies, not the defaults. The
 * validation pipe of each app sets it on the instance it validates, under a symbol no
 * JSON body can carry, and takes it off again before the instance reaches the handler.
 * Per app, not per process: tests start apps with different settings in one process.
 */
import type { AccountPolicy } from '@portal/domain';

export interface ValidationContext {
  policy: AccountPolicy;
}

const CONTEXT = Symbol('validation-context');

/** The context the pipe set on the validated instance, or undefined (validated outside a pipe of this service). */
export function validationContextOf(object: unknown): ValidationContext | undefined {
  return typeof object === 'object' && object !== null
    ? ((object as Record<symbol, ValidationContext | undefined>)[CONTEXT] ?? undefined)
    : undefined;
}

/** Runs `run` with `context` set on `object` (not enumerable: nothing copies or serialises it). */
export async function withValidationContext<T>(
  object: object,
  context: ValidationContext | undefined,
  run: () => Promise<T> | T,
): Promise<T> {
  if (!context) return run();
  Object.defineProperty(object, CONTEXT, { value: context, configurable: true, enumerable: false });
  try {
    return await run();
  } finally {
    delete (object as Record<symbol, unknown>)[CONTEXT];
  }
}
