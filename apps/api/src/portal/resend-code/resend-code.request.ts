import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ResendCodeRequest {
  @ApiProperty({ description: 'From step 1 of log on' }) @IsString() @MaxLength(100) loginToken!: string;
}
