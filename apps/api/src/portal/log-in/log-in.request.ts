import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LogInRequest {
  @ApiProperty({ example: 'patexample' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty({ example: 'Correct7Horse9Battery' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}
