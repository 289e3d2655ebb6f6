/**
 * The policy editor's working copy: what the form holds (numbers as typed, target names for
 * display), how it becomes the API body, and how the API's field problems map onto it.
 */
import { reshapeProblem } from '../incidents/parts.js';
import type { Policy, PolicyBody, TargetType } from './queries.js';

export interface DraftTarget {
  type: TargetType;
  id: string;
}

export interface DraftLevel {
  /** Stable React key while levels move about. */
  key: string;
  delay: string;
  roundRobin: boolean;
  targets: DraftTarget[];
}

export interface Draft {
  name: string;
  description: string;
  teamId: string;
  repeat: number;
  levels: DraftLevel[];
}

let seq = 0;
const nextKey = () => `level-${++seq}`;

export function newLevel(): DraftLevel {
  return { key: nextKey(), delay: '30', roundRobin: false, targets: [] };
}

export function draftOf(p: Policy | undefined): Draft {
  if (!p) return { name: '', description: '', teamId: '', repeat: 0, levels: [newLevel()] };
  return {
    name: p.name,
    description: p.description,
    teamId: p.team_id ?? '',
    repeat: p.repeat,
    levels: p.levels.map((l) => ({
      key: nextKey(),
      delay: String(l.delay_minutes),
      roundRobin: l.round_robin,
      targets: l.targets.map((t) => ({ type: t.type === 'schedule' ? 'schedule' : 'user', id: t.id })),
    })),
  };
}

/** Minutes as typed -> a number for the API (the server names whatever is wrong with it). */
const minutes = (s: string) => (s.trim() === '' ? 0 : Number(s));

export function bodyOf(d: Draft): PolicyBody {
  return {
    name: d.name.trim(),
    description: d.description.trim(),
    team_id: d.teamId || null,
    repeat: d.repeat,
    levels: d.levels.map((l) => ({ delay_minutes: minutes(l.delay), round_robin: l.roundRobin, targets: l.targets.map((t) => ({ type: t.type, id: t.id })) })),
  };
}

export function moveLevel(levels: DraftLevel[], from: number, to: number): DraftLevel[] {
  if (to < 0 || to >= levels.length) return levels;
  const next = [...levels];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Every field the form places problems beside, for `formProblems`. */
export function draftFields(d: Draft): string[] {
  return ['name', 'description', 'team_id', 'repeat', 'levels', ...d.levels.flatMap((_, i) => [`levels/${i}`, `levels/${i}/delay_minutes`, `levels/${i}/targets`, `levels/${i}/round_robin`])];
}

/**
 * The server's problem with field names fitted to the form: a problem with one target
 * ("levels/1/targets/0/id: no such user") goes beside that level's targets, and "fewer than
 * 1 items" says what to do.
 */
export function fitProblem(error: unknown): unknown {
  return reshapeProblem(error, (p) => {
    const target = /^(levels\/\d+\/targets)\/\d+(\/.*)?$/.exec(p.field);
    const field = target ? target[1]! : p.field;
    let message = p.message;
    if (/fewer than 1 items?$/.test(message)) message = /\/targets$/.test(field) ? 'pick at least one person or schedule' : field === 'levels' ? 'add at least one level' : message;
    return { field, message };
  });
}
