import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LOGIN_TOKEN_EXAMPLE } from '../shared/login-token';

export class ConfirmAuthenticatorRequest {
  @ApiProperty({
    description: 'From the enrolment step (sealed; opaque to the client)',
    example: 'v1.kq3f0Zp8…',
  })
  @IsString()
  @MaxLength(512)
  enrolmentToken!: string;
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your app shows' })
  code!: string;
}

export class RemoveAuthenticatorRequest {
  @ApiProperty({ example: 'Correct7Horse9Battery' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}

export class VerifyAuthenticatorRequest {
  @ApiProperty({ description: 'From step 1 of log on', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  loginToken!: string;
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your app shows' })
  code!: string;
}

export class EnrolAuthenticatorAtLoginRequest {
  @ApiProperty({ description: 'From step 1 of log on', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  loginToken!: string;
  @ApiProperty({
    description: 'From the answer of POST /v1/login/verify-code (sealed; opaque to the client)',
    example: 'v1.kq3f0Zp8…',
  })
  @IsString()
  @MaxLength(512)
  enrolmentToken!: string;
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your app shows' })
  code!: string;
}
