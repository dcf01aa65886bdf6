import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordRequest {
  @ApiProperty({ example: 'Correct7Horse9Battery' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;
  @ApiProperty({ example: 'Another9Strong1Pass' }) @IsString() @MaxLength(256) newPassword!: string;
}
