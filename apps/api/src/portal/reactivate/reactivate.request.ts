import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ReactivateRequest {
  @ApiProperty({
    description: 'The token of the link in the deactivation email',
    example: '0193a3c4-1111-4222-8333-444455556666.n2Jv0mB0Jz1Xy8pQ9eYc0aG3fH6kL1mN4oP7qR0sT2u',
  })
  @IsString()
  @MaxLength(100)
  token!: string;
}
