/** Verifying an SMS or voice number: send a code to it, then type the code that arrived. */
import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { formatTime } from '../ui/format.js';
import { useConfirmVerification, useSendVerification, type ContactMethod } from './queries.js';

export function VerifyForm({ userId, method, zone, onDone }: { userId: string; method: ContactMethod; zone: string | undefined; onDone: () => void }) {
  const send = useSendVerification(userId);
  const confirm = useConfirmVerification(userId);
  const [code, setCode] = useState('');
  const fid = useId();
  const problems = formProblems(confirm.error, ['code']);
  const sent = send.data;
  const how = method.type === 'voice' ? 'We call the number and read out a 6-digit code.' : 'We text a 6-digit code to the number.';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ cid: method.id, code: code.trim() }, { onSuccess: onDone });
  };

  return (
    <form className="subform prof-verify" onSubmit={submit} noValidate aria-label={`Verify ${method.label}`}>
      <h4>Verify {method.address}</h4>
      <p className="muted small">{how} Until it is verified, this number is never paged.</p>
      {send.error ? <Alert title="No code was sent">{send.error.message}</Alert> : null}
      {sent ? (
        <Alert tone="info">
          A code is on its way to {sent.sent_to}. It is valid until {formatTime(sent.expires_at, zone)}.
        </Alert>
      ) : null}
      {problems.summary && !problems.fields.code ? <Alert title="Not verified">{problems.summary}</Alert> : null}
      <div className="prof-verify__row">
        <Button variant={sent ? 'secondary' : 'primary'} busy={send.isPending} onClick={() => send.mutate(method.id)}>
          {sent ? 'Send a new code' : 'Send code'}
        </Button>
        <Field id={fid} label="Code" error={problems.fields.code} className="prof-verify__code">
          <input
            id={fid}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={20}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            {...describedBy(fid, problems.fields.code)}
          />
        </Field>
        <Button type="submit" variant={sent ? 'primary' : 'secondary'} busy={confirm.isPending} disabled={!code.trim()}>
          Confirm
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Close
        </Button>
      </div>
    </form>
  );
}
