import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { OFFICE_FUNCTIONS, type OfficeFunction } from '@portal/domain';
import { HasText, IsEmailAddress, MeetsUsernamePolicy } from '../../portal/shared/policy.validators';

/** Seed 004, "Create IDs": a staff user id in the administrator's own office. */
export class CreateOfficeUserRequest {
  @ApiProperty({ example: 'Olu' }) @IsString() @HasText() @MaxLength(100) firstName!: string;
  @ApiProperty({ example: 'Adeyemi' }) @IsString() @HasText() @MaxLength(100) lastName!: string;
  @ApiProperty({ example: 'olu@lakeside.example', description: 'Where the temporary password is sent.' })
  @IsEmailAddress()
  @MaxLength(254)
  email!: string;
  @ApiProperty({ example: 'oluadeyemi' }) @IsString() @MaxLength(64) @MeetsUsernamePolicy() username!: string;
  @ApiProperty({ example: ['eligibility', 'claims'], enum: OFFICE_FUNCTIONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(OFFICE_FUNCTIONS.length)
  @IsIn(OFFICE_FUNCTIONS, {
    each: true,
    message: `each of functions must be one of ${OFFICE_FUNCTIONS.join(', ')}`,
  })
  functions!: OfficeFunction[];
}
