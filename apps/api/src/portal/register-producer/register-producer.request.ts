import type { AccountKind } from '@portal/domain';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsPlainText } from '../shared/policy.validators';
import { RegisterNonmemberRequest } from '../shared/registration.request';

/** Seed 004: "Register for Producer Portal access here." No date of birth, no roster; the agency or producer id. */
export class RegisterProducerRequest extends OmitType(RegisterNonmemberRequest, ['dateOfBirth'] as const) {
  /** The password's length is this audience's (policy.validators.ts). */
  static readonly passwordAudience: AccountKind = 'producer';
  @ApiProperty({ example: 'AG-204871', description: 'Your agency or producer id with the plan.' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  @IsPlainText()
  producerId!: string;
}
