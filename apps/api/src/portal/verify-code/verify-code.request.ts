import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class VerifyCodeRequest {
  @ApiProperty({ description: 'From step 1' }) @IsString() @MaxLength(100) loginToken!: string;
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits we emailed you' })
  code!: string;
}
