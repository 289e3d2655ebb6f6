/** The ordered levels of a policy being edited: add, remove, move up and down, and edit each. */
import { Button, describedBy, Field } from '../ui/forms.js';
import { moveLevel, newLevel, type DraftLevel } from './draft.js';
import type { TargetNames } from './names.js';
import { TargetPicker } from './TargetPicker.js';

export const MAX_LEVELS = 20;

/** What happens when a level's wait runs out. */
function afterText(i: number, count: number, repeat: number): string {
  if (i < count - 1) return `If nobody acknowledges in time, level ${i + 2} is paged.`;
  return repeat > 0 ? 'If nobody acknowledges in time, the policy starts again at level 1.' : 'The last level: nobody else is paged after it.';
}

export function LevelsEditor(props: {
  idBase: string;
  levels: DraftLevel[];
  repeat: number;
  names: TargetNames;
  errors: Record<string, string>;
  onChange: (levels: DraftLevel[], reordered?: boolean) => void;
}) {
  const { idBase, levels, repeat, names, errors, onChange } = props;
  const set = (i: number, patch: Partial<DraftLevel>) => onChange(levels.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <div className="ep-levels">
      <ol className="ep-level-list" aria-label="Levels">
        {levels.map((level, i) => {
          const n = i + 1;
          const id = (f: string) => `${idBase}-level-${level.key}-${f}`;
          const delayErr = errors[`levels/${i}/delay_minutes`];
          const targetsErr = errors[`levels/${i}/targets`];
          const levelErr = errors[`levels/${i}`] ?? errors[`levels/${i}/round_robin`];
          return (
            <li key={level.key} className="ep-level" aria-label={`Level ${n}`} data-level={n}>
              <div className="ep-level__head">
                <span className="ep-level__badge">Level {n}</span>
                <span className="ep-level__tools">
                  <Button variant="ghost" className="ep-icon-btn" aria-label={`Move level ${n} up`} disabled={i === 0} onClick={() => onChange(moveLevel(levels, i, i - 1), true)}>
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    className="ep-icon-btn"
                    aria-label={`Move level ${n} down`}
                    disabled={i === levels.length - 1}
                    onClick={() => onChange(moveLevel(levels, i, i + 1), true)}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="ghost"
                    className="btn--danger-text"
                    aria-label={`Remove level ${n}`}
                    disabled={levels.length === 1}
                    title={levels.length === 1 ? 'A policy needs at least one level' : undefined}
                    onClick={() => onChange(levels.filter((_, j) => j !== i), true)}
                  >
                    Remove
                  </Button>
                </span>
              </div>
              {levelErr ? <p className="field__error">{levelErr}</p> : null}
              <div className="ep-level__body">
                <Field id={id('targets')} label="Notify" error={targetsErr} className="ep-level__targets">
                  <TargetPicker
                    id={id('targets')}
                    level={n}
                    targets={level.targets}
                    names={names}
                    onChange={(targets) => set(i, { targets })}
                    invalid={Boolean(targetsErr)}
                    describedBy={targetsErr ? `${id('targets')}-error` : undefined}
                  />
                </Field>
                <div className="ep-level__options">
                  <Field id={id('delay')} label="Escalate after (minutes)" error={delayErr} hint={afterText(i, levels.length, repeat)}>
                    <input
                      id={id('delay')}
                      type="number"
                      min={1}
                      max={1440}
                      inputMode="numeric"
                      value={level.delay}
                      onChange={(e) => set(i, { delay: e.target.value })}
                      {...describedBy(id('delay'), delayErr, true)}
                    />
                  </Field>
                  <div className="field ep-check">
                    <label>
                      <input type="checkbox" checked={level.roundRobin} onChange={(e) => set(i, { roundRobin: e.target.checked })} /> Round robin
                    </label>
                    <p className="field__hint">{level.roundRobin ? 'Each escalation pages the next target in turn.' : 'Every target is paged at once.'}</p>
                  </div>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      {errors.levels ? <p className="field__error">{errors.levels}</p> : null}
      <Button onClick={() => onChange([...levels, newLevel()], true)} disabled={levels.length >= MAX_LEVELS}>
        + Add level
      </Button>
    </div>
  );
}
