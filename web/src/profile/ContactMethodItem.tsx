/** One contact method in the list: its state, and verify, test, re-enable, disable and delete. */
import { useState } from 'react';
import { Alert, Button } from '../ui/forms.js';
import { methodType, needsVerifying } from './methodTypes.js';
import { useDeleteContactMethod, useTestContactMethod, useUpdateContactMethod, type ContactMethod } from './queries.js';
import { VerifyForm } from './VerifyForm.js';

export function MethodState({ method: m }: { method: ContactMethod }) {
  if (m.disabled_reason) return <span className="prof-state prof-state--disabled">Disabled</span>;
  if (!m.verified) return <span className="prof-state prof-state--unverified">Unverified</span>;
  return <span className="prof-state prof-state--ok">Verified</span>;
}

export function ContactMethodItem(props: { userId: string; method: ContactMethod; canEdit: boolean; ruleCount: number; zone: string | undefined }) {
  const { userId, method: m, canEdit, ruleCount, zone } = props;
  const update = useUpdateContactMethod(userId);
  const del = useDeleteContactMethod(userId);
  const test = useTestContactMethod(userId);
  const [verifying, setVerifying] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const t = methodType(m.type);
  const result = test.data;

  return (
    <li className={`prof-method${m.disabled_reason ? ' is-disabled' : ''}`} data-method-type={m.type} aria-label={`${t.label}: ${m.label}`}>
      <div className="prof-method__row">
        <div className="prof-method__main">
          <div className="prof-method__head">
            <span className={`prof-type prof-type--${m.type}`}>{t.label}</span>
            <strong className="prof-method__label">{m.label}</strong>
            <MethodState method={m} />
          </div>
          <span className="prof-method__address">{m.address}</span>
          {m.disabled_reason ? (
            <p className="prof-method__why">
              Not paged: {m.disabled_reason}
              {m.consecutive_failures > 0 ? ` (${m.consecutive_failures} failed ${m.consecutive_failures === 1 ? 'delivery' : 'deliveries'} in a row)` : ''}.
            </p>
          ) : needsVerifying(m) ? (
            <p className="prof-method__why prof-method__why--warn">Not paged until the number is verified.</p>
          ) : m.consecutive_failures > 0 ? (
            <p className="prof-method__why prof-method__why--warn">
              The last {m.consecutive_failures === 1 ? 'delivery' : `${m.consecutive_failures} deliveries`} failed.
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <div className="prof-method__actions">
            {needsVerifying(m) && !verifying ? (
              <Button variant="primary" onClick={() => setVerifying(true)}>
                Verify
              </Button>
            ) : null}
            {m.verified ? (
              <Button busy={test.isPending} onClick={() => test.mutate(m.id)} aria-label={`Send a test to ${m.label}`}>
                Send test
              </Button>
            ) : null}
            {m.disabled_reason ? (
              <Button busy={update.isPending} onClick={() => update.mutate({ cid: m.id, body: { enabled: true } })}>
                Re-enable
              </Button>
            ) : (
              <Button variant="ghost" busy={update.isPending} onClick={() => update.mutate({ cid: m.id, body: { enabled: false } })} aria-label={`Disable ${m.label}`}>
                Disable
              </Button>
            )}
            {confirming ? (
              <span className="confirm">
                <Button variant="danger" busy={del.isPending} onClick={() => del.mutate(m.id)}>
                  Delete
                </Button>
                <Button variant="ghost" onClick={() => setConfirming(false)}>
                  Keep
                </Button>
              </span>
            ) : (
              <Button variant="ghost" className="btn--danger-text" onClick={() => setConfirming(true)} aria-label={`Delete ${m.label}`}>
                Delete
              </Button>
            )}
          </div>
        ) : null}
      </div>
      {confirming && ruleCount > 0 ? (
        <p className="small prof-method__note">
          Its {ruleCount === 1 ? 'notification rule goes' : `${ruleCount} notification rules go`} with it.
        </p>
      ) : null}
      {del.error ? <Alert title="Not deleted">{del.error.message}</Alert> : null}
      {update.error ? <Alert title="Not changed">{update.error.message}</Alert> : null}
      {test.error ? <Alert title="The test was not sent">{test.error.message}</Alert> : null}
      {result ? (
        result.status === 'failed' ? (
          <Alert title="The test failed">
            {result.provider_response ?? 'The provider gave no reason.'}
            {result.retryable ? ' It may work if you try again.' : ''}
          </Alert>
        ) : (
          <Alert tone="success" title={result.status === 'delivered' ? 'Test delivered' : 'Test sent'}>
            Check that it arrived{result.provider_id ? ` (provider reference ${result.provider_id})` : ''}.
          </Alert>
        )
      ) : null}
      {verifying ? <VerifyForm userId={userId} method={m} zone={zone} onDone={() => setVerifying(false)} /> : null}
    </li>
  );
}
