import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsDateOfBirth, IsPhone } from '../../portal/shared/policy.validators';
import { PageRequest } from '../../staff/page.request';

/** One way to search at a time: a username, an email, a member id, a phone, last name + date of birth, or a last-name prefix. */
export class SearchAccountsRequest extends PageRequest {
  @ApiPropertyOptional({ example: 'patsmith01' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  username?: string;

  @ApiPropertyOptional({ example: 'pat@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'DEMO0000001' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  memberId?: string;

  @ApiPropertyOptional({ example: '555-010-0199' })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'Smith', description: 'With dateOfBirth.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ example: '1980-04-12', description: 'YYYY-MM-DD, with lastName.' })
  @IsOptional()
  @IsDateOfBirth()
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 'smi', description: 'The first letters of the last name (2 or more).' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'lastNamePrefix must have at least 2 letters' })
  @MaxLength(20)
  lastNamePrefix?: string;
}
