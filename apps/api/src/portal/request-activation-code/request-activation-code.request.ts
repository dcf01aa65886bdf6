import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Seed 000: "In order to register, you need to request an activation code." */
export class RequestActivationCodeRequest {
  @ApiProperty({ example: 'DEMO0000001' })
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9 -]+$/, { message: 'memberId must be the id printed on your ID card' })
  memberId!: string;
  @ApiProperty({ example: 'Pat' }) @IsString() @MinLength(1) @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'Example' }) @IsString() @MinLength(1) @MaxLength(100) lastName!: string;
  @ApiProperty({ example: '1980-04-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date as YYYY-MM-DD' })
  dateOfBirth!: string;
}
