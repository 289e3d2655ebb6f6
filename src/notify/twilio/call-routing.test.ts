import { describe, expect, it } from 'vitest';
import { menuProblems } from './call-routing.js';

describe('menuProblems', () => {
  const known = new Set(['svc-net', 'svc-db']);

  it('accepts distinct digits for known services', () => {
    expect(menuProblems([{ digit: 1, service_id: 'svc-net', label: 'network' }, { digit: 2, service_id: 'svc-db', label: 'databases' }, { digit: 9, service_id: 'svc-net', label: 'other' }], known)).toEqual([]);
    expect(menuProblems([], known)).toEqual([]);
  });

  it('names each repeated digit, unknown service and empty label by its field', () => {
    const problems = menuProblems(
      [
        { digit: 1, service_id: 'svc-net', label: 'network' },
        { digit: 1, service_id: 'svc-gone', label: 'databases' },
        { digit: 0, service_id: 'svc-db', label: '  ' },
      ],
      known,
    );
    expect(problems.map((p) => p.field)).toEqual(['entries/1/digit', 'entries/1/service_id', 'entries/2/digit', 'entries/2/label']);
    expect(problems[0]!.message).toContain('entries/0');
  });
});
