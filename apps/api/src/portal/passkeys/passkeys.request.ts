import { ApiProperty } from '@nestjs/swagger';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { IsObject, IsString, MaxLength, MinLength } from 'class-validator';
import { LOGIN_TOKEN_EXAMPLE } from '../shared/login-token';

const CREDENTIAL = {
  type: 'object',
  additionalProperties: true,
  description:
    'The PublicKeyCredential as JSON (`credential.toJSON()` in a browser; @simplewebauthn/browser gives the same): id, rawId, type, response (base64url fields), clientExtensionResults.',
} as const;

export class RegisterPasskeyRequest {
  @ApiProperty({
    ...CREDENTIAL,
    example: { id: 'Y3JlZA', rawId: 'Y3JlZA', type: 'public-key', response: {} },
  })
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
  @ApiProperty({
    ...CREDENTIAL,
    example: { id: 'Y3JlZA', rawId: 'Y3JlZA', type: 'public-key', response: {} },
  })
  @IsObject()
  response!: AuthenticationResponseJSON;
}

export class PasswordlessSignInRequest {
  @ApiProperty({
    ...CREDENTIAL,
    example: { id: 'Y3JlZA', rawId: 'Y3JlZA', type: 'public-key', response: {} },
  })
  @IsObject()
  response!: AuthenticationResponseJSON;
}
