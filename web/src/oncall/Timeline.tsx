/**
 * The schedule timeline: one row per layer, a row of overrides and the final schedule, over a
 * week or a month. Positions are fractions of the range between two instants, so a day the
 * clocks change is drawn an hour shorter or longer, as it really is.
 */
import { useEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { initials } from '../ui/format.js';
import { useSwatchStyle } from './colors.js';
import { formatDay, formatInstant, formatSpan, type CalendarDate } from './time.js';

export interface TimelineDay {
  date: CalendarDate;
  /** The instant the day begins in the zone shown. */
  start: number;
  isToday: boolean;
  isWeekend: boolean;
}

export interface TimelineBar {
  key: string;
  userId: string;
  userName: string;
  start: number;
  end: number;
  /** 'layer' draws a solid bar; 'override' and 'swap' a dashed one (a swap also says so). */
  kind: 'layer' | 'override' | 'swap';
  /** Extra words for the tooltip and screen readers, e.g. "covering for Ana". */
  note?: string;
  selected?: boolean;
  onSelect?: () => void;
}

export interface TimelineRow {
  key: string;
  label: string;
  sublabel?: string;
  variant?: 'layer' | 'overrides' | 'final';
  bars: TimelineBar[];
  /** Spans where the row has nobody, drawn hatched. */
  gaps: { start: number; end: number }[];
  /** What to write across an empty row. */
  emptyText?: string;
}

interface Props {
  since: number;
  until: number;
  days: TimelineDay[];
  view: 'week' | 'month';
  zone: string;
  rows: TimelineRow[];
  now: number;
  busy?: boolean;
}

/** The track's width in pixels, so labels can be shortened to what fits. */
function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** The longest label that fits a bar `px` wide (less `inset` of border and padding): the name, the first name, the initials, or nothing. */
function fitLabel(name: string, px: number, prefix: string, inset: number): string {
  const room = px - inset;
  const full = `${prefix}${name}`;
  if (room >= full.length * 6.8) return full;
  const first = `${prefix}${name.split(/\s+/)[0] ?? name}`;
  if (room >= first.length * 6.8) return first;
  const short = initials(name);
  if (room >= short.length * 7.5) return short;
  return '';
}

export function Timeline({ since, until, days, view, zone, rows, now, busy }: Props) {
  const [trackRef, trackWidth] = useWidth<HTMLDivElement>();
  const scrollRef = useRef<HTMLDivElement>(null);
  const span = until - since;

  // On a narrow screen the timeline scrolls sideways: start with "now" in view.
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || box.scrollWidth <= box.clientWidth || !(now >= since && now < until)) return;
    const label = box.scrollWidth - (trackRef.current?.getBoundingClientRect().width ?? box.scrollWidth);
    const x = label + ((now - since) / (until - since)) * (box.scrollWidth - label);
    box.scrollLeft = Math.max(0, x - label - (box.clientWidth - label) / 3);
    // Only when the range or layout changes, not on every minute's tick.
  }, [since, until, view, trackWidth > 0]);
  const pct = (t: number) => ((Math.min(Math.max(t, since), until) - since) / span) * 100;
  const place = (start: number, end: number): CSSProperties => ({ left: `${pct(start)}%`, width: `${pct(end) - pct(start)}%` });
  const showNow = now >= since && now < until;

  const columns = days.map((d, i) => {
    const end = days[i + 1]?.start ?? until;
    return { ...d, end };
  });

  const grid = (
    <>
      {columns.map((c) => (
        <div key={c.start} className={`tl-col${c.isWeekend ? ' tl-col--weekend' : ''}${c.isToday ? ' tl-col--today' : ''}`} style={place(c.start, c.end)} aria-hidden="true" />
      ))}
      {showNow ? <div className="tl-now" style={{ left: `${pct(now)}%` }} aria-hidden="true" /> : null}
    </>
  );

  return (
    <div className={`tl tl--${view}`} aria-busy={busy || undefined}>
      <div className="tl__scroll" ref={scrollRef}>
        <div className="tl__grid">
          <div className="tl__row tl__row--head">
            <div className="tl__label tl__label--head">
              <span className="small muted">{zone}</span>
            </div>
            <div className="tl__track tl__track--head" ref={trackRef}>
              {columns.map((c) => (
                <div
                  key={c.start}
                  className={`tl-day${c.isWeekend ? ' tl-day--weekend' : ''}${c.isToday ? ' tl-day--today' : ''}`}
                  style={place(c.start, c.end)}
                  title={formatDay(c.date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}
                >
                  {view === 'week' ? (
                    <>
                      <span className="tl-day__weekday">{formatDay(c.date, { weekday: 'short' })}</span>
                      <span className="tl-day__date">{formatDay(c.date, { day: 'numeric', month: 'short' })}</span>
                    </>
                  ) : (
                    <>
                      <span className="tl-day__weekday">{formatDay(c.date, { weekday: 'narrow' })}</span>
                      <span className="tl-day__date">{c.date.day}</span>
                    </>
                  )}
                </div>
              ))}
              {showNow ? (
                <div className="tl-now tl-now--head" style={{ left: `${pct(now)}%` }} title={`Now: ${formatInstant(now, zone)}`} />
              ) : null}
            </div>
          </div>
          {rows.map((row) => (
            <div key={row.key} className={`tl__row tl__row--${row.variant ?? 'layer'}`} role="group" aria-label={row.label} data-row={row.variant ?? 'layer'}>
              <div className="tl__label">
                <span className="tl__label-main">{row.label}</span>
                {row.sublabel ? <span className="tl__label-sub">{row.sublabel}</span> : null}
              </div>
              <div className="tl__track">
                {grid}
                {row.gaps.map((g) => {
                  const px = ((pct(g.end) - pct(g.start)) / 100) * trackWidth;
                  return (
                    <div
                      key={`gap-${g.start}`}
                      className={`tl-gap${row.variant === 'final' ? ' tl-gap--final' : ''}`}
                      style={place(g.start, g.end)}
                      title={`Nobody on call: ${formatSpan(g.start, g.end, zone)}`}
                      data-gap=""
                    >
                      {row.variant === 'final' && px > 110 ? <span>Nobody on call</span> : null}
                    </div>
                  );
                })}
                {row.bars.map((b) => (
                  <Bar key={b.key} bar={b} style={place(b.start, b.end)} px={((pct(b.end) - pct(b.start)) / 100) * trackWidth} inset={view === 'month' ? 9 : 20} zone={zone} />
                ))}
                {row.bars.length === 0 && row.gaps.length === 0 && row.emptyText ? <span className="tl__empty">{row.emptyText}</span> : null}
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

function Bar({ bar, style, px, inset, zone }: { bar: TimelineBar; style: CSSProperties; px: number; inset: number; zone: string }): ReactNode {
  const when = formatSpan(bar.start, bar.end, zone);
  const kindWords = bar.kind === 'swap' ? ' (swap)' : bar.kind === 'override' ? ' (override)' : '';
  const title = `${bar.userName}${kindWords}${bar.note ? `, ${bar.note}` : ''}\n${when} (${zone})`;
  const label = fitLabel(bar.userName, px, bar.kind === 'swap' ? '⇄ ' : '', inset);
  const className = `tl-bar tl-bar--${bar.kind}${bar.selected ? ' is-selected' : ''}`;
  const swatch = useSwatchStyle();
  const css: CSSProperties = { ...style, ...swatch(bar.userId) };
  const data = { 'data-user': bar.userName, 'data-start': new Date(bar.start).toISOString(), 'data-end': new Date(bar.end).toISOString() };
  if (bar.onSelect) {
    return (
      <button
        type="button"
        className={className}
        style={css}
        title={title}
        aria-label={`${bar.userName}${kindWords}, ${when}`}
        aria-pressed={bar.selected ?? false}
        onClick={bar.onSelect}
        {...data}
      >
        {label}
      </button>
    );
  }
  return (
    <div className={className} style={css} title={title} {...data}>
      <span className="visually-hidden">{`${bar.userName}${kindWords}, ${when}`}</span>
      <span aria-hidden="true">{label}</span>
    </div>
  );
}
