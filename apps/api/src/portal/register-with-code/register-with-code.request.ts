import type { AccountKind } from '@portal/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsMemberId } from '../shared/policy.validators';
import { RegisterNonmemberRequest } from '../shared/registration.request';

/** Seed 000: "After you have received your activation code, you create your own user name and password." */
export class RegisterWithCodeRequest extends RegisterNonmemberRequest {
  /** The password's length is this audience's (policy.validators.ts). */
  static override readonly passwordAudience: AccountKind = 'member';
  @ApiProperty({ example: 'DEMO0000001' })
  @IsMemberId()
  memberId!: string;

  @ApiProperty({ example: '7KQ4-MZ2P-X9RT', description: 'From the letter; case and dashes do not matter' })
  @IsString()
  @MaxLength(20)
  activationCode!: string;
}
