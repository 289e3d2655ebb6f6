/**
 * Row shapes of the on-call domain's tables (see platform/db/migrations/0002_oncall.ts). Times
 * are UTC epoch milliseconds; JSON columns hold text.
 */

export interface SchedulesTable {
  id: string;
  /** Unique among schedules. */
  name: string;
  description: string;
  team_id: string | null;
  /** IANA zone every wall-clock value of the layers is read in. */
  time_zone: string;
  /**
   * The layers as the pure core reads them (`Layer[]` of oncall/types.ts, camelCase), each
   * with its earlier versions in `history`, highest precedence last.
   */
  layers: string;
  /** Random value the calendar-feed secret is derived from; replaced when the URL is rotated. */
  ical_nonce: string;
  /** sha256 hex of the current feed secret, to find the schedule a feed URL names. */
  ical_token_hash: string;
  created_at: number;
  updated_at: number;
}

export interface ScheduleOverridesTable {
  id: string;
  schedule_id: string;
  user_id: string;
  start_at: number;
  end_at: number;
  source: 'override' | 'swap';
  /** The shift swap this override came from, when source is 'swap'. */
  swap_id: string | null;
  /** The user who created it, when a person did. */
  created_by: string | null;
  created_at: number;
}

export interface TimeOffTable {
  id: string;
  user_id: string;
  start_at: number;
  end_at: number;
  reason: string;
  created_by: string | null;
  created_at: number;
}

export type ShiftSwapStatus = 'offered' | 'taken' | 'cancelled';

export interface ShiftSwapsTable {
  id: string;
  schedule_id: string;
  offered_by: string;
  start_at: number;
  end_at: number;
  status: ShiftSwapStatus;
  taken_by: string | null;
  taken_at: number | null;
  /** The override that put `taken_by` on call. */
  override_id: string | null;
  cancelled_by: string | null;
  cancelled_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A user's personal calendar feed (their shifts across every schedule). */
export interface UserIcalFeedsTable {
  user_id: string;
  ical_nonce: string;
  ical_token_hash: string;
  created_at: number;
  updated_at: number;
}

/** Secrets of the domain that live in the database; today only the calendar-feed key. */
export interface OncallSecretsTable {
  name: string;
  value: string;
  created_at: number;
}

export interface OncallTables {
  schedules: SchedulesTable;
  schedule_overrides: ScheduleOverridesTable;
  time_off: TimeOffTable;
  shift_swaps: ShiftSwapsTable;
  user_ical_feeds: UserIcalFeedsTable;
  oncall_secrets: OncallSecretsTable;
}
