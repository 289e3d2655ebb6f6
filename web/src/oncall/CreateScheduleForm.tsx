import { useId, useMemo, useState, type FormEvent } from 'react';
import { useAllUsers, useTeams } from '../access/queries.js';
import { Alert, Button, describedBy, Field, formProblems } from '../ui/forms.js';
import { browserTimeZone, timeZones } from '../ui/format.js';
import { PersonChip, renameProblemFields } from './common.js';
import { useCreateSchedule, type CreateScheduleBody, type RotationInput, type Schedule } from './queries.js';
import { dateKey, fromLocalInput, isKnownZone, today } from './time.js';

const L = 'layers/0';
const FIELDS = [
  'name',
  'time_zone',
  'team_id',
  `${L}/name`,
  `${L}/users`,
  `${L}/rotation/type`,
  `${L}/rotation/length`,
  `${L}/rotation/handoff_time`,
  `${L}/rotation/handoff_day`,
  `${L}/start`,
] as const;

type RotationType = 'daily' | 'weekly' | 'hourly' | 'custom';

const ROTATIONS: { value: RotationType; label: string; unit: string }[] = [
  { value: 'daily', label: 'Daily', unit: 'days' },
  { value: 'weekly', label: 'Weekly', unit: 'weeks' },
  { value: 'hourly', label: 'Hourly', unit: 'hours' },
  { value: 'custom', label: 'Custom (hours)', unit: 'hours' },
];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "layers/0/users/2" and "layers/0/rotation" are shown at the field that can fix them. */
function formField(field: string): string {
  if (field.startsWith(`${L}/users`) || field === 'layers') return `${L}/users`;
  if (field === `${L}/rotation`) return `${L}/rotation/type`;
  if (field === `${L}/rotation_start`) return `${L}/start`;
  return field;
}

