// Job kinds and keys of the subscriptions domain.

export const FANOUT_JOB = 'subscriptions.fanout';
export const DELIVER_JOB = 'subscriptions.deliver';

export interface DeliverPayload {
  delivery_id: string;
  /** 1-based number of the attempt this job makes; a job whose attempt was already made does nothing. */
  attempt: number;
}

/**
 * One key per attempt: keyed jobs stay `done` for a week, so an attempt's key can never run
 * twice, and a redelivery (the next attempt's key, replacing) moves a pending retry to now.
 */
export function deliverKey(deliveryId: string, attempt: number): string {
  return attempt <= 1 ? `${DELIVER_JOB}:${deliveryId}` : `${DELIVER_JOB}:${deliveryId}:${attempt}`;
}
