/** The lease one active projector process holds: its projector, request runner and delivery reactor. */
export const PROJECTOR_LEASE = 'projector';
