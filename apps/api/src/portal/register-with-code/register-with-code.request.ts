import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { RegisterNonmemberRequest } from '../register-nonmember/register-nonmember.request';

/** Seed 000: "After you have received your activation code, you create your own user name and password." */
export class RegisterWithCodeRequest extends RegisterNonmemberRequest {
  @ApiProperty({ example: 'DEMO0000001' })
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9 -]+$/, { message: 'memberId must be the id printed on your ID card' })
  memberId!: string;

  @ApiProperty({ example: '7KQ4-MZ2P-X9RT', description: 'From the letter; case and dashes do not matter' })
  @IsString()
  @MaxLength(20)
  activationCode!: string;
}
