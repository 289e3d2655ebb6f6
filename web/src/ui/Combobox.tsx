/**
 * A searchable select: type to filter, pick with the mouse or the arrow keys and Enter. The
 * caller owns the options (so they may come from a server search on `query`) and what picking
 * one does; the box empties itself after a pick, ready for the next one.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import './combobox.css';

export interface ComboOption {
  value: string;
  label: string;
  /** A second, quieter line or tag, e.g. an email address or "schedule". */
  hint?: string;
}

export interface ComboboxProps {
  id?: string;
  /** Accessible name of the input (use a <label htmlFor={id}> instead where there is one). */
  ariaLabel?: string;
  placeholder?: string;
  query: string;
  onQueryChange: (q: string) => void;
  options: readonly ComboOption[];
  onPick: (option: ComboOption) => void;
  loading?: boolean;
  /** Said in the list when nothing matches. */
  empty?: string;
  invalid?: boolean;
  describedBy?: string;
}

export function Combobox(props: ComboboxProps) {
  const { query, onQueryChange, options, onPick, loading, empty = 'Nothing matches', invalid, describedBy, placeholder, ariaLabel } = props;
  const fallbackId = useId();
  const id = props.id ?? fallbackId;
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(options.length - 1, 0));

  const pick = (o: ComboOption | undefined) => {
    if (!o) return;
    onPick(o);
    onQueryChange('');
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive(Math.min(current + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (e.key === 'Enter') {
      // Enter picks; it never submits the surrounding form from here.
      if (open && options.length) {
        e.preventDefault();
        pick(options[current]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      }
    }
  };

  return (
    <div className="combo">
      <input
        id={id}
        type="search"
        role="combobox"
        className="combo__input"
        aria-label={ariaLabel}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options.length ? `${id}-opt-${current}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          onQueryChange(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        // Later than a click on an option, which is handled on mouse down.
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id={listId} role="listbox" className="combo__list" aria-label={ariaLabel ? `${ariaLabel}: matches` : 'Matches'}>
          {options.map((o, i) => (
            <li
              key={o.value}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === current}
              className={`combo__option${i === current ? ' is-active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="combo__label">{o.label}</span>
              {o.hint ? <span className="combo__hint">{o.hint}</span> : null}
            </li>
          ))}
          {options.length === 0 ? <li className="combo__empty">{loading ? 'Searching…' : empty}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
