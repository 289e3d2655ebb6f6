/** Row shapes of the maintenance window tables (migration 0004_rules_maintenance.ts). */

export interface MaintenanceWindowsTable {
  id: string;
  description: string;
  start_at: number;
  end_at: number;
  /** A CEL condition over the event; null covers every event of the window's services. */
  condition: string | null;
  /** 1 when `end_at` was moved to the moment someone ended the window early. */
  ended_early: number;
  /** user or token id */
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface MaintenanceWindowServicesTable {
  window_id: string;
  service_id: string;
}

export interface MaintenanceTables {
  maintenance_windows: MaintenanceWindowsTable;
  maintenance_window_services: MaintenanceWindowServicesTable;
}
