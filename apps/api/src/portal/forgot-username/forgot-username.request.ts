import { ApiProperty } from '@nestjs/swagger';
import { MaxLength } from 'class-validator';
import { IsEmailAddress } from '../shared/policy.validators';

export class ForgotUsernameRequest {
  @ApiProperty({ example: 'pat@example.com' })
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;
}
