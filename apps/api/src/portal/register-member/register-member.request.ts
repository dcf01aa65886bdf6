import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsPhone } from '../policy.validators';
import { RegistrationForm } from '../register-nonmember/register-nonmember.request';

/**
 * Seed 004: "Enter your name, date of birth and information from your HAP ID card.
 * Provide a valid email address and cell phone number", then the same as a nonmember.
 */
export class RegisterMemberRequest extends RegistrationForm {
  @ApiProperty({ example: 'DEMO0000001', description: 'The member id on the ID card' })
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9 -]+$/, { message: 'memberId must be the id printed on your ID card' })
  memberId!: string;
  @ApiProperty({ example: '+15555550100', description: 'A cell phone number' })
  @IsPhone()
  phone!: string;
}
