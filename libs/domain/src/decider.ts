/**
 * The shape every aggregate in this lib takes (after Emmett / Dudycz's decider):
 * pure functions, no I/O, no clock, no randomness. Time, ids, random codes and
 * the results of slow hash checks arrive on the command.
 */

/** A domain event as the domain sees it: a string-tagged plain object. Metadata is the infrastructure's. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/** A failure the caller should hear about. `code` is stable and greppable. `fields` names each bad field. */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * What a command decided: the events to append and, when the command is refused,
 * why. Both can be present: a wrong password appends `LoginFailed` (and maybe
 * `Locked`) and is still refused.
 */
export interface Decision<E extends DomainEvent> {
  events: E[];
  rejection?: DomainError;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Decision<Event>;
}

export function accept<E extends DomainEvent>(...events: E[]): Decision<E> {
  return { events };
}

export function reject<E extends DomainEvent>(rejection: DomainError, ...events: E[]): Decision<E> {
  return { events, rejection };
}
