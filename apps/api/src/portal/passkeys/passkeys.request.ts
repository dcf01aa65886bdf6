import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { IsObject, IsString, MaxLength, MinLength } from 'class-validator';
import { LOGIN_TOKEN_EXAMPLE } from '../shared/login-token';

const b64url = { type: 'string', description: 'base64url' } as const;
/** The PublicKeyCredential as JSON; `response` holds the fields of `ceremony`'s answer. */
const credential = (fields: readonly string[]) =>
  ({
    type: 'object',
    description:
      'The PublicKeyCredential as JSON (`credential.toJSON()` in a browser; @simplewebauthn/browser gives the same).',
    properties: {
      id: b64url,
      rawId: b64url,
      type: { type: 'string', enum: ['public-key'] },
      response: {
        type: 'object',
        properties: Object.fromEntries(fields.map((f) => [f, b64url])),
        required: ['clientDataJSON'],
      },
      authenticatorAttachment: { type: 'string' },
    },
    required: ['id', 'rawId', 'type', 'response'],
    additionalProperties: true,
    example: {
      id: 'Y3JlZA',
      rawId: 'Y3JlZA',
      type: 'public-key',
      response: { clientDataJSON: 'eyJ0eXBlIjoi' },
    },
  }) as ApiPropertyOptions;
const ATTESTATION = credential(['clientDataJSON', 'attestationObject']);
const ASSERTION = credential(['clientDataJSON', 'authenticatorData', 'signature', 'userHandle']);

export class RegisterPasskeyRequest {
  @ApiProperty(ATTESTATION)
  @IsObject()
  response!: RegistrationResponseJSON;
  @ApiProperty({ description: 'What the owner calls it (1 to 64 characters)', example: 'Pat’s phone' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name!: string;
}

export class RenamePasskeyRequest {
  @ApiProperty({ example: 'Work phone' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name!: string;
}

export class PasskeyLoginOptionsRequest {
  @ApiProperty({ description: 'From step 1 of log on', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  loginToken!: string;
}

export class VerifyPasskeyLoginRequest {
  @ApiProperty({ description: 'From step 1 of log on', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  loginToken!: string;
  @ApiProperty(ASSERTION)
  @IsObject()
  response!: AuthenticationResponseJSON;
}

export class PasswordlessSignInRequest {
  @ApiProperty(ASSERTION)
  @IsObject()
  response!: AuthenticationResponseJSON;
}
