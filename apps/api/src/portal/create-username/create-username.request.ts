import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MeetsUsernamePolicy } from '../policy.validators';

/** Seed 004, existing users: "Create a username and enter a valid email address." */
export class CreateUsernameRequest {
  @ApiProperty({ example: 'DEMO0000001', description: 'The ID number the account logged in with' })
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9 -]+$/, { message: 'memberId must be the id printed on your ID card' })
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
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;
}
