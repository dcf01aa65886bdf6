import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { MeetsPasswordPolicy, MeetsUsernamePolicy } from '../policy.validators';
import {
  Equals,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class CommunicationPreferences {
  @ApiProperty({ example: true }) @IsBoolean() email!: boolean;
  @ApiProperty({ example: false }) @IsBoolean() text!: boolean;
}

/** Seed 000: "Register for a nonmember patient account." */
export class RegisterNonmemberRequest {
  @ApiProperty({ example: 'Pat' }) @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'Example' }) @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  @ApiProperty({ example: '1980-04-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  dateOfBirth!: string;
  @ApiProperty({ example: 'pat@example.com' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;
  @ApiProperty({ example: '+15555550100', required: false })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;
  @ApiProperty({ example: 'patexample' }) @IsString() @MaxLength(64) @MeetsUsernamePolicy() username!: string;
  // Longer than any policy allows, so the domain names the real limit; the body limit stops anything huge.
  @ApiProperty({ example: 'Correct7Horse9Battery' })
  @IsString()
  @MaxLength(256)
  @MeetsPasswordPolicy()
  password!: string;
  @ApiProperty({ example: 'Name of your first pet?' })
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  securityQuestion!: string;
  @ApiProperty({ example: 'Rex the Dog' }) @IsString() @MinLength(1) @MaxLength(200) securityAnswer!: string;
  @ApiProperty({ type: CommunicationPreferences })
  @ValidateNested()
  @Type(() => CommunicationPreferences)
  communication!: CommunicationPreferences;
  @ApiProperty({ example: true })
  @Equals(true, { message: 'termsAccepted must be true to register' })
  termsAccepted!: boolean;
}
