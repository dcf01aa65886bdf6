import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MeetsPasswordPolicy } from '../shared/policy.validators';

export class ChangePasswordRequest {
  @ApiProperty({ example: 'Correct7Horse9Battery' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;
  // The rules checked here too, so that a weak new password is named with any other bad field.
  @ApiProperty({ example: 'Another9Strong1Pass' })
  @IsString()
  @MaxLength(256)
  @MeetsPasswordPolicy()
  newPassword!: string;
}
