/**
 * Row shapes of live call routing (platform/db/migrations/0009_call_routing.ts). Times are UTC
 * epoch milliseconds.
 */

/** One entry of the phone menu: press `digit` (1–9) to reach `service_id`'s on-call people. */
export interface CallRoutesTable {
  id: string;
  digit: number;
  service_id: string;
  /** What the menu says for this entry: "press 1 for <label>". */
  label: string;
  created_at: number;
  updated_at: number;
}

/** The menu's greeting: a single row with id 'default' (absent until the menu is first saved). */
export interface CallRoutingSettingsTable {
  id: string;
  greeting: string;
  updated_at: number;
}

export interface CallRoutingTables {
  call_routes: CallRoutesTable;
  call_routing_settings: CallRoutingSettingsTable;
}
