import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { HasText, IsDateOfBirth, IsMemberId } from '../shared/policy.validators';

/** Seed 000: "In order to register, you need to request an activation code." */
export class RequestActivationCodeRequest {
  @ApiProperty({ example: 'DEMO0000001' })
  @IsMemberId()
  memberId!: string;
  @ApiProperty({ example: 'Pat' }) @IsString() @HasText() @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'Example' }) @IsString() @HasText() @MaxLength(100) lastName!: string;
  @ApiProperty({ example: '1980-04-01' })
  @IsDateOfBirth()
  dateOfBirth!: string;
}
