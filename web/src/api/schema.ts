/**
 * Generated from the server's OpenAPI document by `npm run gen:api` (scripts/api-types.ts).
 * Do not edit by hand: change the route schemas and regenerate.
 */

export interface paths {
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List alerts, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    dedup_key?: string;
                    integration_id?: string;
                    /** @description Items per page */
                    limit?: number;
                    service_id?: string;
                    status?: ("triggered" | "acknowledged" | "resolved")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Alert"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an alert with its recent events */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alert"] & {
                            events: {
                                action: string;
                                id: string;
                                outcome: string;
                                payload: unknown;
                                received_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log, newest first */
        get: {
            parameters: {
                query?: {
                    actor_id?: string;
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    object_id?: string;
                    object_type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                actor_id: string | null;
                                actor_type: string;
                                /** Format: date-time */
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                object_id: string | null;
                                object_type: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/schedules/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** iCalendar feed of a schedule's final shifts, past 30 and next 90 days; the secret in the URL is the credential */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendars/users/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** iCalendar feed of one person's shifts across every schedule, past 30 and next 90 days */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/call-routing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The phone menu of the Twilio number and the webhook URLs to set in Twilio */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                digit: number;
                                label: string;
                                service_id: string;
                                service_name: string;
                            }[];
                            greeting: string;
                            /** @description the Twilio number callers dial (TOCSIN_TWILIO_FROM), null when Twilio is not configured */
                            phone_number: string | null;
                            updated_at: string | null;
                            /** @description what to set as the number's Voice and Messaging webhooks (HTTP POST) in the Twilio console */
                            webhooks: {
                                sms_url: string;
                                voice_url: string;
                            };
                        };
                    };
                };
            };
        };
        /** Replace the phone menu: a greeting and one service per digit */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description one per digit; an empty list turns the menu off */
                        entries: {
                            /** @description the key a caller presses */
                            digit: number;
                            /** @description what the menu says: "press 1 for <label>" */
                            label: string;
                            service_id: string;
                        }[];
                        /** @description said before the choices; default "You have reached the on-call line." */
                        greeting?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                digit: number;
                                label: string;
                                service_id: string;
                                service_name: string;
                            }[];
                            greeting: string;
                            /** @description the Twilio number callers dial (TOCSIN_TWILIO_FROM), null when Twilio is not configured */
                            phone_number: string | null;
                            updated_at: string | null;
                            /** @description what to set as the number's Voice and Messaging webhooks (HTTP POST) in the Twilio console */
                            webhooks: {
                                sms_url: string;
                                voice_url: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalation-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List escalation policies */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    q?: string;
                    team_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["EscalationPolicy"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an escalation policy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description in paging order; level 1 first */
                        levels: {
                            /** @description minutes before the next level is paged if nobody acknowledges */
                            delay_minutes: number;
                            /**
                             * @description page one target per escalation, in turn, instead of all
                             * @default false
                             */
                            round_robin?: boolean;
                            /** @description people and schedules this level pages */
                            targets: {
                                id: string;
                                /**
                                 * @description user | schedule
                                 * @enum {unknown}
                                 */
                                type: "user" | "schedule";
                            }[];
                        }[];
                        name: string;
                        /** @description times the whole policy runs again when nobody acknowledges */
                        repeat?: number;
                        team_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            levels: {
                                delay_minutes: number;
                                /** @description 1-based */
                                level: number;
                                round_robin: boolean;
                                targets: {
                                    id: string;
                                    type: string;
                                }[];
                            }[];
                            name: string;
                            repeat: number;
                            team_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/escalation-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an escalation policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            levels: {
                                delay_minutes: number;
                                /** @description 1-based */
                                level: number;
                                round_robin: boolean;
                                targets: {
                                    id: string;
                                    type: string;
                                }[];
                            }[];
                            name: string;
                            repeat: number;
                            team_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        /** Replace an escalation policy (absent optional fields reset) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description in paging order; level 1 first */
                        levels: {
                            /** @description minutes before the next level is paged if nobody acknowledges */
                            delay_minutes: number;
                            /**
                             * @description page one target per escalation, in turn, instead of all
                             * @default false
                             */
                            round_robin?: boolean;
                            /** @description people and schedules this level pages */
                            targets: {
                                id: string;
                                /**
                                 * @description user | schedule
                                 * @enum {unknown}
                                 */
                                type: "user" | "schedule";
                            }[];
                        }[];
                        name: string;
                        /** @description times the whole policy runs again when nobody acknowledges */
                        repeat?: number;
                        team_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            levels: {
                                delay_minutes: number;
                                /** @description 1-based */
                                level: number;
                                round_robin: boolean;
                                targets: {
                                    id: string;
                                    type: string;
                                }[];
                            }[];
                            name: string;
                            repeat: number;
                            team_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete an escalation policy no service uses */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of an escalation policy */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description in paging order; level 1 first */
                        levels?: {
                            /** @description minutes before the next level is paged if nobody acknowledges */
                            delay_minutes: number;
                            /**
                             * @description page one target per escalation, in turn, instead of all
                             * @default false
                             */
                            round_robin?: boolean;
                            /** @description people and schedules this level pages */
                            targets: {
                                id: string;
                                /**
                                 * @description user | schedule
                                 * @enum {unknown}
                                 */
                                type: "user" | "schedule";
                            }[];
                        }[];
                        name?: string;
                        /** @description times the whole policy runs again when nobody acknowledges */
                        repeat?: number;
                        team_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            levels: {
                                delay_minutes: number;
                                /** @description 1-based */
                                level: number;
                                round_robin: boolean;
                                targets: {
                                    id: string;
                                    type: string;
                                }[];
                            }[];
                            name: string;
                            repeat: number;
                            team_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/event-rules/router": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The global router rules: the first match decides the service */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                actions: {
                                    annotate?: {
                                        [key: string]: string;
                                    };
                                    /** @description Liquid template over event and extracted, e.g. {{event.source}}/{{extracted.disk}} */
                                    dedup_key?: string;
                                    drop?: boolean;
                                    extract?: {
                                        /** @description Dotted path into the event, e.g. custom_details.host or summary */
                                        field: string;
                                        /** @description Any of i, m, s */
                                        flags?: string;
                                        /** @description JavaScript regular expression with a capture group (the first named group, else group 1, is kept) */
                                        regex: string;
                                        /** @description Name the value is kept under (extracted.<target>) */
                                        target: string;
                                    }[];
                                    pause_notifications_seconds?: number;
                                    priority?: string;
                                    /** @description Router ruleset only: the service the event goes to */
                                    route_to_service_id?: string;
                                    severity?: "critical" | "error" | "warning" | "info";
                                    suppress?: boolean;
                                    urgency?: "high" | "low";
                                };
                                condition: string;
                                description?: string;
                                disabled: boolean;
                                id: string;
                                position: number;
                            }[];
                            scope: "router" | "service";
                            service_id: string | null;
                            updated_at: string | null;
                            updated_by: string | null;
                            /** @description Rises by one on every save; 0 for rules never saved. Send it back (or If-Match) to save safely. */
                            version: number;
                        };
                    };
                };
            };
        };
        /** Replace the global router rules */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rules: {
                            actions: {
                                annotate?: {
                                    [key: string]: string;
                                };
                                /** @description Liquid template over event and extracted, e.g. {{event.source}}/{{extracted.disk}} */
                                dedup_key?: string;
                                drop?: boolean;
                                extract?: {
                                    /** @description Dotted path into the event, e.g. custom_details.host or summary */
                                    field: string;
                                    /** @description Any of i, m, s */
                                    flags?: string;
                                    /** @description JavaScript regular expression with a capture group (the first named group, else group 1, is kept) */
                                    regex: string;
                                    /** @description Name the value is kept under (extracted.<target>) */
                                    target: string;
                                }[];
                                pause_notifications_seconds?: number;
                                priority?: string;
                                /** @description Router ruleset only: the service the event goes to */
                                route_to_service_id?: string;
                                severity?: "critical" | "error" | "warning" | "info";
                                suppress?: boolean;
                                urgency?: "high" | "low";
                            };
                            /** @description CEL over `event`, e.g. event.severity == 'critical' */
                            condition: string;
                            description?: string;
                            disabled?: boolean;
                            /** @description Kept when given; assigned when absent */
                            id?: string;
                            /** @description Ignored on input: the order of the list is the order of evaluation */
                            position?: number;
                        }[];
                        /** @description The version you last read; a different current version is a 409 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                actions: {
                                    annotate?: {
                                        [key: string]: string;
                                    };
                                    /** @description Liquid template over event and extracted, e.g. {{event.source}}/{{extracted.disk}} */
                                    dedup_key?: string;
                                    drop?: boolean;
                                    extract?: {
                                        /** @description Dotted path into the event, e.g. custom_details.host or summary */
                                        field: string;
                                        /** @description Any of i, m, s */
                                        flags?: string;
                                        /** @description JavaScript regular expression with a capture group (the first named group, else group 1, is kept) */
                                        regex: string;
                                        /** @description Name the value is kept under (extracted.<target>) */
                                        target: string;
                                    }[];
                                    pause_notifications_seconds?: number;
                                    priority?: string;
                                    /** @description Router ruleset only: the service the event goes to */
                                    route_to_service_id?: string;
                                    severity?: "critical" | "error" | "warning" | "info";
                                    suppress?: boolean;
                                    urgency?: "high" | "low";
                                };
                                condition: string;
                                description?: string;
                                disabled: boolean;
                                id: string;
                                position: number;
                            }[];
                            scope: "router" | "service";
                            service_id: string | null;
                            updated_at: string | null;
                            updated_by: string | null;
                            /** @description Rises by one on every save; 0 for rules never saved. Send it back (or If-Match) to save safely. */
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-rules/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dry run: which rule an event would match and what it would do (nothing is stored) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        event: {
                            action?: "trigger" | "acknowledge" | "resolve";
                            class?: string | null;
                            client?: string | null;
                            client_url?: string | null;
                            component?: string | null;
                            custom_details?: unknown;
                            dedup_key?: string | null;
                            group?: string | null;
                            severity?: "critical" | "error" | "warning" | "info";
                            source?: string;
                            summary?: string;
                            timestamp?: string | number;
                        };
                        rules: {
                            actions: {
                                annotate?: {
                                    [key: string]: string;
                                };
                                /** @description Liquid template over event and extracted, e.g. {{event.source}}/{{extracted.disk}} */
                                dedup_key?: string;
                                drop?: boolean;
                                extract?: {
                                    /** @description Dotted path into the event, e.g. custom_details.host or summary */
                                    field: string;
                                    /** @description Any of i, m, s */
                                    flags?: string;
                                    /** @description JavaScript regular expression with a capture group (the first named group, else group 1, is kept) */
                                    regex: string;
                                    /** @description Name the value is kept under (extracted.<target>) */
                                    target: string;
                                }[];
                                pause_notifications_seconds?: number;
                                priority?: string;
                                /** @description Router ruleset only: the service the event goes to */
                                route_to_service_id?: string;
                                severity?: "critical" | "error" | "warning" | "info";
                                suppress?: boolean;
                                urgency?: "high" | "low";
                            };
                            /** @description CEL over `event`, e.g. event.severity == 'critical' */
                            condition: string;
                            description?: string;
                            disabled?: boolean;
                            /** @description Kept when given; assigned when absent */
                            id?: string;
                            /** @description Ignored on input: the order of the list is the order of evaluation */
                            position?: number;
                        }[];
                        /** @description Default 'router' (which allows route_to_service_id) */
                        scope?: "router" | "service";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            errors: {
                                message: string;
                                phase: string;
                                position: number;
                                rule_id: string;
                            }[];
                            matched_rule: {
                                id: string;
                                position: number;
                            } | null;
                            outcome: {
                                annotations?: {
                                    [key: string]: string;
                                };
                                dedup_key?: string;
                                drop?: boolean;
                                extracted?: {
                                    [key: string]: string;
                                };
                                matched_rule_id?: string;
                                pause_notifications_seconds?: number;
                                priority?: string;
                                route_to_service_id?: string;
                                severity?: string;
                                suppress?: boolean;
                                urgency?: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accepted events, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    dedup_key?: string;
                    integration_id?: string;
                    /** @description Items per page */
                    limit?: number;
                    outcome?: string;
                    service_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                alert_id: string | null;
                                dedup_key: string | null;
                                id: string;
                                integration_id: string;
                                /** @description created, updated, acknowledged, resolved, ignored, dropped, suppressed, paused or change */
                                outcome: string;
                                payload: unknown;
                                /** Format: date-time */
                                received_at: string;
                                service_id: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List incidents, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    service_id?: string;
                    /** @description created at or after (ISO 8601) */
                    since?: string;
                    /** @description repeat for several: status=triggered&status=acknowledged */
                    status?: ("triggered" | "acknowledged" | "resolved")[];
                    team_id?: string;
                    /** @description created before (ISO 8601) */
                    until?: string;
                    urgency?: "high" | "low";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Incident"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Trigger an incident by hand (a manual page) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assignees?: string[];
                        description?: string;
                        priority?: string | null;
                        service_id: string;
                        title: string;
                        urgency?: "high" | "low";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an incident with the changes made to its service in the hour before it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"] & {
                            recent_changes: {
                                /** Format: date-time */
                                at: string;
                                custom_details: unknown;
                                id: string;
                                links: unknown;
                                source: string | null;
                                summary: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge: stop escalating */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's alerts, each with why it joined */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Alert"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Page an escalation level now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        level: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge other incidents (their alerts) into this one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        source_incident_ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note to the timeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actor: {
                                id: string | null;
                                name: string;
                                type: string;
                            };
                            alert_id: string | null;
                            /** Format: date-time */
                            at: string;
                            details: unknown;
                            id: string;
                            message: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every notification sent (or held, or failed) about an incident, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notifications: components["schemas"]["Notification"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the priority */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        priority: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the assignees */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assignees: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve the incident and its open alerts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/snooze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Snooze an acknowledged incident; it triggers again when the snooze ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        duration_seconds: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/status-updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post a status update */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actor: {
                                id: string | null;
                                name: string;
                                type: string;
                            };
                            alert_id: string | null;
                            /** Format: date-time */
                            at: string;
                            details: unknown;
                            id: string;
                            message: string;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident's timeline, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["TimelineEntry"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/unacknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Back to triggered; escalation starts again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/urgency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the urgency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        urgency: "high" | "low";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledged_at: string | null;
                            acknowledgers: {
                                at: string;
                                id: string | null;
                                name: string;
                                type: string;
                            }[];
                            alert_count: number;
                            assignees: string[];
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_level: number;
                            id: string;
                            merged_into_id: string | null;
                            number: number;
                            priority: string | null;
                            resolve_reason: string | null;
                            resolved_at: string | null;
                            service: {
                                id: string;
                                name: string | null;
                            };
                            snoozed_until: string | null;
                            status: string;
                            team_id: string | null;
                            title: string;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/generic/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render generic-webhook templates against a sample body */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: unknown;
                        sample: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            errors: {
                                field: string;
                                message: string;
                            }[];
                            event: unknown | null;
                            rendered: {
                                [key: string]: string;
                            };
                            valid: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List jobs in the durable queue (e.g. state=dead) */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    kind?: string;
                    /** @description Items per page */
                    limit?: number;
                    state?: "queued" | "done" | "dead";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempts: number;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                key: string | null;
                                kind: string;
                                last_error: string | null;
                                locked_by: string | null;
                                max_attempts: number;
                                payload: unknown;
                                /** Format: date-time */
                                run_at: string;
                                state: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a dead job back in the queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List maintenance windows */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    service_id?: string;
                    state?: "future" | "active" | "past";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["MaintenanceWindow"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a maintenance window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CEL over `event`, e.g. event.source == 'fw-01'; null (or absent) covers every event of the services */
                        condition?: string | null;
                        description?: string;
                        /**
                         * Format: date-time
                         * @description Must be after start
                         */
                        end: string;
                        service_ids: string[];
                        /**
                         * Format: date-time
                         * @description Default now; may not be in the past
                         */
                        start?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            condition: string | null;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string;
                            /** Format: date-time */
                            end: string;
                            ended_early: boolean;
                            id: string;
                            service_ids: string[];
                            /** Format: date-time */
                            start: string;
                            state: "future" | "active" | "past";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/maintenance-windows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a maintenance window */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            condition: string | null;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string;
                            /** Format: date-time */
                            end: string;
                            ended_early: boolean;
                            id: string;
                            service_ids: string[];
                            /** Format: date-time */
                            start: string;
                            state: "future" | "active" | "past";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a maintenance window that has not started (409 once it has: end it instead) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a maintenance window (a started one keeps its start; an ended one cannot change) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CEL over `event`, e.g. event.source == 'fw-01'; null (or absent) covers every event of the services */
                        condition?: string | null;
                        description?: string;
                        /** Format: date-time */
                        end?: string;
                        service_ids?: string[];
                        /**
                         * Format: date-time
                         * @description Only while the window has not started
                         */
                        start?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            condition: string | null;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string;
                            /** Format: date-time */
                            end: string;
                            ended_early: boolean;
                            id: string;
                            service_ids: string[];
                            /** Format: date-time */
                            start: string;
                            state: "future" | "active" | "past";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/maintenance-windows/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End an active maintenance window now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            condition: string | null;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            description: string;
                            /** Format: date-time */
                            end: string;
                            ended_early: boolean;
                            id: string;
                            service_ids: string[];
                            /** Format: date-time */
                            start: string;
                            state: "future" | "active" | "past";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user (or the token’s user) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actor: {
                                id: string | null;
                                name: string;
                                role: string;
                                type: string;
                            };
                            user: components["schemas"]["User"] | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notification-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The throttle in force per contact type (TOCSIN_THROTTLE): more messages than this are bundled */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            limits: {
                                contact_type: string;
                                /** @description null: unthrottled */
                                max: number | null;
                                window_seconds: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/oncalls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call: at an instant (default now), or every shift within [since, until) (at most 90 days); with escalation_policy_ids, at which level of each policy */
        get: {
            parameters: {
                query?: {
                    at?: string;
                    /** @description with escalation_policy_ids: only each person's lowest level per policy */
                    earliest?: boolean;
                    /** @description comma-separated ids, or the parameter repeated: everyone on call through these policies, with their level */
                    escalation_policy_ids?: string[];
                    /** @description comma-separated ids, or the parameter repeated */
                    schedule_ids?: string[];
                    since?: string;
                    until?: string;
                    /** @description comma-separated ids, or the parameter repeated */
                    user_ids?: string[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: ({
                                /** @description null when the level names them directly: always on call */
                                end: string | null;
                                /** @description 1-based: the level of the policy that pages this person */
                                escalation_level: number;
                                escalation_policy: {
                                    id: string;
                                    name: string;
                                };
                                /** @description the schedule that puts them on this level; null when the level names them directly */
                                schedule: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description layer | override | swap; null when the level names them directly */
                                source: string | null;
                                /** @description null when the level names them directly: always on call */
                                start: string | null;
                                user: {
                                    email: string;
                                    id: string;
                                    name: string;
                                };
                            } | {
                                /** Format: date-time */
                                end: string;
                                schedule: {
                                    id: string;
                                    name: string;
                                };
                                /** @description layer | override | swap */
                                source: string;
                                /** Format: date-time */
                                start: string;
                                user: {
                                    email: string;
                                    id: string;
                                    name: string;
                                };
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List schedules, each flagged when nobody is on call at some time in the next 7 days */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    q?: string;
                    team_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Schedule"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description lowest precedence first; a later layer wins where both have someone */
                        layers?: {
                            end?: string | null;
                            /** @description an existing layer to edit; leave out to add a layer */
                            id?: string;
                            name: string;
                            restrictions?: {
                                /** @description at most 1440 (daily) or 10080 (weekly) */
                                duration_minutes: number;
                                /** @description weekly only */
                                start_day?: number | null;
                                /** @description 'HH:MM', wall-clock time in the schedule's zone */
                                start_time: string;
                                /**
                                 * @description daily | weekly
                                 * @enum {unknown}
                                 */
                                type: "daily" | "weekly";
                            }[];
                            rotation: {
                                /** @description weekly only; default: the weekday of rotation_start */
                                handoff_day?: number | null;
                                /** @description 'HH:MM', wall-clock time in the schedule's zone */
                                handoff_time: string;
                                /** @description hours (hourly, custom) or days (daily) or weeks (weekly) per turn; default 1, required for custom */
                                length?: number;
                                /**
                                 * @description hourly | daily | weekly | custom
                                 * @enum {unknown}
                                 */
                                type: "hourly" | "daily" | "weekly" | "custom";
                            };
                            /**
                             * Format: date-time
                             * @description the instant the rotation counts from: users[0] holds the turn containing it; default start (or, on an edit, as before)
                             */
                            rotation_start?: string;
                            /** @default false */
                            skip_unavailable?: boolean;
                            /** Format: date-time */
                            start: string;
                            /** @description user ids in rotation order */
                            users: string[];
                        }[];
                        name: string;
                        team_id?: string | null;
                        /** @description IANA time zone, e.g. Europe/London */
                        time_zone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            has_gap_next_7_days: boolean;
                            /** @description secret calendar feed of the final schedule; rotate it to revoke */
                            ical_url: string;
                            id: string;
                            layers: {
                                /**
                                 * Format: date-time
                                 * @description when this version took (or takes) effect
                                 */
                                effective_from: string;
                                end: string | null;
                                /** @description earlier versions, oldest first */
                                history: {
                                    /**
                                     * Format: date-time
                                     * @description when this version took (or takes) effect
                                     */
                                    effective_from: string;
                                    restrictions: {
                                        duration_minutes: number;
                                        start_day: number | null;
                                        start_time: string;
                                        type: string;
                                    }[];
                                    rotation: {
                                        handoff_day: number | null;
                                        handoff_time: string;
                                        length: number | null;
                                        type: string;
                                    };
                                    /** Format: date-time */
                                    rotation_start: string;
                                    skip_unavailable: boolean;
                                    users: string[];
                                }[];
                                id: string;
                                name: string;
                                restrictions: {
                                    duration_minutes: number;
                                    start_day: number | null;
                                    start_time: string;
                                    type: string;
                                }[];
                                rotation: {
                                    handoff_day: number | null;
                                    handoff_time: string;
                                    length: number | null;
                                    type: string;
                                };
                                /** Format: date-time */
                                rotation_start: string;
                                skip_unavailable: boolean;
                                /** Format: date-time */
                                start: string;
                                users: string[];
                            }[];
                            name: string;
                            /** @description the first time nobody is on call within the next 7 days */
                            next_gap: {
                                /** Format: date-time */
                                end: string;
                                /** Format: date-time */
                                start: string;
                            } | null;
                            team_id: string | null;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a schedule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            has_gap_next_7_days: boolean;
                            /** @description secret calendar feed of the final schedule; rotate it to revoke */
                            ical_url: string;
                            id: string;
                            layers: {
                                /**
                                 * Format: date-time
                                 * @description when this version took (or takes) effect
                                 */
                                effective_from: string;
                                end: string | null;
                                /** @description earlier versions, oldest first */
                                history: {
                                    /**
                                     * Format: date-time
                                     * @description when this version took (or takes) effect
                                     */
                                    effective_from: string;
                                    restrictions: {
                                        duration_minutes: number;
                                        start_day: number | null;
                                        start_time: string;
                                        type: string;
                                    }[];
                                    rotation: {
                                        handoff_day: number | null;
                                        handoff_time: string;
                                        length: number | null;
                                        type: string;
                                    };
                                    /** Format: date-time */
                                    rotation_start: string;
                                    skip_unavailable: boolean;
                                    users: string[];
                                }[];
                                id: string;
                                name: string;
                                restrictions: {
                                    duration_minutes: number;
                                    start_day: number | null;
                                    start_time: string;
                                    type: string;
                                }[];
                                rotation: {
                                    handoff_day: number | null;
                                    handoff_time: string;
                                    length: number | null;
                                    type: string;
                                };
                                /** Format: date-time */
                                rotation_start: string;
                                skip_unavailable: boolean;
                                /** Format: date-time */
                                start: string;
                                users: string[];
                            }[];
                            name: string;
                            /** @description the first time nobody is on call within the next 7 days */
                            next_gap: {
                                /** Format: date-time */
                                end: string;
                                /** Format: date-time */
                                start: string;
                            } | null;
                            team_id: string | null;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        /** Replace a schedule; layer changes take effect from effective_from (default now), past shifts never change */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** Format: date-time */
                        effective_from?: string;
                        /** @description lowest precedence first; a later layer wins where both have someone */
                        layers: {
                            end?: string | null;
                            /** @description an existing layer to edit; leave out to add a layer */
                            id?: string;
                            name: string;
                            restrictions?: {
                                /** @description at most 1440 (daily) or 10080 (weekly) */
                                duration_minutes: number;
                                /** @description weekly only */
                                start_day?: number | null;
                                /** @description 'HH:MM', wall-clock time in the schedule's zone */
                                start_time: string;
                                /**
                                 * @description daily | weekly
                                 * @enum {unknown}
                                 */
                                type: "daily" | "weekly";
                            }[];
                            rotation: {
                                /** @description weekly only; default: the weekday of rotation_start */
                                handoff_day?: number | null;
                                /** @description 'HH:MM', wall-clock time in the schedule's zone */
                                handoff_time: string;
                                /** @description hours (hourly, custom) or days (daily) or weeks (weekly) per turn; default 1, required for custom */
                                length?: number;
                                /**
                                 * @description hourly | daily | weekly | custom
                                 * @enum {unknown}
                                 */
                                type: "hourly" | "daily" | "weekly" | "custom";
                            };
                            /**
                             * Format: date-time
                             * @description the instant the rotation counts from: users[0] holds the turn containing it; default start (or, on an edit, as before)
                             */
                            rotation_start?: string;
                            /** @default false */
                            skip_unavailable?: boolean;
                            /** Format: date-time */
                            start: string;
                            /** @description user ids in rotation order */
                            users: string[];
                        }[];
                        name: string;
                        team_id?: string | null;
                        /** @description IANA time zone, e.g. Europe/London */
                        time_zone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            has_gap_next_7_days: boolean;
                            /** @description secret calendar feed of the final schedule; rotate it to revoke */
                            ical_url: string;
                            id: string;
                            layers: {
                                /**
                                 * Format: date-time
                                 * @description when this version took (or takes) effect
                                 */
                                effective_from: string;
                                end: string | null;
                                /** @description earlier versions, oldest first */
                                history: {
                                    /**
                                     * Format: date-time
                                     * @description when this version took (or takes) effect
                                     */
                                    effective_from: string;
                                    restrictions: {
                                        duration_minutes: number;
                                        start_day: number | null;
                                        start_time: string;
                                        type: string;
                                    }[];
                                    rotation: {
                                        handoff_day: number | null;
                                        handoff_time: string;
                                        length: number | null;
                                        type: string;
                                    };
                                    /** Format: date-time */
                                    rotation_start: string;
                                    skip_unavailable: boolean;
                                    users: string[];
                                }[];
                                id: string;
                                name: string;
                                restrictions: {
                                    duration_minutes: number;
                                    start_day: number | null;
                                    start_time: string;
                                    type: string;
                                }[];
                                rotation: {
                                    handoff_day: number | null;
                                    handoff_time: string;
                                    length: number | null;
                                    type: string;
                                };
                                /** Format: date-time */
                                rotation_start: string;
                                skip_unavailable: boolean;
                                /** Format: date-time */
                                start: string;
                                users: string[];
                            }[];
                            name: string;
                            /** @description the first time nobody is on call within the next 7 days */
                            next_gap: {
                                /** Format: date-time */
                                end: string;
                                /** Format: date-time */
                                start: string;
                            } | null;
                            team_id: string | null;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a schedule with its overrides and swaps */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a schedule; layer changes take effect from effective_from (default now) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** Format: date-time */
                        effective_from?: string;
                        /** @description lowest precedence first; a later layer wins where both have someone */
                        layers?: {
                            end?: string | null;
                            /** @description an existing layer to edit; leave out to add a layer */
                            id?: string;
                            name: string;
                            restrictions?: {
                                /** @description at most 1440 (daily) or 10080 (weekly) */
                                duration_minutes: number;
                                /** @description weekly only */
                                start_day?: number | null;
                                /** @description 'HH:MM', wall-clock time in the schedule's zone */
                                start_time: string;
                                /**
                                 * @description daily | weekly
                                 * @enum {unknown}
                                 */
                                type: "daily" | "weekly";
                            }[];
                            rotation: {
                                /** @description weekly only; default: the weekday of rotation_start */
                                handoff_day?: number | null;
                                /** @description 'HH:MM', wall-clock time in the schedule's zone */
                                handoff_time: string;
                                /** @description hours (hourly, custom) or days (daily) or weeks (weekly) per turn; default 1, required for custom */
                                length?: number;
                                /**
                                 * @description hourly | daily | weekly | custom
                                 * @enum {unknown}
                                 */
                                type: "hourly" | "daily" | "weekly" | "custom";
                            };
                            /**
                             * Format: date-time
                             * @description the instant the rotation counts from: users[0] holds the turn containing it; default start (or, on an edit, as before)
                             */
                            rotation_start?: string;
                            /** @default false */
                            skip_unavailable?: boolean;
                            /** Format: date-time */
                            start: string;
                            /** @description user ids in rotation order */
                            users: string[];
                        }[];
                        name?: string;
                        team_id?: string | null;
                        /** @description IANA time zone, e.g. Europe/London */
                        time_zone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            has_gap_next_7_days: boolean;
                            /** @description secret calendar feed of the final schedule; rotate it to revoke */
                            ical_url: string;
                            id: string;
                            layers: {
                                /**
                                 * Format: date-time
                                 * @description when this version took (or takes) effect
                                 */
                                effective_from: string;
                                end: string | null;
                                /** @description earlier versions, oldest first */
                                history: {
                                    /**
                                     * Format: date-time
                                     * @description when this version took (or takes) effect
                                     */
                                    effective_from: string;
                                    restrictions: {
                                        duration_minutes: number;
                                        start_day: number | null;
                                        start_time: string;
                                        type: string;
                                    }[];
                                    rotation: {
                                        handoff_day: number | null;
                                        handoff_time: string;
                                        length: number | null;
                                        type: string;
                                    };
                                    /** Format: date-time */
                                    rotation_start: string;
                                    skip_unavailable: boolean;
                                    users: string[];
                                }[];
                                id: string;
                                name: string;
                                restrictions: {
                                    duration_minutes: number;
                                    start_day: number | null;
                                    start_time: string;
                                    type: string;
                                }[];
                                rotation: {
                                    handoff_day: number | null;
                                    handoff_time: string;
                                    length: number | null;
                                    type: string;
                                };
                                /** Format: date-time */
                                rotation_start: string;
                                skip_unavailable: boolean;
                                /** Format: date-time */
                                start: string;
                                users: string[];
                            }[];
                            name: string;
                            /** @description the first time nobody is on call within the next 7 days */
                            next_gap: {
                                /** Format: date-time */
                                end: string;
                                /** Format: date-time */
                                start: string;
                            } | null;
                            team_id: string | null;
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/schedules/{id}/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When nobody is on call within [since, until) (at most 366 days) */
        get: {
            parameters: {
                query?: {
                    /** @description default now */
                    since?: string;
                    /** @description default since + 7 days; at most 366 days after since */
                    until?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            gaps: {
                                /** Format: date-time */
                                end: string;
                                /** Format: date-time */
                                start: string;
                            }[];
                            schedule_id: string;
                            /** Format: date-time */
                            since: string;
                            /** Format: date-time */
                            until: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/ical-url/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the schedule's secret calendar URL; the old one stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ical_url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each person's hours on call within [since, until): business, off and sleep hours in their own time zone */
        get: {
            parameters: {
                query?: {
                    /** @description default now */
                    since?: string;
                    /** @description default since + 7 days; at most 366 days after since */
                    until?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            schedule_id: string;
                            /** Format: date-time */
                            since: string;
                            /** Format: date-time */
                            until: string;
                            users: {
                                /** @description 08:00–18:00 Monday to Friday */
                                business_hours: number;
                                /** @description 18:00–22:00 Monday to Friday, 08:00–22:00 at weekends */
                                off_hours: number;
                                shift_count: number;
                                /** @description 22:00–08:00 every day */
                                sleep_hours: number;
                                /** @description the zone the hours are counted in: the user’s own */
                                time_zone: string;
                                total_hours: number;
                                user: {
                                    email: string;
                                    id: string;
                                    name: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A schedule's overrides, in the order they were made (a later one wins where they overlap) */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    /** @description only those ending after this */
                    since?: string;
                    /** @description only those starting before this */
                    until?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ScheduleOverride"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Put someone on call over every layer for [start, end) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        end: string;
                        /** Format: date-time */
                        start: string;
                        user_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            /** Format: date-time */
                            end: string;
                            id: string;
                            schedule_id: string;
                            /** @description override | swap */
                            source: string;
                            /** Format: date-time */
                            start: string;
                            swap_id: string | null;
                            user: {
                                email: string;
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/overrides/{override_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an override that has not begun (204), or end one in progress now (200 with the override); past ones stay (409) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    override_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            /** Format: date-time */
                            end: string;
                            id: string;
                            schedule_id: string;
                            /** @description override | swap */
                            source: string;
                            /** Format: date-time */
                            start: string;
                            swap_id: string | null;
                            user: {
                                email: string;
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedules/{id}/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Final and per-layer shifts over [since, until) (at most 366 days) */
        get: {
            parameters: {
                query?: {
                    /** @description default now */
                    since?: string;
                    /** @description default since + 7 days; at most 366 days after since */
                    until?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description who is on call: overrides above layers above lower layers */
                            final: {
                                /** @description on a skip_unavailable layer: whose turn this is */
                                covering_for: {
                                    email: string;
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                end: string;
                                layer_id: string | null;
                                override_id: string | null;
                                /** @description layer | override | swap */
                                source: string;
                                /** Format: date-time */
                                start: string;
                                user: {
                                    email: string;
                                    id: string;
                                    name: string;
                                };
                            }[];
                            gaps: {
                                /** Format: date-time */
                                end: string;
                                /** Format: date-time */
                                start: string;
                            }[];
                            layers: {
                                gaps: {
                                    /** Format: date-time */
                                    end: string;
                                    /** Format: date-time */
                                    start: string;
                                }[];
                                id: string;
                                name: string;
                                shifts: {
                                    /** @description on a skip_unavailable layer: whose turn this is */
                                    covering_for: {
                                        email: string;
                                        id: string;
                                        name: string;
                                    } | null;
                                    /** Format: date-time */
                                    end: string;
                                    layer_id: string | null;
                                    override_id: string | null;
                                    /** @description layer | override | swap */
                                    source: string;
                                    /** Format: date-time */
                                    start: string;
                                    user: {
                                        email: string;
                                        id: string;
                                        name: string;
                                    };
                                }[];
                            }[];
                            schedule_id: string;
                            /** Format: date-time */
                            since: string;
                            time_zone: string;
                            /** Format: date-time */
                            until: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List services */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    team_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Service"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a service */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        acknowledgement_timeout?: number | null;
                        alert_grouping?: {
                            fields?: string[];
                            match?: "all" | "any";
                            type: "none" | "time" | "content";
                            window_minutes?: number | null;
                        };
                        auto_pause?: {
                            enabled: boolean;
                            seconds?: number;
                        };
                        auto_resolve_timeout?: number | null;
                        description?: string;
                        escalation_policy_id?: string | null;
                        name: string;
                        resolve_incident_with_alerts?: boolean;
                        /** @description Urgency per severity when urgency is "severity" (default: critical/error high, warning/info low) */
                        severity_urgency?: {
                            critical?: "high" | "low";
                            error?: "high" | "low";
                            info?: "high" | "low";
                            warning?: "high" | "low";
                        };
                        status?: "active" | "disabled";
                        team_id?: string | null;
                        /** @description high, low, or severity (each alert's severity mapped by severity_urgency) */
                        urgency?: "high" | "low" | "severity";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgement_timeout: number | null;
                            alert_grouping: {
                                fields: string[];
                                match: string;
                                type: string;
                                window_minutes: number | null;
                            };
                            auto_pause: {
                                enabled: boolean;
                                seconds: number;
                            };
                            auto_resolve_timeout: number | null;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_policy_id: string | null;
                            id: string;
                            name: string;
                            resolve_incident_with_alerts: boolean;
                            severity_urgency: {
                                critical: "high" | "low";
                                error: "high" | "low";
                                info: "high" | "low";
                                warning: "high" | "low";
                            };
                            status: "active" | "disabled";
                            team_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description high, low, or severity (each alert's severity mapped by severity_urgency) */
                            urgency: "high" | "low" | "severity";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a service */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgement_timeout: number | null;
                            alert_grouping: {
                                fields: string[];
                                match: string;
                                type: string;
                                window_minutes: number | null;
                            };
                            auto_pause: {
                                enabled: boolean;
                                seconds: number;
                            };
                            auto_resolve_timeout: number | null;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_policy_id: string | null;
                            id: string;
                            name: string;
                            resolve_incident_with_alerts: boolean;
                            severity_urgency: {
                                critical: "high" | "low";
                                error: "high" | "low";
                                info: "high" | "low";
                                warning: "high" | "low";
                            };
                            status: "active" | "disabled";
                            team_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description high, low, or severity (each alert's severity mapped by severity_urgency) */
                            urgency: "high" | "low" | "severity";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a service without incidents */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a service */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        acknowledgement_timeout?: number | null;
                        alert_grouping?: {
                            fields?: string[];
                            match?: "all" | "any";
                            type: "none" | "time" | "content";
                            window_minutes?: number | null;
                        };
                        auto_pause?: {
                            enabled: boolean;
                            seconds?: number;
                        };
                        auto_resolve_timeout?: number | null;
                        description?: string;
                        escalation_policy_id?: string | null;
                        name?: string;
                        resolve_incident_with_alerts?: boolean;
                        /** @description Urgency per severity when urgency is "severity" (default: critical/error high, warning/info low) */
                        severity_urgency?: {
                            critical?: "high" | "low";
                            error?: "high" | "low";
                            info?: "high" | "low";
                            warning?: "high" | "low";
                        };
                        status?: "active" | "disabled";
                        team_id?: string | null;
                        /** @description high, low, or severity (each alert's severity mapped by severity_urgency) */
                        urgency?: "high" | "low" | "severity";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acknowledgement_timeout: number | null;
                            alert_grouping: {
                                fields: string[];
                                match: string;
                                type: string;
                                window_minutes: number | null;
                            };
                            auto_pause: {
                                enabled: boolean;
                                seconds: number;
                            };
                            auto_resolve_timeout: number | null;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            escalation_policy_id: string | null;
                            id: string;
                            name: string;
                            resolve_incident_with_alerts: boolean;
                            severity_urgency: {
                                critical: "high" | "low";
                                error: "high" | "low";
                                info: "high" | "low";
                                warning: "high" | "low";
                            };
                            status: "active" | "disabled";
                            team_id: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description high, low, or severity (each alert's severity mapped by severity_urgency) */
                            urgency: "high" | "low" | "severity";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/services/{id}/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a service's integrations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Integration"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an integration; the answer carries its key and the URL or address to paste (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Heartbeats: seconds between expected pings */
                        interval_seconds?: number;
                        name?: string;
                        /** @description events_v2, alertmanager, grafana, generic, email, heartbeat */
                        type: "events_v2" | "alertmanager" | "grafana" | "generic" | "email" | "heartbeat";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: unknown;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Email integrations: the address to send to (when the key is shown) */
                            email: string | null;
                            /** @description The URL or address with {key} standing for the key */
                            endpoint: string;
                            heartbeat_state: string | null;
                            id: string;
                            interval_seconds: number | null;
                            /** @description The secret key: shown only when the integration is created or its key rotated */
                            key: string | null;
                            /** @description Last four characters of the key */
                            key_hint: string;
                            last_ping_at: string | null;
                            name: string;
                            service_id: string;
                            /** @description events_v2, alertmanager, grafana, generic, email, heartbeat */
                            type: "events_v2" | "alertmanager" | "grafana" | "generic" | "email" | "heartbeat";
                            /** Format: date-time */
                            updated_at: string;
                            /** @description The URL to paste into the sender (null for email, and when the key is not shown) */
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}/integrations/{iid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an integration */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    iid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: unknown;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Email integrations: the address to send to (when the key is shown) */
                            email: string | null;
                            /** @description The URL or address with {key} standing for the key */
                            endpoint: string;
                            heartbeat_state: string | null;
                            id: string;
                            interval_seconds: number | null;
                            /** @description The secret key: shown only when the integration is created or its key rotated */
                            key: string | null;
                            /** @description Last four characters of the key */
                            key_hint: string;
                            last_ping_at: string | null;
                            name: string;
                            service_id: string;
                            /** @description events_v2, alertmanager, grafana, generic, email, heartbeat */
                            type: "events_v2" | "alertmanager" | "grafana" | "generic" | "email" | "heartbeat";
                            /** Format: date-time */
                            updated_at: string;
                            /** @description The URL to paste into the sender (null for email, and when the key is not shown) */
                            url: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an integration */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    iid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Update an integration */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    iid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Heartbeats: seconds between expected pings */
                        interval_seconds?: number;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: unknown;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Email integrations: the address to send to (when the key is shown) */
                            email: string | null;
                            /** @description The URL or address with {key} standing for the key */
                            endpoint: string;
                            heartbeat_state: string | null;
                            id: string;
                            interval_seconds: number | null;
                            /** @description The secret key: shown only when the integration is created or its key rotated */
                            key: string | null;
                            /** @description Last four characters of the key */
                            key_hint: string;
                            last_ping_at: string | null;
                            name: string;
                            service_id: string;
                            /** @description events_v2, alertmanager, grafana, generic, email, heartbeat */
                            type: "events_v2" | "alertmanager" | "grafana" | "generic" | "email" | "heartbeat";
                            /** Format: date-time */
                            updated_at: string;
                            /** @description The URL to paste into the sender (null for email, and when the key is not shown) */
                            url: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/services/{id}/integrations/{iid}/rotate-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the key; the old one stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    iid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: unknown;
                            /** Format: date-time */
                            created_at: string;
                            /** @description Email integrations: the address to send to (when the key is shown) */
                            email: string | null;
                            /** @description The URL or address with {key} standing for the key */
                            endpoint: string;
                            heartbeat_state: string | null;
                            id: string;
                            interval_seconds: number | null;
                            /** @description The secret key: shown only when the integration is created or its key rotated */
                            key: string | null;
                            /** @description Last four characters of the key */
                            key_hint: string;
                            last_ping_at: string | null;
                            name: string;
                            service_id: string;
                            /** @description events_v2, alertmanager, grafana, generic, email, heartbeat */
                            type: "events_v2" | "alertmanager" | "grafana" | "generic" | "email" | "heartbeat";
                            /** Format: date-time */
                            updated_at: string;
                            /** @description The URL to paste into the sender (null for email, and when the key is not shown) */
                            url: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service's event rules, in evaluation order (ETag: the version) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                actions: {
                                    annotate?: {
                                        [key: string]: string;
                                    };
                                    /** @description Liquid template over event and extracted, e.g. {{event.source}}/{{extracted.disk}} */
                                    dedup_key?: string;
                                    drop?: boolean;
                                    extract?: {
                                        /** @description Dotted path into the event, e.g. custom_details.host or summary */
                                        field: string;
                                        /** @description Any of i, m, s */
                                        flags?: string;
                                        /** @description JavaScript regular expression with a capture group (the first named group, else group 1, is kept) */
                                        regex: string;
                                        /** @description Name the value is kept under (extracted.<target>) */
                                        target: string;
                                    }[];
                                    pause_notifications_seconds?: number;
                                    priority?: string;
                                    /** @description Router ruleset only: the service the event goes to */
                                    route_to_service_id?: string;
                                    severity?: "critical" | "error" | "warning" | "info";
                                    suppress?: boolean;
                                    urgency?: "high" | "low";
                                };
                                condition: string;
                                description?: string;
                                disabled: boolean;
                                id: string;
                                position: number;
                            }[];
                            scope: "router" | "service";
                            service_id: string | null;
                            updated_at: string | null;
                            updated_by: string | null;
                            /** @description Rises by one on every save; 0 for rules never saved. Send it back (or If-Match) to save safely. */
                            version: number;
                        };
                    };
                };
            };
        };
        /** Replace a service's event rules (send If-Match or version to avoid overwriting someone else's change) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rules: {
                            actions: {
                                annotate?: {
                                    [key: string]: string;
                                };
                                /** @description Liquid template over event and extracted, e.g. {{event.source}}/{{extracted.disk}} */
                                dedup_key?: string;
                                drop?: boolean;
                                extract?: {
                                    /** @description Dotted path into the event, e.g. custom_details.host or summary */
                                    field: string;
                                    /** @description Any of i, m, s */
                                    flags?: string;
                                    /** @description JavaScript regular expression with a capture group (the first named group, else group 1, is kept) */
                                    regex: string;
                                    /** @description Name the value is kept under (extracted.<target>) */
                                    target: string;
                                }[];
                                pause_notifications_seconds?: number;
                                priority?: string;
                                /** @description Router ruleset only: the service the event goes to */
                                route_to_service_id?: string;
                                severity?: "critical" | "error" | "warning" | "info";
                                suppress?: boolean;
                                urgency?: "high" | "low";
                            };
                            /** @description CEL over `event`, e.g. event.severity == 'critical' */
                            condition: string;
                            description?: string;
                            disabled?: boolean;
                            /** @description Kept when given; assigned when absent */
                            id?: string;
                            /** @description Ignored on input: the order of the list is the order of evaluation */
                            position?: number;
                        }[];
                        /** @description The version you last read; a different current version is a 409 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: {
                                actions: {
                                    annotate?: {
                                        [key: string]: string;
                                    };
                                    /** @description Liquid template over event and extracted, e.g. {{event.source}}/{{extracted.disk}} */
                                    dedup_key?: string;
                                    drop?: boolean;
                                    extract?: {
                                        /** @description Dotted path into the event, e.g. custom_details.host or summary */
                                        field: string;
                                        /** @description Any of i, m, s */
                                        flags?: string;
                                        /** @description JavaScript regular expression with a capture group (the first named group, else group 1, is kept) */
                                        regex: string;
                                        /** @description Name the value is kept under (extracted.<target>) */
                                        target: string;
                                    }[];
                                    pause_notifications_seconds?: number;
                                    priority?: string;
                                    /** @description Router ruleset only: the service the event goes to */
                                    route_to_service_id?: string;
                                    severity?: "critical" | "error" | "warning" | "info";
                                    suppress?: boolean;
                                    urgency?: "high" | "low";
                                };
                                condition: string;
                                description?: string;
                                disabled: boolean;
                                id: string;
                                position: number;
                            }[];
                            scope: "router" | "service";
                            service_id: string | null;
                            updated_at: string | null;
                            updated_by: string | null;
                            /** @description Rises by one on every save; 0 for rules never saved. Send it back (or If-Match) to save safely. */
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in to the web console; sets an httpOnly session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            id: string;
                            name: string;
                            /** @description admin, manager, responder or observer */
                            role: "admin" | "manager" | "responder" | "observer";
                            /** @description IANA time zone, e.g. Europe/London */
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        /** Sign out */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shift-swaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List shift swaps */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    schedule_id?: string;
                    /** @description offered | taken | cancelled */
                    status?: "offered" | "taken" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ShiftSwap"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Offer a span of your own shift for someone else to take */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        end: string;
                        schedule_id: string;
                        /** Format: date-time */
                        start: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelled_at: string | null;
                            cancelled_by: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end: string;
                            id: string;
                            offered_by: {
                                email: string;
                                id: string;
                                name: string;
                            };
                            override_id: string | null;
                            schedule_id: string;
                            /** Format: date-time */
                            start: string;
                            /** @description offered | taken | cancelled */
                            status: string;
                            taken_at: string | null;
                            taken_by: {
                                email: string;
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shift-swaps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a shift swap */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelled_at: string | null;
                            cancelled_by: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end: string;
                            id: string;
                            offered_by: {
                                email: string;
                                id: string;
                                name: string;
                            };
                            override_id: string | null;
                            schedule_id: string;
                            /** Format: date-time */
                            start: string;
                            /** @description offered | taken | cancelled */
                            status: string;
                            taken_at: string | null;
                            taken_by: {
                                email: string;
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shift-swaps/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an offer (its maker or a manager, while offered) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelled_at: string | null;
                            cancelled_by: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end: string;
                            id: string;
                            offered_by: {
                                email: string;
                                id: string;
                                name: string;
                            };
                            override_id: string | null;
                            schedule_id: string;
                            /** Format: date-time */
                            start: string;
                            /** @description offered | taken | cancelled */
                            status: string;
                            taken_at: string | null;
                            taken_by: {
                                email: string;
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shift-swaps/{id}/take": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an offered shift: an override puts you on call for it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelled_at: string | null;
                            cancelled_by: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            end: string;
                            id: string;
                            offered_by: {
                                email: string;
                                id: string;
                                name: string;
                            };
                            override_id: string | null;
                            schedule_id: string;
                            /** Format: date-time */
                            start: string;
                            /** @description offered | taken | cancelled */
                            status: string;
                            taken_at: string | null;
                            taken_by: {
                                email: string;
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: incident.triggered, incident.acknowledged, incident.resolved, incident.updated, each with the incident JSON */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams with their members */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Team"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            members: {
                                email: string;
                                name: string;
                                role: "manager" | "member";
                                user_id: string;
                            }[];
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            members: {
                                email: string;
                                name: string;
                                role: "manager" | "member";
                                user_id: string;
                            }[];
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a team */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a team */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            members: {
                                email: string;
                                name: string;
                                role: "manager" | "member";
                                user_id: string;
                            }[];
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/teams/{id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a member or change their team role */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role?: "manager" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            members: {
                                email: string;
                                name: string;
                                role: "manager" | "member";
                                user_id: string;
                            }[];
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    user_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            members: {
                                email: string;
                                name: string;
                                role: "manager" | "member";
                                user_id: string;
                            }[];
                            name: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens (admins see all, others their own) */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Token"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token; the secret is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expires_at?: string;
                        name: string;
                        /** @description admin, manager, responder or observer */
                        role?: "admin" | "manager" | "responder" | "observer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Token"] & {
                            /** @description The secret; shown once */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            expires_at: string | null;
                            id: string;
                            last_used_at: string | null;
                            name: string;
                            /** @description First characters of the secret, to recognise it */
                            prefix: string;
                            revoked_at: string | null;
                            /** @description admin, manager, responder or observer */
                            role: "admin" | "manager" | "responder" | "observer";
                            user_id: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Revoke a token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a token */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            expires_at: string | null;
                            id: string;
                            last_used_at: string | null;
                            name: string;
                            /** @description First characters of the secret, to recognise it */
                            prefix: string;
                            revoked_at: string | null;
                            /** @description admin, manager, responder or observer */
                            role: "admin" | "manager" | "responder" | "observer";
                            user_id: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    q?: string;
                    /** @description admin, manager, responder or observer */
                    role?: "admin" | "manager" | "responder" | "observer";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        password?: string;
                        /** @description admin, manager, responder or observer */
                        role?: "admin" | "manager" | "responder" | "observer";
                        /** @default UTC */
                        time_zone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            id: string;
                            name: string;
                            /** @description admin, manager, responder or observer */
                            role: "admin" | "manager" | "responder" | "observer";
                            /** @description IANA time zone, e.g. Europe/London */
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            id: string;
                            name: string;
                            /** @description admin, manager, responder or observer */
                            role: "admin" | "manager" | "responder" | "observer";
                            /** @description IANA time zone, e.g. Europe/London */
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a user */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a user (admins, or the user themselves) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        name?: string;
                        password?: string;
                        /** @description admin, manager, responder or observer */
                        role?: "admin" | "manager" | "responder" | "observer";
                        time_zone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            id: string;
                            name: string;
                            /** @description admin, manager, responder or observer */
                            role: "admin" | "manager" | "responder" | "observer";
                            /** @description IANA time zone, e.g. Europe/London */
                            time_zone: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/contact-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's contact methods */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ContactMethod"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a contact method (SMS and voice start unverified) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description email: an address; sms/voice: an E.164 number (+14155550123); slack: a user (U…) or channel (C…) id; webhook: an https URL */
                        address: string;
                        label?: string;
                        /**
                         * @description email | sms | voice | slack | webhook
                         * @enum {unknown}
                         */
                        type: "email" | "sms" | "voice" | "slack" | "webhook";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            consecutive_failures: number;
                            /** Format: date-time */
                            created_at: string;
                            /** @description why the method is not paged (repeated failures, or disabled by hand) */
                            disabled_reason: string | null;
                            id: string;
                            label: string;
                            /** @description webhooks, in the create answer only: the key of X-Tocsin-Signature */
                            signing_secret?: string;
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            /** @description SMS and voice must be verified with a code before they are paged */
                            verified: boolean;
                            verified_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/contact-methods/{cid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact method */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            consecutive_failures: number;
                            /** Format: date-time */
                            created_at: string;
                            /** @description why the method is not paged (repeated failures, or disabled by hand) */
                            disabled_reason: string | null;
                            id: string;
                            label: string;
                            /** @description webhooks, in the create answer only: the key of X-Tocsin-Signature */
                            signing_secret?: string;
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            /** @description SMS and voice must be verified with a code before they are paged */
                            verified: boolean;
                            verified_at: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a contact method and the notification rules using it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a contact method, or enable or disable it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a new SMS/voice number must be verified again */
                        address?: string;
                        /** @description false disables the method; true clears a disabled_reason (e.g. after repeated failures) */
                        enabled?: boolean;
                        label?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            consecutive_failures: number;
                            /** Format: date-time */
                            created_at: string;
                            /** @description why the method is not paged (repeated failures, or disabled by hand) */
                            disabled_reason: string | null;
                            id: string;
                            label: string;
                            /** @description webhooks, in the create answer only: the key of X-Tocsin-Signature */
                            signing_secret?: string;
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            /** @description SMS and voice must be verified with a code before they are paged */
                            verified: boolean;
                            verified_at: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/contact-methods/{cid}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message now and report how it went */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            provider_id: string | null;
                            provider_response: string | null;
                            retryable: boolean;
                            /** @description sent | delivered | failed */
                            status: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/contact-methods/{cid}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a 6-digit verification code to an SMS or voice number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expires_at: string;
                            sent_to: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/contact-methods/{cid}/verify/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the code that was sent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    cid: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            address: string;
                            consecutive_failures: number;
                            /** Format: date-time */
                            created_at: string;
                            /** @description why the method is not paged (repeated failures, or disabled by hand) */
                            disabled_reason: string | null;
                            id: string;
                            label: string;
                            /** @description webhooks, in the create answer only: the key of X-Tocsin-Signature */
                            signing_secret?: string;
                            type: string;
                            /** Format: date-time */
                            updated_at: string;
                            user_id: string;
                            /** @description SMS and voice must be verified with a code before they are paged */
                            verified: boolean;
                            verified_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/ical-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's own calendar feed URL (themselves, or admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ical_url: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/ical-url/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a person's calendar feed URL; the old one stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ical_url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/notification-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's notification rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["NotificationRule"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a notification rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contact_method_id: string;
                        /** @description minutes after the page starts */
                        start_delay_minutes: number;
                        /**
                         * @description high | low
                         * @enum {unknown}
                         */
                        urgency: "high" | "low";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact_method_id: string;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            start_delay_minutes: number;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                            user_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/notification-rules/{rid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A notification rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact_method_id: string;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            start_delay_minutes: number;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                            user_id: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a notification rule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a notification rule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contact_method_id?: string;
                        start_delay_minutes?: number;
                        /**
                         * @description high | low
                         * @enum {unknown}
                         */
                        urgency?: "high" | "low";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contact_method_id: string;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            start_delay_minutes: number;
                            /** Format: date-time */
                            updated_at: string;
                            urgency: string;
                            user_id: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/time-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person's time off (themselves, or managers) */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    /** @description only those ending after this */
                    since?: string;
                    /** @description only those starting before this */
                    until?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["TimeOff"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record time off; skip_unavailable layers hand the turn on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        end: string;
                        reason?: string;
                        /** Format: date-time */
                        start: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string | null;
                            /** Format: date-time */
                            end: string;
                            id: string;
                            reason: string;
                            /** Format: date-time */
                            start: string;
                            user_id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/time-off/{time_off_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove time off */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    time_off_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook subscriptions */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    enabled?: boolean;
                    /** @description Items per page */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookSubscription"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a URL to incident events (the answer shows the signing secret, once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        /** @description the incident events to receive; at least one */
                        event_types: ("incident.triggered" | "incident.acknowledged" | "incident.resolved" | "incident.escalated" | "incident.reassigned" | "incident.annotated" | "incident.status_update" | "incident.priority_changed")[];
                        /** @description only incidents of these services (or of the teams in team_ids); empty: every service */
                        service_ids?: string[];
                        /** @description only incidents of these teams (or of the services in service_ids); empty: every team */
                        team_ids?: string[];
                        /** @description https:// URL the events are POSTed to */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            enabled: boolean;
                            event_types: string[];
                            id: string;
                            service_ids: string[];
                            /** @description the key of X-Tocsin-Signature; shown only here (on creation and rotation) */
                            signing_secret: string;
                            team_ids: string[];
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook subscription */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            enabled: boolean;
                            event_types: string[];
                            id: string;
                            service_ids: string[];
                            team_ids: string[];
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook subscription and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a webhook subscription */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        enabled?: boolean;
                        /** @description the incident events to receive; at least one */
                        event_types?: ("incident.triggered" | "incident.acknowledged" | "incident.resolved" | "incident.escalated" | "incident.reassigned" | "incident.annotated" | "incident.status_update" | "incident.priority_changed")[];
                        /** @description only incidents of these services (or of the teams in team_ids); empty: every service */
                        service_ids?: string[];
                        /** @description only incidents of these teams (or of the services in service_ids); empty: every team */
                        team_ids?: string[];
                        /** @description https:// URL the events are POSTed to */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            enabled: boolean;
                            event_types: string[];
                            id: string;
                            service_ids: string[];
                            team_ids: string[];
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's deliveries, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description next_cursor from the previous page */
                    cursor?: string;
                    /** @description Items per page */
                    limit?: number;
                    status?: "queued" | "delivered" | "failed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookDelivery"][];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again: same body, same Idempotency-Key, a fresh 24-hour retry window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    delivery_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** Format: date-time */
                            created_at: string;
                            delivered_at: string | null;
                            event_type: string;
                            /** @description also the Idempotency-Key header of every attempt */
                            id: string;
                            incident_id: string | null;
                            /** @description the start of the receiver's last answer, or why there was none */
                            last_response: string | null;
                            /** @description the receiver's last HTTP status; null when it could not be reached */
                            last_status_code: number | null;
                            next_attempt_at: string | null;
                            /** @description the body sent (byte for byte in every attempt) */
                            payload: unknown;
                            /** Format: date-time */
                            retry_until: string;
                            /**
                             * @description queued (waiting for its next attempt) | delivered | failed (gave up)
                             * @enum {unknown}
                             */
                            status: "queued" | "delivered" | "failed";
                            subscription_id: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed `ping` event now and answer with the receiver's status */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the receiver answered 2xx */
                            delivered: boolean;
                            duration_ms: number;
                            /** @description the start of the receiver's answer, or why there was none */
                            response: string;
                            /** @description null when it could not be reached */
                            status_code: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (the old one stops working at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            enabled: boolean;
                            event_types: string[];
                            id: string;
                            service_ids: string[];
                            /** @description the key of X-Tocsin-Signature; shown only here (on creation and rotation) */
                            signing_secret: string;
                            team_ids: string[];
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/alertmanager/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Prometheus Alertmanager webhook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/generic/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generic JSON webhook webhook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/grafana/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grafana Alerting webhook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/integrations/heartbeat/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Heartbeat ping (the body, if any, is ignored) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Heartbeat ping (the body, if any, is ignored) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/change/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PagerDuty change events: context shown on incidents, never pages */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PagerDuty Events API v2: trigger, acknowledge or resolve an alert */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Alert: {
            acknowledged_at: string | null;
            annotations: unknown;
            class: string | null;
            client: string | null;
            client_url: string | null;
            component: string | null;
            /** Format: date-time */
            created_at: string;
            custom_details: unknown;
            dedup_key: string;
            event_count: number;
            extracted: unknown;
            group: string | null;
            group_reason: string | null;
            held_until: string | null;
            id: string;
            images: unknown;
            incident_id: string | null;
            integration_id: string;
            /** Format: date-time */
            last_seen_at: string;
            links: unknown;
            maintenance_window_id: string | null;
            priority: string | null;
            resolve_reason: string | null;
            resolved_at: string | null;
            rule_id: string | null;
            service_id: string;
            severity: string;
            source: string;
            status: string;
            summary: string;
            suppressed_by: string | null;
            transient: boolean;
            urgency: string;
        };
        ContactMethod: {
            address: string;
            consecutive_failures: number;
            /** Format: date-time */
            created_at: string;
            /** @description why the method is not paged (repeated failures, or disabled by hand) */
            disabled_reason: string | null;
            id: string;
            label: string;
            /** @description webhooks, in the create answer only: the key of X-Tocsin-Signature */
            signing_secret?: string;
            type: string;
            /** Format: date-time */
            updated_at: string;
            user_id: string;
            /** @description SMS and voice must be verified with a code before they are paged */
            verified: boolean;
            verified_at: string | null;
        };
        EscalationPolicy: {
            /** Format: date-time */
            created_at: string;
            description: string;
            id: string;
            levels: {
                delay_minutes: number;
                /** @description 1-based */
                level: number;
                round_robin: boolean;
                targets: {
                    id: string;
                    type: string;
                }[];
            }[];
            name: string;
            repeat: number;
            team_id: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        Incident: {
            acknowledged_at: string | null;
            acknowledgers: {
                at: string;
                id: string | null;
                name: string;
                type: string;
            }[];
            alert_count: number;
            assignees: string[];
            /** Format: date-time */
            created_at: string;
            description: string;
            escalation_level: number;
            id: string;
            merged_into_id: string | null;
            number: number;
            priority: string | null;
            resolve_reason: string | null;
            resolved_at: string | null;
            service: {
                id: string;
                name: string | null;
            };
            snoozed_until: string | null;
            status: string;
            team_id: string | null;
            title: string;
            /** Format: date-time */
            updated_at: string;
            urgency: string;
        };
        Integration: {
            config: unknown;
            /** Format: date-time */
            created_at: string;
            /** @description Email integrations: the address to send to (when the key is shown) */
            email: string | null;
            /** @description The URL or address with {key} standing for the key */
            endpoint: string;
            heartbeat_state: string | null;
            id: string;
            interval_seconds: number | null;
            /** @description The secret key: shown only when the integration is created or its key rotated */
            key: string | null;
            /** @description Last four characters of the key */
            key_hint: string;
            last_ping_at: string | null;
            name: string;
            service_id: string;
            /** @description events_v2, alertmanager, grafana, generic, email, heartbeat */
            type: "events_v2" | "alertmanager" | "grafana" | "generic" | "email" | "heartbeat";
            /** Format: date-time */
            updated_at: string;
            /** @description The URL to paste into the sender (null for email, and when the key is not shown) */
            url: string | null;
        };
        MaintenanceWindow: {
            condition: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            description: string;
            /** Format: date-time */
            end: string;
            ended_early: boolean;
            id: string;
            service_ids: string[];
            /** Format: date-time */
            start: string;
            state: "future" | "active" | "past";
            /** Format: date-time */
            updated_at: string;
        };
        Notification: {
            attempts: number;
            /** @description for a held page that went out inside a bundle: that bundle */
            bundle_id: string | null;
            contact_label: string;
            contact_method_id: string | null;
            contact_type: string;
            created_at: string;
            delivered_at: string | null;
            escalation_round: number | null;
            failed_at: string | null;
            id: string;
            incident_id: string | null;
            /** @description every incident the message is about (several for a bundle) */
            incident_ids: string[];
            /** @description incident | bundle | test | verification */
            kind: string;
            /** @description 0: the incident’s assignees; null: an admin paged as a last resort */
            level: number | null;
            loop: number | null;
            provider_id: string | null;
            provider_response: string | null;
            sent_at: string | null;
            /** @description queued | held | bundled | sent | delivered | failed | cancelled */
            status: string;
            updated_at: string;
            user_id: string | null;
            user_name: string | null;
        };
        NotificationRule: {
            contact_method_id: string;
            /** Format: date-time */
            created_at: string;
            id: string;
            start_delay_minutes: number;
            /** Format: date-time */
            updated_at: string;
            urgency: string;
            user_id: string;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            request_id?: string;
            status: number;
            title: string;
            type: string;
        };
        Schedule: {
            /** Format: date-time */
            created_at: string;
            description: string;
            has_gap_next_7_days: boolean;
            /** @description secret calendar feed of the final schedule; rotate it to revoke */
            ical_url: string;
            id: string;
            layers: {
                /**
                 * Format: date-time
                 * @description when this version took (or takes) effect
                 */
                effective_from: string;
                end: string | null;
                /** @description earlier versions, oldest first */
                history: {
                    /**
                     * Format: date-time
                     * @description when this version took (or takes) effect
                     */
                    effective_from: string;
                    restrictions: {
                        duration_minutes: number;
                        start_day: number | null;
                        start_time: string;
                        type: string;
                    }[];
                    rotation: {
                        handoff_day: number | null;
                        handoff_time: string;
                        length: number | null;
                        type: string;
                    };
                    /** Format: date-time */
                    rotation_start: string;
                    skip_unavailable: boolean;
                    users: string[];
                }[];
                id: string;
                name: string;
                restrictions: {
                    duration_minutes: number;
                    start_day: number | null;
                    start_time: string;
                    type: string;
                }[];
                rotation: {
                    handoff_day: number | null;
                    handoff_time: string;
                    length: number | null;
                    type: string;
                };
                /** Format: date-time */
                rotation_start: string;
                skip_unavailable: boolean;
                /** Format: date-time */
                start: string;
                users: string[];
            }[];
            name: string;
            /** @description the first time nobody is on call within the next 7 days */
            next_gap: {
                /** Format: date-time */
                end: string;
                /** Format: date-time */
                start: string;
            } | null;
            team_id: string | null;
            time_zone: string;
            /** Format: date-time */
            updated_at: string;
        };
        ScheduleOverride: {
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            /** Format: date-time */
            end: string;
            id: string;
            schedule_id: string;
            /** @description override | swap */
            source: string;
            /** Format: date-time */
            start: string;
            swap_id: string | null;
            user: {
                email: string;
                id: string;
                name: string;
            };
        };
        Service: {
            acknowledgement_timeout: number | null;
            alert_grouping: {
                fields: string[];
                match: string;
                type: string;
                window_minutes: number | null;
            };
            auto_pause: {
                enabled: boolean;
                seconds: number;
            };
            auto_resolve_timeout: number | null;
            /** Format: date-time */
            created_at: string;
            description: string;
            escalation_policy_id: string | null;
            id: string;
            name: string;
            resolve_incident_with_alerts: boolean;
            severity_urgency: {
                critical: "high" | "low";
                error: "high" | "low";
                info: "high" | "low";
                warning: "high" | "low";
            };
            status: "active" | "disabled";
            team_id: string | null;
            /** Format: date-time */
            updated_at: string;
            /** @description high, low, or severity (each alert's severity mapped by severity_urgency) */
            urgency: "high" | "low" | "severity";
        };
        ShiftSwap: {
            cancelled_at: string | null;
            cancelled_by: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            end: string;
            id: string;
            offered_by: {
                email: string;
                id: string;
                name: string;
            };
            override_id: string | null;
            schedule_id: string;
            /** Format: date-time */
            start: string;
            /** @description offered | taken | cancelled */
            status: string;
            taken_at: string | null;
            taken_by: {
                email: string;
                id: string;
                name: string;
            } | null;
            /** Format: date-time */
            updated_at: string;
        };
        Team: {
            /** Format: date-time */
            created_at: string;
            description: string;
            id: string;
            members: {
                email: string;
                name: string;
                role: "manager" | "member";
                user_id: string;
            }[];
            name: string;
            /** Format: date-time */
            updated_at: string;
        };
        TimelineEntry: {
            actor: {
                id: string | null;
                name: string;
                type: string;
            };
            alert_id: string | null;
            /** Format: date-time */
            at: string;
            details: unknown;
            id: string;
            message: string;
            type: string;
        };
        TimeOff: {
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            /** Format: date-time */
            end: string;
            id: string;
            reason: string;
            /** Format: date-time */
            start: string;
            user_id: string;
        };
        Token: {
            /** Format: date-time */
            created_at: string;
            expires_at: string | null;
            id: string;
            last_used_at: string | null;
            name: string;
            /** @description First characters of the secret, to recognise it */
            prefix: string;
            revoked_at: string | null;
            /** @description admin, manager, responder or observer */
            role: "admin" | "manager" | "responder" | "observer";
            user_id: string | null;
        };
        User: {
            /** Format: date-time */
            created_at: string;
            email: string;
            id: string;
            name: string;
            /** @description admin, manager, responder or observer */
            role: "admin" | "manager" | "responder" | "observer";
            /** @description IANA time zone, e.g. Europe/London */
            time_zone: string;
            /** Format: date-time */
            updated_at: string;
        };
        WebhookDelivery: {
            attempts: number;
            /** Format: date-time */
            created_at: string;
            delivered_at: string | null;
            event_type: string;
            /** @description also the Idempotency-Key header of every attempt */
            id: string;
            incident_id: string | null;
            /** @description the start of the receiver's last answer, or why there was none */
            last_response: string | null;
            /** @description the receiver's last HTTP status; null when it could not be reached */
            last_status_code: number | null;
            next_attempt_at: string | null;
            /** @description the body sent (byte for byte in every attempt) */
            payload: unknown;
            /** Format: date-time */
            retry_until: string;
            /**
             * @description queued (waiting for its next attempt) | delivered | failed (gave up)
             * @enum {unknown}
             */
            status: "queued" | "delivered" | "failed";
            subscription_id: string;
            /** Format: date-time */
            updated_at: string;
        };
        WebhookSubscription: {
            /** Format: date-time */
            created_at: string;
            description: string;
            enabled: boolean;
            event_types: string[];
            id: string;
            service_ids: string[];
            team_ids: string[];
            /** Format: date-time */
            updated_at: string;
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
