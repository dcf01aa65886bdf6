import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { LOGIN_TOKEN_EXAMPLE } from '../shared/login-token';

export class ResendCodeRequest {
  @ApiProperty({ description: 'From step 1 of log on', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  loginToken!: string;
}
