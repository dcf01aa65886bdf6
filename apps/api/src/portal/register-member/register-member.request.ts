import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { RegisterNonmemberRequest } from '../register-nonmember/register-nonmember.request';

/** Seed 004: "Enter your name, date of birth and information from your HAP ID card", then the same as a nonmember. */
export class RegisterMemberRequest extends RegisterNonmemberRequest {
  @ApiProperty({ example: 'DEMO0000001', description: 'The member id on the ID card' })
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9 -]+$/, { message: 'memberId must be the id printed on your ID card' })
  memberId!: string;
}
