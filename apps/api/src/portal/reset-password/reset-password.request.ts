import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class StartResetRequest {
  @ApiProperty({ example: 'patexample' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
}

export class VerifyResetCodeRequest {
  @ApiProperty({ description: 'From the start of the reset' })
  @IsString()
  @MaxLength(100)
  resetToken!: string;
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits we emailed you' })
  code!: string;
}

export class CompleteResetRequest {
  @ApiProperty({ description: 'From the start of the reset' })
  @IsString()
  @MaxLength(100)
  resetToken!: string;
  @ApiProperty({ example: 'Another9Strong1Pass' }) @IsString() @MaxLength(256) newPassword!: string;
}
