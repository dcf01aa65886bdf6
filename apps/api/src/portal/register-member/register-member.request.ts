import type { AccountKind } from '@portal/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsMemberId, IsPhone } from '../shared/policy.validators';
import { RegistrationForm } from '../shared/registration.request';

/**
 * Seed 004: "Enter your name, date of birth and information from your HAP ID card.
 * Provide a valid email address and cell phone number", then the same as a nonmember.
 */
export class RegisterMemberRequest extends RegistrationForm {
  /** The password's length is this audience's (policy.validators.ts). */
  static readonly passwordAudience: AccountKind = 'member';
  @ApiProperty({ example: 'DEMO0000001', description: 'The member id on the ID card' })
  @IsMemberId()
  memberId!: string;
  @ApiProperty({ example: '+15555550100', description: 'A cell phone number' })
  @IsPhone()
  phone!: string;
}
