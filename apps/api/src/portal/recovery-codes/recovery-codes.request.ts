import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { LOGIN_TOKEN_EXAMPLE } from '../shared/login-token';

export class UseRecoveryCodeRequest {
  @ApiProperty({ description: 'From step 1 of log on', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  loginToken!: string;
  @ApiProperty({ example: 'K7M4PQ9XTA' })
  @Matches(/^[A-Za-z0-9]{10}$/, { message: 'code must be one of your 10-character recovery codes' })
  code!: string;
}
