import { useId, useState, type FormEvent } from 'react';
import type { Team } from '../api/client.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { initials } from '../ui/format.js';
import { useAllUsers, useCreateTeam, useRemoveTeamMember, useSetTeamMember, useTeams } from './queries.js';
import { useRoleAtLeast } from './session.js';

export function TeamsSection() {
  const canManage = useRoleAtLeast('manager');
  const teams = useTeams();
  const [adding, setAdding] = useState(false);
  const headingId = useId();

  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__header">
        <h2 id={headingId}>Teams</h2>
        <div className="section__tools">
          {canManage && !adding ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              New team
            </Button>
          ) : null}
        </div>
      </div>
      {adding ? <CreateTeamForm onDone={() => setAdding(false)} /> : null}
      {teams.isError ? <Alert title="Could not load teams">{teams.error.message}</Alert> : null}
      {teams.isPending ? <p className="muted">Loading teams…</p> : null}
      {teams.data && teams.data.length === 0 ? (
        <div className="panel empty-state">
          <p>No teams yet.{canManage ? ' Teams group the people who answer for the same services.' : ''}</p>
        </div>
      ) : null}
      <div className="team-grid">
        {teams.data?.map((t) => (
          <TeamCard key={t.id} team={t} canManage={canManage} />
        ))}
      </div>
    </section>
  );
}

function TeamCard({ team, canManage }: { team: Team; canManage: boolean }) {
  const remove = useRemoveTeamMember();
  return (
    <article className="panel team-card" aria-label={`Team ${team.name}`}>
      <header className="team-card__header">
        <h3>{team.name}</h3>
        <span className="muted small">
          {team.members.length} {team.members.length === 1 ? 'member' : 'members'}
        </span>
      </header>
      {team.description ? <p className="team-card__description">{team.description}</p> : null}
      {team.members.length ? (
        <ul className="member-list">
          {team.members.map((m) => (
            <li key={m.user_id}>
              <span className="avatar avatar--sm" aria-hidden="true">
                {initials(m.name)}
              </span>
              <span className="member-list__who">
                <span>{m.name}</span>
                <span className="muted small">{m.email}</span>
              </span>
              {m.role === 'manager' ? <span className="badge badge--accent">manager</span> : null}
              {canManage ? (
                <button
                  type="button"
                  className="icon-btn"
                  aria-label={`Remove ${m.name} from ${team.name}`}
                  title="Remove from team"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ teamId: team.id, userId: m.user_id })}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No members yet.</p>
      )}
      {remove.error ? <Alert>{remove.error.message}</Alert> : null}
      {canManage ? <AddMember team={team} /> : null}
    </article>
  );
}

function AddMember({ team }: { team: Team }) {
  const [open, setOpen] = useState(false);
  const users = useAllUsers(open);
  const add = useSetTeamMember();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<'member' | 'manager'>('member');
  const base = useId();
  const candidates = (users.data ?? []).filter((u) => !team.members.some((m) => m.user_id === u.id));

  if (!open) {
    return (
      <Button variant="ghost" className="team-card__add" onClick={() => setOpen(true)}>
        + Add member
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!userId) return;
    add.mutate(
      { teamId: team.id, userId, role },
      {
        onSuccess: () => {
          setUserId('');
          setOpen(false);
        },
      },
    );
  };
  return (
    <form className="add-member" onSubmit={submit}>
      <label htmlFor={`${base}-user`} className="visually-hidden">
        Person
      </label>
      <select id={`${base}-user`} value={userId} onChange={(e) => setUserId(e.target.value)} disabled={users.isPending}>
        <option value="">{users.isPending ? 'Loading…' : candidates.length ? 'Choose a person…' : 'Everyone is a member'}</option>
        {candidates.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} — {u.email}
          </option>
        ))}
      </select>
      <label htmlFor={`${base}-role`} className="visually-hidden">
        Team role
      </label>
      <select id={`${base}-role`} value={role} onChange={(e) => setRole(e.target.value as 'member' | 'manager')}>
        <option value="member">member</option>
        <option value="manager">manager</option>
      </select>
      <Button type="submit" variant="primary" busy={add.isPending} disabled={!userId}>
        Add
      </Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {add.error ? <Alert>{add.error.message}</Alert> : null}
    </form>
  );
}

const TEAM_FIELDS = ['name', 'description'] as const;

function CreateTeamForm({ onDone }: { onDone: () => void }) {
  const create = useCreateTeam();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const base = useId();
  const id = (f: string) => `${base}-${f}`;
  const problems = formProblems(create.error, TEAM_FIELDS);
  const err = problems.fields;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) }, { onSuccess: onDone });
  };

  return (
    <form className="panel form-panel" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>New team</h3>
      {problems.summary ? <Alert title="The team was not created">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('name')} label="Team name" error={err.name}>
          <input id={id('name')} name="team_name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy(id('name'), err.name)} />
        </Field>
        <Field id={id('description')} label="Description" optional error={err.description} className="form-grid__wide">
          <textarea id={id('description')} name="description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} {...describedBy(id('description'), err.description)} />
        </Field>
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create team'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
