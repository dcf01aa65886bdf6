import type { Accounts } from '@portal/accounts';
import { OfficeReadModel } from '@portal/read-models';
import type { ReadModelsRuntime } from '@portal/runtime';

/** The `offices` read model over the process's document store, following the active generation. */
export function officeReadModelOf(readModels: ReadModelsRuntime, accounts: Accounts): OfficeReadModel {
  return new OfficeReadModel(
    readModels.docs,
    () => readModels.queries.generation(),
    (officeId, sealed) => accounts.open(officeId, sealed),
  );
}

/** The office block of support's account page: the office, what this account may use, and its grants over time. */
export async function officeBlockOf(model: OfficeReadModel, accountId: string) {
  const office = await model.officeOfAccount(accountId, { reveal: false });
  if (!office) return undefined;
  return {
    officeId: office.officeId,
    name: office.name,
    status: office.status,
    firstAdministrator: office.firstAdministrator,
    administrators: office.administrators,
    functions: office.users.find((u) => u.accountId === accountId)?.functions ?? [],
    grants: office.grants.filter((g) => g.accountId === accountId),
    resets: office.resets.filter((r) => r.accountId === accountId),
  };
}
