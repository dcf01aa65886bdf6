import { ApiProperty } from '@nestjs/swagger';
import { isNpi } from '@portal/domain';
import { IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { IsPlainText } from '../../portal/shared/policy.validators';
import { RegisterNonmemberRequest } from '../../portal/shared/registration.request';

/**
 * Seed 004, providers: "Complete our online registration process." The office
 * (name, NPI, tax id) and its first ID administrator's own registration data;
 * the office waits for the plan's approval.
 */
export class RegisterOfficeRequest extends RegisterNonmemberRequest {
  @ApiProperty({ example: 'Lakeside Family Medicine' })
  @IsString()
  @Matches(/\S/, { message: 'officeName must not be empty' })
  @MaxLength(200)
  @IsPlainText()
  officeName!: string;

  @ApiProperty({ example: '1234567893', description: 'The office’s 10-digit National Provider Identifier.' })
  // The domain checks these again; here they only make every field's error come at once.
  @ValidateBy({
    name: 'npi',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && isNpi(v.trim()),
      defaultMessage: () => 'npi must be the office’s 10-digit NPI (its last digit a valid check digit)',
    },
  })
  npi!: string;

  @ApiProperty({ example: '12-3456789', description: 'The office’s 9-digit tax id (kept sealed).' })
  @IsString()
  @Matches(/^\s*\d{2}-?\d{7}\s*$/, { message: 'taxId must be the office’s 9-digit tax id (12-3456789)' })
  taxId!: string;
}
