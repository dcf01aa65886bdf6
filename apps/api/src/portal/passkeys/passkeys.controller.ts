import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { AppConfig } from '@portal/config';
import { APP_CONFIG } from '@portal/runtime';
import { RateLimited } from '../shared/rate-limit.guard';
import { contextOf, type PortalRequest } from '../shared/request-context';
import type { SessionGranted } from '../shared/session-grant';
import { SignedIn, type SignedInRequest } from '../shared/session.guard';
import {
  ListPasskeysQuery,
  PasskeyLoginOptionsQuery,
  PasskeyRegistrationOptionsQuery,
  type PasskeyView,
  PasswordlessOptionsQuery,
  PasswordlessSignInCommand,
  RegisterPasskeyCommand,
  RemovePasskeyCommand,
  RenamePasskeyCommand,
  VerifyPasskeyLoginCommand,
} from './passkeys.commands';
import {
  PasskeyLoginOptionsRequest,
  PasswordlessSignInRequest,
  RegisterPasskeyRequest,
  RenamePasskeyRequest,
  VerifyPasskeyLoginRequest,
} from './passkeys.request';

type Signed = SignedInRequest & PortalRequest;
const sessionOf = (req: Signed) => ({ sessionId: req.session!.sessionId, createdAt: req.session!.createdAt });

/** Seed 004's "Authentication Methods" tab: the signed-in owner's passkeys. */
@ApiTags('portal')
@SignedIn()
@Controller('v1/me/passkeys')
export class PasskeysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('options')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Start adding a passkey: the options for navigator.credentials.create(). Needs a sign-in within the last 10 minutes.',
  })
  options(@Req() req: Signed): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return this.queries.execute(new PasskeyRegistrationOptionsQuery(req.session!.accountId, sessionOf(req)));
  }

  @Post()
  @RateLimited('credential')
  @HttpCode(201)
  @ApiOperation({ summary: 'Finish adding the passkey with what the authenticator made.' })
  add(@Body() body: RegisterPasskeyRequest, @Req() req: Signed): Promise<PasskeyView> {
    const accountId = req.session!.accountId;
    return this.commands.execute(
      new RegisterPasskeyCommand(
        accountId,
        sessionOf(req),
        body.response,
        body.name,
        contextOf(req, accountId),
      ),
    );
  }

  @Get()
  @ApiOperation({ summary: 'The account’s passkeys, with when each was last used.' })
  list(@Req() req: Signed): Promise<PasskeyView[]> {
    return this.queries.execute(new ListPasskeysQuery(req.session!.accountId));
  }

  @Patch(':passkeyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Rename a passkey.' })
  async rename(
    @Param('passkeyId', new ParseUUIDPipe()) passkeyId: string,
    @Body() body: RenamePasskeyRequest,
    @Req() req: Signed,
  ): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(
      new RenamePasskeyCommand(accountId, passkeyId, body.name, contextOf(req, accountId)),
    );
  }

  @Delete(':passkeyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a passkey: it no longer signs in (remove it from the device too).' })
  async remove(
    @Param('passkeyId', new ParseUUIDPipe()) passkeyId: string,
    @Req() req: Signed,
  ): Promise<void> {
    const accountId = req.session!.accountId;
    await this.commands.execute(new RemovePasskeyCommand(accountId, passkeyId, contextOf(req, accountId)));
  }
}

/** Seed 004's mobile app: a passkey in place of the emailed code, or alone where the policy allows. */
@ApiTags('portal')
@Controller('v1/login')
export class PasskeyLoginController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('passkey/options')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Step 2 of log on with a passkey: the options for navigator.credentials.get(), for this login only.',
  })
  options(@Body() body: PasskeyLoginOptionsRequest): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.queries.execute(new PasskeyLoginOptionsQuery(body.loginToken));
  }

  @Post('verify-passkey')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Step 2 of log on with a passkey, in place of the emailed code. A refused passkey counts toward the lock.',
  })
  verify(@Body() body: VerifyPasskeyLoginRequest, @Req() req: PortalRequest): Promise<SessionGranted> {
    return this.commands.execute(
      new VerifyPasskeyLoginCommand(body.loginToken, body.response, contextOf(req)),
    );
  }

  @Post('passwordless/options')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with a passkey alone (PASSKEY_PASSWORDLESS): options for a discoverable passkey.',
  })
  passwordlessOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.queries.execute(new PasswordlessOptionsQuery());
  }

  @Post('passwordless')
  @RateLimited('credential')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in with a passkey alone: it must verify the person (biometrics or PIN). Refused on a locked or deactivated account.',
  })
  passwordless(@Body() body: PasswordlessSignInRequest, @Req() req: PortalRequest): Promise<SessionGranted> {
    return this.commands.execute(new PasswordlessSignInCommand(body.response, contextOf(req)));
  }
}

/**
 * What native apps need to use the RP id's passkeys: iOS's associated domains
 * (`webcredentials`) and Android's Digital Asset Links, served when configured. They must be
 * reachable at https://<WEBAUTHN_RP_ID>/.well-known/… (the proxy in front routes them here).
 */
@ApiExcludeController()
@Controller('.well-known')
export class AppAssociationController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('apple-app-site-association')
  apple(): { webcredentials: { apps: string[] } } {
    const apps = this.config.passkeys.appleAppIds;
    if (apps.length === 0) throw new NotFoundException();
    return { webcredentials: { apps } };
  }

  @Get('assetlinks.json')
  android(): unknown[] {
    const apps = this.config.passkeys.androidApps;
    if (apps.length === 0) throw new NotFoundException();
    return apps.map((app) => ({
      relation: ['delegate_permission/common.handle_all_urls', 'delegate_permission/common.get_login_creds'],
      target: {
        namespace: 'android_app',
        package_name: app.packageName,
        sha256_cert_fingerprints: app.fingerprints,
      },
    }));
  }
}
