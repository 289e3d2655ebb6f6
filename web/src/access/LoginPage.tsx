import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { BellMark } from '../layout/BellMark.js';
import { Alert, Button, Field } from '../ui/forms.js';
import { useSignIn } from './session.js';

/** Email and password; on failure, the problem's detail from the server. */
export function LoginPage({ onSignedIn }: { onSignedIn: () => void }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailId = useId();
  const passwordId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: onSignedIn });
  };

  const error = signIn.error;
  const message = error instanceof ApiError ? error.detail : error ? String(error) : null;

  return (
    <main className="login">
      <div className="login__card">
        <div className="login__brand">
          <BellMark size={36} />
          <span>Tocsin</span>
        </div>
        <h1 className="login__title">Sign in</h1>
        <p className="login__lede">Operations response: incidents, on-call and escalation in one place.</p>
        <form onSubmit={submit} noValidate className="stack">
          {message ? <Alert title="Could not sign in">{message}</Alert> : null}
          <Field id={emailId} label="Email">
            <input id={emailId} name="email" type="email" autoComplete="username" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
          </Field>
          <Field id={passwordId} label="Password">
            <input id={passwordId} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          <Button type="submit" variant="primary" className="btn--block" busy={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </div>
      <p className="login__footnote">
        The first admin’s password is printed when Tocsin first starts, or set with <code>TOCSIN_ADMIN_PASSWORD</code>.
      </p>
    </main>
  );
}
