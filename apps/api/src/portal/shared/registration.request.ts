import type { AccountKind } from '@portal/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  HasText,
  IsDateOfBirth,
  IsEmailAddress,
  IsPhone,
  MeetsPasswordPolicy,
  MeetsUsernamePolicy,
} from './policy.validators';
import {
  Equals,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class CommunicationPreferences {
  @ApiProperty({ example: true }) @IsBoolean() email!: boolean;
  @ApiProperty({ example: false }) @IsBoolean() text!: boolean;
}

/**
 * What every registration form asks (seeds 000 and 004) except the phone, which
 * a nonmember may leave out and a member must give (RegisterMemberRequest).
 */
export class RegistrationForm {
  @ApiProperty({ example: 'Pat' }) @IsString() @HasText() @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'Example' }) @IsString() @HasText() @MaxLength(100) lastName!: string;
  @ApiProperty({ example: '1980-04-01' })
  @IsDateOfBirth()
  dateOfBirth!: string;
  @ApiProperty({ example: 'pat@example.com' })
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;
  @ApiProperty({ example: 'patexample' }) @IsString() @MaxLength(64) @MeetsUsernamePolicy() username!: string;
  // Longer than any policy allows, so the domain names the real limit; the body limit stops anything huge.
  @ApiProperty({ example: 'Correct7Horse9Battery' })
  @IsString()
  @MaxLength(256)
  @MeetsPasswordPolicy()
  password!: string;
  @ApiProperty({ example: 'Name of your first pet?' })
  @IsString()
  @HasText(5)
  @MaxLength(200)
  securityQuestion!: string;
  @ApiProperty({ example: 'Rex the Dog' }) @IsString() @HasText() @MaxLength(200) securityAnswer!: string;
  @ApiProperty({ type: CommunicationPreferences })
  @IsObject({ message: 'communication must say whether we may email you and text you' })
  @ValidateNested()
  @Type(() => CommunicationPreferences)
  communication!: CommunicationPreferences;
  @ApiProperty({ example: true })
  @Equals(true, { message: 'termsAccepted must be true to register' })
  termsAccepted!: boolean;
}

/** Seed 000: "Register for a nonmember patient account." */
export class RegisterNonmemberRequest extends RegistrationForm {
  /** The password's length is this audience's (policy.validators.ts). */
  static readonly passwordAudience: AccountKind = 'nonmember';
  @ApiProperty({ example: '+15555550100', required: false })
  @IsOptional()
  @IsPhone()
  phone?: string;
}
