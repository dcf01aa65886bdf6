/**
 * Years of sign-ins on one account, appended straight to the store as the pipeline would have
 * written them (sealed by the account codec, hash-chained), 250 events per append: for tests
 * that need a long stream without deciding thousands of commands.
 */
import { randomUUID } from 'node:crypto';
import { chain } from '@portal/command';
import { type AccountEvent, accountStreamId } from '@portal/domain';
import type { EventStore, NewEvent } from '@portal/event-store';
import type { Vault } from '@portal/vault';
import { testMetadata } from '../../../event-store/src/testing/event-factory';
import { accountCodec } from '../account-codec';

/** Appends `logins` password-and-code sign-ins (two events each) to the account's stream. */
export async function appendLoginHistory(
  events: EventStore,
  vault: Vault,
  accountId: string,
  logins: number,
): Promise<void> {
  const stream = accountStreamId(accountId);
  const codec = accountCodec(vault);
  const [last] = await events.readStream(stream, { direction: 'backwards', maxCount: 1 });
  let prevHash = last.metadata.hash!;
  let revision = last.revision;
  for (let from = 0; from < logins; from += 250) {
    const batch: NewEvent[] = [];
    for (let i = from; i < Math.min(logins, from + 250); i++) {
      const loginId = `login-${i}`;
      const pair: AccountEvent[] = [
        { type: 'PasswordAccepted', data: { loginId } },
        { type: 'LoginSucceeded', data: { loginId, sessionId: `s-${i}`, method: 'email-code' } },
      ];
      for (const event of pair) {
        const encoded = await codec.encode(stream, event);
        batch.push({
          id: randomUUID(),
          type: encoded.type,
          data: encoded.data,
          metadata: testMetadata({ schemaVersion: encoded.schemaVersion }),
        });
      }
    }
    const chained = chain(batch, prevHash);
    prevHash = chained.at(-1)!.metadata.hash!;
    revision = (await events.append(stream, chained, revision)).nextRevision;
  }
}
