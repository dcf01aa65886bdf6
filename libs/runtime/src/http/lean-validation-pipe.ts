/**
 * Nest's ValidationPipe with a shortcut for the common body: a flat JSON object whose
 * every key is a validated property of a class that class-transformer has nothing to do
 * for. Such a body is copied onto a new instance and validated by class-validator, exactly
 * as the full pipe would; everything else (unknown keys, nested objects, arrays, classes
 * with @Type, @Transform, @Expose or @Exclude) goes through the full pipe unchanged.
 *
 * Why: on `POST /v1/login/verify-code` the full pipe cost about 6% of the request's CPU,
 * two thirds of it in class-transformer's generic copy and the pipe's own walks over the
 * value (array gaps, prototype keys, binary values), none of which can find anything in
 * such a body. The answers are the same; lean-validation-pipe.spec.ts compares both pipes.
 */
import { type ArgumentMetadata, type Type, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, validate, type ValidationError, type ValidatorOptions } from 'class-validator';
import { type ValidationContext, withValidationContext } from './validation-context';

/** For one class: the properties a body may set through the shortcut, or none when the class needs the full pipe. */
type Plan = ReadonlySet<string> | undefined;

export class LeanValidationPipe extends ValidationPipe {
  /** One entry per body class of the app (a fixed set), built on first use. */
  private readonly plans = new Map<Type<unknown>, Plan>();

  /** `context`: what the body's validators may read (the app's account policy), asked at each validation. */
  constructor(
    options?: ValidationPipeOptions,
    private readonly context?: () => ValidationContext | undefined,
  ) {
    super(options);
  }

  /**
   * Both ways (the shortcut and the full pipe) validate here, with the app's context on the
   * instance: class-validator's own `validate`, as Nest's pipe calls it (its copy of the package
   * is loaded only at the full pipe's first transform, after a shortcut may have run).
   */
  protected override validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    return withValidationContext(object, this.context?.(), () => validate(object, validatorOptions));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype;
    // Only the case this service configures: a body, turned into its class (transform: true).
    if (
      metadata.type !== 'body' ||
      !metatype ||
      !this.isTransformEnabled ||
      this.expectedType ||
      !this.toValidate(metadata)
    )
      return super.transform(value, metadata);
    let plan = this.plans.get(metatype);
    if (!this.plans.has(metatype)) {
      plan = planFor(metatype);
      this.plans.set(metatype, plan);
    }
    if (!plan || !isFlatBody(value, plan)) return super.transform(value, metadata);
    // What class-transformer's plainToInstance makes of such a body: a new instance (its field
    // initialisers run), then each key of the body assigned its value as it is.
    const entity = new (metatype as Type<Record<string, unknown>>)();
    for (const key of Object.keys(value)) entity[key] = value[key];
    const errors: ValidationError[] = await this.validate(entity, {
      ...this.validatorOptions,
      validationError: { target: false, ...this.validatorOptions.validationError },
    });
    if (errors.length > 0) {
      if (this.validatorOptions.validationError?.value === undefined) this.stripParentErrorValues(errors);
      throw await this.exceptionFactory(errors);
    }
    return entity;
  }
}

/** A plain object (as JSON.parse makes it) holding only primitives, under keys the plan allows. */
function isFlatBody(value: unknown, allowed: ReadonlySet<string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || !allowed.has(key)) return false;
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') return false;
  }
  return true;
}

/**
 * The validated properties of `metatype` that class-transformer would copy as they are: no
 * class-level @Expose/@Exclude strategy, and per property no @Type, @Transform, @Expose or
 * @Exclude, and nothing of that name on the prototype or set to a function by the constructor
 * (class-transformer skips those). Undefined when the class has no validated property.
 */
function planFor(metatype: Type<unknown>): Plan {
  const storage = defaultMetadataStorage;
  if (
    storage.getStrategy(metatype) !== 'none' ||
    storage.getExposedMetadatas(metatype).length > 0 ||
    storage.getExcludedMetadatas(metatype).length > 0
  )
    return undefined;
  const validated = getMetadataStorage()
    .getTargetValidationMetadatas(metatype, '', true, false)
    .map((m) => m.propertyName);
  if (validated.length === 0) return undefined;
  let probe: Record<string, unknown>;
  try {
    probe = new (metatype as Type<Record<string, unknown>>)();
  } catch {
    return undefined;
  }
  const allowed = new Set<string>();
  for (const key of new Set(validated)) {
    if (
      key === '__proto__' ||
      key === 'constructor' ||
      key in (metatype.prototype as object) ||
      probe[key] instanceof Function ||
      storage.findTypeMetadata(metatype, key) ||
      storage.findTransformMetadatas(metatype, key, TransformationType.PLAIN_TO_CLASS).length > 0
    )
      continue;
    allowed.add(key);
  }
  return allowed.size > 0 ? allowed : undefined;
}
