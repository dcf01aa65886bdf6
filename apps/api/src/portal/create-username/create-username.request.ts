import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress, IsMemberId, MeetsUsernamePolicy } from '../shared/policy.validators';

/** Seed 004, existing users: "Create a username and enter a valid email address." */
export class CreateUsernameRequest {
  @ApiProperty({ example: 'DEMO0000001', description: 'The ID number the account logged in with' })
  @IsMemberId()
  memberId!: string;
  @ApiProperty({ example: 'Correct7Horse9Battery', description: 'The password the account logged in with' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
  @ApiProperty({ example: 'patexample' }) @IsString() @MaxLength(64) @MeetsUsernamePolicy() username!: string;
  @ApiProperty({
    example: 'pat@example.com',
    description: 'Not used by another account: verification codes go here',
  })
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;
}
