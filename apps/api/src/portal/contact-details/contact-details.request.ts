import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { HasText, IsEmailAddress, IsPhone } from '../shared/policy.validators';

class CurrentPassword {
  @ApiProperty({ example: 'Correct7Horse9Battery' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;
}

export class ChangeEmailRequest extends CurrentPassword {
  @ApiProperty({ example: 'pat.new@example.com' })
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;
}

export class ConfirmEmailChangeRequest {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits we emailed to the new address' })
  code!: string;
}

export class ChangePhoneRequest {
  @ApiProperty({ example: '+15555550199' })
  @IsPhone()
  phone!: string;
}

export class ChangeSecurityQuestionRequest extends CurrentPassword {
  @ApiProperty({ example: 'Street you grew up on?' })
  @IsString()
  @HasText(5)
  @MaxLength(200)
  securityQuestion!: string;
  @ApiProperty({ example: 'Elm Street' }) @IsString() @HasText() @MaxLength(200) securityAnswer!: string;
}
