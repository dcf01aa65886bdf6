import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { LOGIN_TOKEN_EXAMPLE } from '../shared/login-token';
import { HasText, IsDateOfBirth, IsPlainText, MeetsPasswordPolicy } from '../shared/policy.validators';

export class StartResetRequest {
  @ApiProperty({ example: 'patexample' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
}

export class VerifyResetCodeRequest {
  @ApiProperty({ description: 'From the start of the reset', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  resetToken!: string;
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, {
    message: 'code must be the 6 digits we emailed you, or the code your authenticator app shows',
  })
  code!: string;
}

export class CompleteResetRequest {
  @ApiProperty({ description: 'From the start of the reset', example: LOGIN_TOKEN_EXAMPLE })
  @IsString()
  @MaxLength(100)
  resetToken!: string;
  @ApiProperty({ example: 'Another9Strong1Pass' })
  @IsString()
  @MaxLength(256)
  @MeetsPasswordPolicy()
  newPassword!: string;
}

/** Seed 000: "Enter your user name, last name and date of birth"; seed 004 uses the ID card's member id instead of a username. */
export class IdentityRequest {
  @ApiProperty({ example: 'Example' }) @IsString() @HasText() @MaxLength(100) lastName!: string;
  @ApiProperty({ example: '1980-04-01' })
  @IsDateOfBirth()
  dateOfBirth!: string;
  // One of the two is needed: without either, both are named. Each is checked whenever it is given, the
  // other given or not: what reaches the handler is text.
  @ApiProperty({ example: 'patexample', required: false, description: 'Or memberId' })
  @ValidateIf((o: IdentityRequest) => o.username !== undefined || o.memberId === undefined)
  @IsString({ message: 'give your username, or the member id on your ID card as memberId' })
  @MaxLength(64)
  username?: string;
  @ApiProperty({ example: 'DEMO0000001', required: false, description: 'Or username' })
  @ValidateIf((o: IdentityRequest) => o.memberId !== undefined || o.username === undefined)
  @IsString({ message: 'give the member id on your ID card, or your username as username' })
  @MaxLength(32)
  memberId?: string;
}

/** The question step's token alone: the identity it checked is not sent again (another property is refused, 400). */
export class SecurityAnswerRequest {
  @ApiProperty({
    description: 'From the question step (POST /v1/password-resets/security-question)',
    example: LOGIN_TOKEN_EXAMPLE,
  })
  @IsString()
  @MaxLength(100)
  resetToken!: string;
  @ApiProperty({ example: 'Rex the Dog', description: 'Case sensitive' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsPlainText()
  answer!: string;
}