/** Managers make a schedule with its first layer: who rotates, how often, from when. */
export function CreateScheduleForm({ onCreated, onCancel }: { onCreated: (s: Schedule) => void; onCancel: () => void }) {
  const create = useCreateSchedule();
  const users = useAllUsers();
  const teams = useTeams();
  const zones = useMemo(() => timeZones(), []);
  const [name, setName] = useState('');
  const [zone, setZone] = useState(browserTimeZone());
  const [teamId, setTeamId] = useState('');
  const [layerName, setLayerName] = useState('Primary');
  const [members, setMembers] = useState<string[]>([]);
  const [type, setType] = useState<RotationType>('weekly');
  const [length, setLength] = useState('1');
  const [handoff, setHandoff] = useState('09:00');
  const [handoffDay, setHandoffDay] = useState('1');
  const [start, setStart] = useState(() => `${dateKey(today(browserTimeZone()))}T09:00`);
  const base = useId();
  const id = (f: string) => `${base}-${f.replace(/\//g, '-')}`;
  const problems = formProblems(renameProblemFields(create.error, formField), FIELDS);
  const err = problems.fields;
  const unit = ROTATIONS.find((r) => r.value === type)?.unit ?? 'days';
  const byId = new Map((users.data ?? []).map((u) => [u.id, u]));
  const candidates = (users.data ?? []).filter((u) => !members.includes(u.id));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const zoneName = zone.trim();
    const startIso = fromLocalInput(start, zoneName) ?? start;
    const rotation: RotationInput = {
      type,
      handoff_time: handoff,
      ...(length.trim() ? { length: Number(length) } : {}),
      ...(type === 'weekly' ? { handoff_day: Number(handoffDay) } : {}),
    };
    const body: CreateScheduleBody = {
      name: name.trim(),
      time_zone: zoneName,
      team_id: teamId || null,
      layers: [{ name: layerName.trim(), start: startIso, users: members, rotation }],
    };
    create.mutate(body, { onSuccess: onCreated });
  };

  return (
    <form className="panel form-panel" onSubmit={submit} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>New schedule</h3>
      {problems.summary ? <Alert title="The schedule was not created">{problems.summary}</Alert> : null}
      <div className="form-grid">
        <Field id={id('name')} label="Name" error={err.name}>
          <input id={id('name')} name="schedule_name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" {...describedBy(id('name'), err.name)} />
        </Field>
        <Field id={id('time_zone')} label="Time zone" error={err.time_zone} hint="Handoff times are read in this zone">
          <input
            id={id('time_zone')}
            name="time_zone"
            list={id('zones')}
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            autoComplete="off"
            {...describedBy(id('time_zone'), err.time_zone, true)}
          />
          <datalist id={id('zones')}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
        <Field id={id('team_id')} label="Team" optional error={err.team_id}>
          <select id={id('team_id')} name="team_id" value={teamId} onChange={(e) => setTeamId(e.target.value)} {...describedBy(id('team_id'), err.team_id)}>
            <option value="">No team</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="layer-fieldset">
        <legend>First layer</legend>
        <div className="form-grid">
          <Field id={id(`${L}/name`)} label="Layer name" error={err[`${L}/name`]}>
            <input id={id(`${L}/name`)} name="layer_name" value={layerName} onChange={(e) => setLayerName(e.target.value)} autoComplete="off" {...describedBy(id(`${L}/name`), err[`${L}/name`])} />
          </Field>
          <Field id={id(`${L}/rotation/type`)} label="Rotation" error={err[`${L}/rotation/type`]}>
            <select id={id(`${L}/rotation/type`)} name="rotation_type" value={type} onChange={(e) => setType(e.target.value as RotationType)} {...describedBy(id(`${L}/rotation/type`), err[`${L}/rotation/type`])}>
              {ROTATIONS.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id(`${L}/rotation/length`)} label={`Turn length (${unit})`} error={err[`${L}/rotation/length`]} optional={type !== 'custom'}>
            <input
              id={id(`${L}/rotation/length`)}
              name="rotation_length"
              type="number"
              min={1}
              inputMode="numeric"
              value={length}
              onChange={(e) => setLength(e.target.value)}
              {...describedBy(id(`${L}/rotation/length`), err[`${L}/rotation/length`])}
            />
          </Field>
          <Field id={id(`${L}/rotation/handoff_time`)} label="Handoff time" error={err[`${L}/rotation/handoff_time`]} hint={isKnownZone(zone.trim()) ? `In ${zone.trim()}` : undefined}>
            <input
              id={id(`${L}/rotation/handoff_time`)}
              name="handoff_time"
              type="time"
              value={handoff}
              onChange={(e) => setHandoff(e.target.value)}
              {...describedBy(id(`${L}/rotation/handoff_time`), err[`${L}/rotation/handoff_time`], isKnownZone(zone.trim()))}
            />
          </Field>
          {type === 'weekly' ? (
            <Field id={id(`${L}/rotation/handoff_day`)} label="Handoff day" error={err[`${L}/rotation/handoff_day`]}>
              <select
                id={id(`${L}/rotation/handoff_day`)}
                name="handoff_day"
                value={handoffDay}
                onChange={(e) => setHandoffDay(e.target.value)}
                {...describedBy(id(`${L}/rotation/handoff_day`), err[`${L}/rotation/handoff_day`])}
              >
                {WEEKDAYS.map((d, i) => (
                  <option key={d} value={String(i + 1)}>
                    {d}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field id={id(`${L}/start`)} label="Starts" error={err[`${L}/start`]} hint={`${isKnownZone(zone.trim()) ? `In ${zone.trim()}. ` : ''}The first person’s turn contains this moment`}>
            <input id={id(`${L}/start`)} name="layer_start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} {...describedBy(id(`${L}/start`), err[`${L}/start`], true)} />
          </Field>
          <Field id={id(`${L}/users`)} label="Add to rotation" error={err[`${L}/users`]} className="form-grid__wide" hint="People take turns in this order">
            <select
              id={id(`${L}/users`)}
              name="rotation_user"
              value=""
              disabled={users.isPending}
              onChange={(e) => {
                const v = e.target.value;
                if (v) setMembers((m) => [...m, v]);
              }}
              {...describedBy(id(`${L}/users`), err[`${L}/users`], true)}
            >
              <option value="">{users.isPending ? 'Loading people…' : candidates.length ? 'Choose a person…' : 'Everyone is in the rotation'}</option>
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} — {u.email}
                </option>
              ))}
            </select>
            {members.length ? (
              <ol className="rotation-order" aria-label="Rotation order">
                {members.map((m, i) => (
                  <li key={m}>
                    <span className="rotation-order__n">{i + 1}</span>
                    <PersonChip id={m} name={byId.get(m)?.name ?? m} />
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={`Remove ${byId.get(m)?.name ?? m} from the rotation`}
                      title="Remove from the rotation"
                      onClick={() => setMembers((all) => all.filter((x) => x !== m))}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ol>
            ) : null}
          </Field>
        </div>
      </fieldset>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create schedule'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
