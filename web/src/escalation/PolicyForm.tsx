/** Create or edit an escalation policy: name, team, description, its ordered levels, and repeats. */
import { useId, useState, type FormEvent } from 'react';
import { useTeams } from '../access/queries.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { bodyOf, draftFields, draftOf, fitProblem, type Draft, type DraftLevel } from './draft.js';
import { LevelsEditor } from './LevelsEditor.js';
import { useTargetNames } from './names.js';
import { useCreatePolicy, useSavePolicy, type Policy } from './queries.js';

const REPEATS = Array.from({ length: 10 }, (_, n) => n);
const repeatText = (n: number) => (n === 0 ? 'Once (no repeats)' : n === 1 ? 'Repeat once' : `Repeat ${n} times`);

export function PolicyForm({ policy, onSaved, onCancel }: { policy?: Policy; onSaved: (p: Policy) => void; onCancel: () => void }) {
  const create = useCreatePolicy();
  const save = useSavePolicy(policy?.id ?? '');
  const m = policy ? save : create;
  const teams = useTeams();
  const names = useTargetNames();
  const [draft, setDraft] = useState<Draft>(() => draftOf(policy));
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(fitProblem(m.error), draftFields(draft));
  const err = problems.fields;

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setLevels = (levels: DraftLevel[], reordered?: boolean) => {
    // Problems name levels by position: once levels move, they would point at the wrong one.
    if (reordered && m.error) m.reset();
    set({ levels });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate(bodyOf(draft), { onSuccess: onSaved });
  };

  const title = policy ? `Edit ${policy.name}` : 'New escalation policy';
  return (
    <form className="panel form-panel ep-form" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>{title}</h3>
      {problems.summary ? <Alert title={policy ? 'The policy was not saved' : 'The policy was not created'}>{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('name')} label="Policy name" error={err.name} hint="e.g. “Payments — primary then secondary”">
          <input id={id('name')} name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} autoComplete="off" {...describedBy(id('name'), err.name, true)} />
        </Field>
        <Field id={id('team_id')} label="Team" optional error={err.team_id}>
          <select id={id('team_id')} name="team_id" value={draft.teamId} onChange={(e) => set({ teamId: e.target.value })} {...describedBy(id('team_id'), err.team_id)}>
            <option value="">No team</option>
            {teams.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('repeat')} label="When the last level is not acknowledged" error={err.repeat} hint="Repeats run the whole policy again from level 1.">
          <select id={id('repeat')} name="repeat" value={String(draft.repeat)} onChange={(e) => set({ repeat: Number(e.target.value) })} {...describedBy(id('repeat'), err.repeat, true)}>
            {REPEATS.map((n) => (
              <option key={n} value={String(n)}>
                {repeatText(n)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('description')} label="Description" optional error={err.description} className="form-grid__wide">
          <textarea id={id('description')} name="description" rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} {...describedBy(id('description'), err.description)} />
        </Field>
      </div>

      <fieldset className="ep-fieldset">
        <legend>Levels, in paging order</legend>
        <LevelsEditor idBase={base} levels={draft.levels} repeat={draft.repeat} names={names} errors={err} onChange={setLevels} />
      </fieldset>

      <div className="form-actions">
        <Button type="submit" variant="primary" busy={m.isPending}>
          {m.isPending ? 'Saving…' : policy ? 'Save policy' : 'Create policy'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
