import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import {
  HasText,
  IsEmailAddress,
  IsPlainText,
  MeetsUsernamePolicy,
} from '../../portal/shared/policy.validators';

/** Seed 004: employers email the plan for an account; payers have a Payer Service Coordinator. Plan staff create both. */
export class CreatePlanAccountRequest {
  @ApiProperty({ enum: ['employer', 'payer'], example: 'employer' })
  @IsIn(['employer', 'payer'], { message: 'kind must be employer or payer' })
  kind!: 'employer' | 'payer';
  @ApiProperty({ example: 'GRP-004417', description: 'The employer group or payer id with the plan.' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @IsPlainText()
  organisationId!: string;
  @ApiProperty({ example: 'Acme Tool & Die' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsPlainText()
  organisationName!: string;
  @ApiProperty({ example: 'Dana' }) @IsString() @HasText() @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'Reyes' }) @IsString() @HasText() @MaxLength(100) lastName!: string;
  @ApiProperty({ example: 'benefits@acme.example', description: 'Where the temporary password is sent.' })
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;
  @ApiProperty({ example: 'acmebenefits' })
  @IsString()
  @MaxLength(64)
  @MeetsUsernamePolicy()
  username!: string;
}
