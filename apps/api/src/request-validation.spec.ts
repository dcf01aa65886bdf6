import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ArgumentMetadata, type Type, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { LeanValidationPipe, VALIDATION_OPTIONS } from '@portal/runtime';

/** Every request body class of the API (the `*.request.ts` files), with the properties it validates. */
function bodyClasses(): { name: string; type: Type<unknown>; properties: string[] }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.request.ts')) files.push(path);
    }
  };
  walk(__dirname);
  const out = [];
  for (const file of files)
    for (const [name, value] of Object.entries(jest.requireActual<Record<string, unknown>>(file))) {
      if (typeof value !== 'function') continue;
      const properties = [
        ...new Set(
          getMetadataStorage()
            .getTargetValidationMetadatas(value, '', true, false)
            .map((m) => m.propertyName),
        ),
      ];
      if (properties.length > 0) out.push({ name, type: value as Type<unknown>, properties });
    }
  return out;
}

/** What a pipe made of a body: the instance (class and own fields) or the error it threw (its fields). */
async function outcome(pipe: ValidationPipe, body: unknown, metadata: ArgumentMetadata) {
  try {
    // Bodies arrive through JSON.parse: a fresh copy for each pipe (the full pipe changes what it is given).
    const result = (await pipe.transform(JSON.parse(JSON.stringify(body)) as unknown, metadata)) as object;
    return { ok: true, type: result?.constructor, fields: { ...result } };
  } catch (error) {
    const e = error as Error;
    return { ok: false, name: e.name, message: e.message, detail: JSON.parse(JSON.stringify(e)) as unknown };
  }
}

// Values that pass some rules (codes, names, dates, emails, phones, ids) and many that do not.
const primitive = fc.oneof(
  fc.constantFrom(
    '123456',
    '12345',
    'patexample',
    'Correct7Horse9Battery',
    'a@example.com',
    '1984-06-15',
    '+15550001111',
    'DEMO0000002',
    'Pat',
    '',
    ' ',
    'x'.repeat(300),
    '0190c3a0-0000-7000-8000-000000000001.abc',
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 8, arbitrary: primitive },
  { weight: 1, arbitrary: fc.array(primitive, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), primitive, { maxKeys: 3 }) },
);

describe('request validation: the lean pipe answers as Nest ValidationPipe does', () => {
  const full = new ValidationPipe(VALIDATION_OPTIONS);
  const lean = new LeanValidationPipe(VALIDATION_OPTIONS);
  const classes = bodyClasses();

  it('finds the request classes', () => {
    expect(classes.map((c) => c.name)).toEqual(
      expect.arrayContaining(['LogInRequest', 'VerifyCodeRequest', 'RegisterNonmemberRequest']),
    );
  });

  it.each(classes.map((c) => [c.name, c] as const))(
    '%s: same instance or same errors, for any body',
    async (_name, c) => {
      const metadata: ArgumentMetadata = { type: 'body', metatype: c.type as never, data: undefined };
      const key = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...c.properties) },
        fc.constantFrom('extra', 'constructor', '__proto__'),
      );
      const body = fc.oneof(
        { weight: 8, arbitrary: fc.dictionary(key, value, { maxKeys: c.properties.length + 1 }) },
        // Every property, so that bodies which pass are common too.
        { weight: 4, arbitrary: fc.record(Object.fromEntries(c.properties.map((p) => [p, value]))) },
        {
          weight: 1,
          arbitrary: fc.oneof(primitive, fc.array(fc.dictionary(key, primitive), { maxLength: 2 })),
        },
      );
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          expect(await outcome(lean, b, metadata)).toEqual(await outcome(full, b, metadata));
        }),
        { numRuns: 300 },
      );
    },
  );

  it('takes the short way for a flat body, and gives the same answer', async () => {
    const { type } = classes.find((c) => c.name === 'VerifyCodeRequest')!;
    const metadata: ArgumentMetadata = { type: 'body', metatype: type as never, data: undefined };
    const viaFullPipe = jest.spyOn(ValidationPipe.prototype, 'transform');
    const body = { loginToken: 'abc.def', code: '123456' };
    const made = await lean.transform({ ...body }, metadata);
    expect(viaFullPipe).not.toHaveBeenCalled();
    expect(made).toBeInstanceOf(type);
    expect({ ...(made as object) }).toEqual(body);
    await lean.transform({ ...body, extra: 1 }, metadata).catch(() => undefined);
    expect(viaFullPipe).toHaveBeenCalledTimes(1);
    viaFullPipe.mockRestore();
  });

  it("both give one message per field, the first failing rule's, worded for a person", async () => {
    const { type } = classes.find((c) => c.name === 'IdentityRequest')!;
    const metadata: ArgumentMetadata = { type: 'body', metatype: type as never, data: undefined };
    const body = { lastName: 7, dateOfBirth: '1980-02-30', username: 'patexample' };
    for (const pipe of [lean, full]) {
      const refused = (await outcome(pipe, body, metadata)) as { detail: { fields: Record<string, string> } };
      expect(refused.detail.fields).toEqual({
        lastName: 'Enter your last name.',
        dateOfBirth: 'Your date of birth must be a day on the calendar.',
      });
    }
  });
});
