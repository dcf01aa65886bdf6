import type { CommandContext } from '@portal/command';

export interface PortalRequest {
  id: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The metadata every event of this request carries. */
export function contextOf(req: PortalRequest, accountId?: string): CommandContext {
  const ua = req.headers['user-agent'];
  return {
    correlationId: req.id,
    actor: { kind: 'self', ...(accountId ? { accountId } : {}) },
    occurredAt: new Date(),
    clientIp: req.ip,
    ...(typeof ua === 'string' ? { userAgent: ua.slice(0, 256) } : {}),
  };
}
