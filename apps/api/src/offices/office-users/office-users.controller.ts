import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  type PipeTransform,
  Post,
  Put,
  Req,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { isOfficeFunction, OFFICE_FUNCTIONS, type OfficeFunction, OfficeErrors } from '@portal/domain';
import type { OfficeUserView } from '@portal/offices';
import { SignedIn, type SignedInRequest } from '../../portal/shared/session.guard';
import { contextOf, type PortalRequest } from '../../portal/shared/request-context';
import {
  CreateOfficeUserCommand,
  OfficeUserQuery,
  OfficeUsersQuery,
  ResetOfficeUserPasswordCommand,
  SetOfficeFunctionCommand,
} from './office-users.commands';
import { CreateOfficeUserRequest } from './office-users.request';

class ParseOfficeFunction implements PipeTransform<string, OfficeFunction> {
  transform(value: string): OfficeFunction {
    if (!isOfficeFunction(value))
      throw OfficeErrors.validationFailed({
        function: `Must be one of ${OFFICE_FUNCTIONS.join(', ')}.`,
      });
    return value;
  }
}

type Req_ = SignedInRequest & PortalRequest;

/**
 * The ID administrator's routes (seed 004: "Create IDs, Reset passwords, Control
 * access for website functions for your office staff"). Each needs the
 * `manage-users` function in the administrator's own office, checked on the
 * office's stream at every call (403 FUNCTION_NOT_GRANTED); a user of another
 * office answers 404 OFFICE_USER_NOT_FOUND, exactly like an id that exists
 * nowhere. Every change is recorded with the administrator as actor.
 */
@ApiTags('offices')
@SignedIn()
@Controller('v1/office/users')
export class OfficeUsersController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The users of your office, with the functions each may use' })
  async list(@Req() req: Req_): Promise<{ items: OfficeUserView[] }> {
    return { items: await this.queries.execute(new OfficeUsersQuery(req.session!.accountId)) };
  }

  @Get(':accountId')
  @ApiNotFoundResponse({ description: 'Not a user of your office: 404 OFFICE_USER_NOT_FOUND.' })
  @ApiOperation({ summary: 'One user of your office' })
  user(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Req() req: Req_,
  ): Promise<OfficeUserView> {
    return this.queries.execute(new OfficeUserQuery(req.session!.accountId, accountId));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Create a staff user id in your office with the functions chosen; the person gets a temporary password by email and must change it at first login',
  })
  async create(@Body() body: CreateOfficeUserRequest, @Req() req: Req_): Promise<{ accountId: string }> {
    const administratorId = req.session!.accountId;
    return this.commands.execute(
      new CreateOfficeUserCommand(
        administratorId,
        { firstName: body.firstName, lastName: body.lastName, email: body.email, username: body.username },
        body.functions,
        contextOf(req, administratorId),
      ),
    );
  }

  @Post(':accountId/temporary-password')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Reset a user’s password: a temporary password is emailed to them (you never see it), every session of theirs ends, and they must change it at next login',
  })
  async resetPassword(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Req() req: Req_,
  ): Promise<{ sent: true }> {
    const administratorId = req.session!.accountId;
    await this.commands.execute(
      new ResetOfficeUserPasswordCommand(administratorId, accountId, contextOf(req, administratorId)),
    );
    return { sent: true };
  }

  @Put(':accountId/functions/:function')
  @ApiParam({ name: 'function', enum: OFFICE_FUNCTIONS })
  @ApiOperation({
    summary: 'Grant a function to a user of your office (granting one already held changes nothing)',
  })
  async grant(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Param('function', new ParseOfficeFunction()) fn: OfficeFunction,
    @Req() req: Req_,
  ): Promise<{ functions: OfficeFunction[] }> {
    return { functions: await this.setFunction(accountId, fn, true, req) };
  }

  @Delete(':accountId/functions/:function')
  @ApiParam({ name: 'function', enum: OFFICE_FUNCTIONS })
  @ApiOperation({
    summary:
      'Revoke a function from a user of your office; refused on their very next call (409 LAST_ADMINISTRATOR for the office’s last manage-users)',
  })
  async revoke(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Param('function', new ParseOfficeFunction()) fn: OfficeFunction,
    @Req() req: Req_,
  ): Promise<{ functions: OfficeFunction[] }> {
    return { functions: await this.setFunction(accountId, fn, false, req) };
  }

  private setFunction(
    accountId: string,
    fn: OfficeFunction,
    granted: boolean,
    req: Req_,
  ): Promise<OfficeFunction[]> {
    const administratorId = req.session!.accountId;
    return this.commands.execute(
      new SetOfficeFunctionCommand(administratorId, accountId, fn, granted, contextOf(req, administratorId)),
    );
  }
}
