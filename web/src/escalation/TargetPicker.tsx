/** A level's targets: chips for the people and schedules picked so far, and a search box to add more. */
import { useState } from 'react';
import { Combobox, type ComboOption } from '../ui/Combobox.js';
import { useDebounced } from '../ui/hooks.js';
import type { DraftTarget } from './draft.js';
import type { TargetNames } from './names.js';
import { useTargetSearch } from './queries.js';

const keyOf = (t: DraftTarget) => `${t.type}:${t.id}`;

export function TargetPicker(props: {
  id: string;
  level: number;
  targets: DraftTarget[];
  names: TargetNames;
  onChange: (targets: DraftTarget[]) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { id, level, targets, names, onChange, invalid, describedBy } = props;
  const [query, setQuery] = useState('');
  const [touched, setTouched] = useState(false);
  // Names of what was picked here, for people or schedules newer than the cached lists.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const nameOf = (t: DraftTarget) => (names.known(t) ? names.name(t) : (picked[keyOf(t)] ?? names.name(t)));
  const unknown = (t: DraftTarget) => !names.loading && !names.known(t) && !picked[keyOf(t)];
  const q = useDebounced(query, 200);
  const found = useTargetSearch(q, touched);
  const chosen = new Set(targets.map(keyOf));

  const options: ComboOption[] = [
    ...(found.schedules.data ?? []).map((s) => ({ value: `schedule:${s.id}`, label: s.name, hint: 'schedule' })),
    ...(found.users.data ?? []).map((u) => ({ value: `user:${u.id}`, label: u.name, hint: u.email })),
  ]
    // The server answers for the query of a moment ago: what is typed now decides.
    .filter((o) => !chosen.has(o.value) && `${o.label} ${o.hint}`.toLowerCase().includes(query.trim().toLowerCase()));

  const add = (o: ComboOption) => {
    const [type, ...rest] = o.value.split(':');
    setPicked({ ...picked, [o.value]: o.label });
    onChange([...targets, { type: type === 'schedule' ? 'schedule' : 'user', id: rest.join(':') }]);
  };

  return (
    <div className="ep-targets">
      {targets.length ? (
        <ul className="ep-chips" aria-label={`Level ${level} notifies`}>
          {targets.map((t) => (
            <li key={keyOf(t)} className={`ep-chip ep-chip--${t.type}${unknown(t) ? ' ep-chip--unknown' : ''}`}>
              <span className="ep-chip__kind" aria-hidden="true">
                {t.type === 'schedule' ? '◷' : '●'}
              </span>
              <span className="ep-chip__name">{nameOf(t)}</span>
              <button
                type="button"
                className="ep-chip__remove"
                aria-label={`Remove ${nameOf(t)} from level ${level}`}
                onClick={() => onChange(targets.filter((x) => keyOf(x) !== keyOf(t)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div onFocus={() => setTouched(true)}>
        <Combobox
          id={id}
          placeholder="Add a person or schedule…"
          query={query}
          onQueryChange={setQuery}
          options={options}
          onPick={add}
          loading={found.users.isFetching || found.schedules.isFetching}
          empty={q.trim() ? `No person or schedule matches “${q.trim()}”` : 'No people or schedules yet'}
          invalid={invalid}
          describedBy={describedBy}
        />
      </div>
    </div>
  );
}
