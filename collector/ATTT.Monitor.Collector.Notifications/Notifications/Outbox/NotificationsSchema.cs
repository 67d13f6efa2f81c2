using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>The notifications area's tables in the embedded state database. Never edit a shipped version.</summary>
internal static class NotificationsSchema
{
    public const string Area = "notifications";

    public static ISchemaMigration V1 { get; } = new SchemaMigration(Area, 1, """
        CREATE TABLE notification_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id INTEGER NULL,
            kind TEXT NOT NULL,
            contact_id TEXT NULL,
            recipient_email TEXT NOT NULL,
            recipient_name TEXT NOT NULL,
            to_list TEXT NOT NULL,
            cc_list TEXT NOT NULL,
            subject TEXT NOT NULL,
            text_body TEXT NOT NULL,
            html_body TEXT NOT NULL,
            message_id TEXT NOT NULL UNIQUE,
            is_drill INTEGER NOT NULL,
            is_authority INTEGER NOT NULL,
            severity INTEGER NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT NULL,
            created_at TEXT NOT NULL,
            sent_at TEXT NULL,
            dead_at TEXT NULL,
            resent_at TEXT NULL
        );
        CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_at);
        CREATE INDEX ix_notification_outbox_incident ON notification_outbox (incident_id);
        CREATE INDEX ix_notification_outbox_recipient ON notification_outbox (recipient_email, sent_at);

        CREATE TABLE notification_attachments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            outbox_id INTEGER NOT NULL REFERENCES notification_outbox(id),
            file_name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            content BLOB NOT NULL
        );
        CREATE INDEX ix_notification_attachments_outbox ON notification_attachments (outbox_id);

        CREATE TABLE notification_acks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            outbox_id INTEGER NOT NULL REFERENCES notification_outbox(id),
            incident_id INTEGER NULL,
            recipient_email TEXT NOT NULL,
            confirmed_by TEXT NOT NULL,
            confirmed_at TEXT NOT NULL,
            client_address TEXT NULL
        );
        CREATE UNIQUE INDEX ux_notification_acks_outbox ON notification_acks (outbox_id);

        CREATE TABLE notification_digest_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id INTEGER NOT NULL,
            unit TEXT NOT NULL,
            line TEXT NOT NULL,
            created_at TEXT NOT NULL,
            digested_at TEXT NULL
        );

        CREATE TABLE notification_deadlines (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            met_by TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            due_at TEXT NOT NULL,
            reminded_at TEXT NULL,
            escalated_at TEXT NULL,
            met_at TEXT NULL,
            UNIQUE (incident_id, key)
        );

        CREATE TABLE notification_incidents (
            incident_id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            rule_id TEXT NULL,
            rule_title TEXT NULL,
            tags TEXT NOT NULL,
            category TEXT NOT NULL,
            severity INTEGER NOT NULL,
            state TEXT NOT NULL,
            unit TEXT NOT NULL,
            host TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            count INTEGER NOT NULL,
            is_drill INTEGER NOT NULL,
            notified INTEGER NOT NULL DEFAULT 0,
            resolved_at TEXT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE notification_reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id INTEGER NOT NULL,
            form TEXT NOT NULL,
            number TEXT NOT NULL,
            fields_json TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT NULL
        );
        """);

    public static ISchemaMigration V2 { get; } = new SchemaMigration(Area, 2, """
        CREATE TABLE notification_monthly_reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            unit TEXT NOT NULL,
            month TEXT NOT NULL,
            report_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (unit, month)
        );
        """);

    /// <summary>
    /// Times written by earlier versions with seven fraction digits become the database's one format
    /// (<see cref="DbTime"/>, six digits): SQL compares these columns as text, and a seven-digit value
    /// sorts before a six-digit one of the same microsecond. Truncated, as the format itself truncates.
    /// </summary>
    public static ISchemaMigration V3 { get; } = new SchemaMigration(Area, 3, """
        UPDATE notification_outbox SET next_attempt_at = substr(next_attempt_at, 1, 26) || 'Z' WHERE next_attempt_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_outbox SET created_at = substr(created_at, 1, 26) || 'Z' WHERE created_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_outbox SET sent_at = substr(sent_at, 1, 26) || 'Z' WHERE sent_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_outbox SET dead_at = substr(dead_at, 1, 26) || 'Z' WHERE dead_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_outbox SET resent_at = substr(resent_at, 1, 26) || 'Z' WHERE resent_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_acks SET confirmed_at = substr(confirmed_at, 1, 26) || 'Z' WHERE confirmed_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_digest_items SET created_at = substr(created_at, 1, 26) || 'Z' WHERE created_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_digest_items SET digested_at = substr(digested_at, 1, 26) || 'Z' WHERE digested_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_deadlines SET starts_at = substr(starts_at, 1, 26) || 'Z' WHERE starts_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_deadlines SET due_at = substr(due_at, 1, 26) || 'Z' WHERE due_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_deadlines SET reminded_at = substr(reminded_at, 1, 26) || 'Z' WHERE reminded_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_deadlines SET escalated_at = substr(escalated_at, 1, 26) || 'Z' WHERE escalated_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_deadlines SET met_at = substr(met_at, 1, 26) || 'Z' WHERE met_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_incidents SET first_seen = substr(first_seen, 1, 26) || 'Z' WHERE first_seen GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_incidents SET last_seen = substr(last_seen, 1, 26) || 'Z' WHERE last_seen GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_incidents SET resolved_at = substr(resolved_at, 1, 26) || 'Z' WHERE resolved_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_incidents SET updated_at = substr(updated_at, 1, 26) || 'Z' WHERE updated_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_reports SET created_at = substr(created_at, 1, 26) || 'Z' WHERE created_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_reports SET updated_at = substr(updated_at, 1, 26) || 'Z' WHERE updated_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_reports SET sent_at = substr(sent_at, 1, 26) || 'Z' WHERE sent_at GLOB '????-??-??T??:??:??.???????Z';
        UPDATE notification_monthly_reports SET created_at = substr(created_at, 1, 26) || 'Z' WHERE created_at GLOB '????-??-??T??:??:??.???????Z';
        """);

    /// <summary>
    /// Clocks that stop (false positive, resolution) without being met; when the collector found an
    /// incident and whether its events were backfilled; updates batched per incident; digest items
    /// addressed to one recipient (the excess over the daily cap); and who gave up an undelivered message.
    /// </summary>
    public static ISchemaMigration V4 { get; } = new SchemaMigration(Area, 4, """
        ALTER TABLE notification_deadlines ADD COLUMN stopped_at TEXT NULL;
        ALTER TABLE notification_deadlines ADD COLUMN stop_reason TEXT NULL;
        ALTER TABLE notification_incidents ADD COLUMN detected_at TEXT NULL;
        ALTER TABLE notification_incidents ADD COLUMN backfill INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE notification_digest_items ADD COLUMN recipient_email TEXT NULL;
        ALTER TABLE notification_digest_items ADD COLUMN recipient_name TEXT NULL;
        ALTER TABLE notification_digest_items ADD COLUMN is_authority INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE notification_digest_items ADD COLUMN message_id TEXT NULL;
        ALTER TABLE notification_digest_items ADD COLUMN reason TEXT NOT NULL DEFAULT 'overflow';
        ALTER TABLE notification_outbox ADD COLUMN given_up_at TEXT NULL;
        ALTER TABLE notification_outbox ADD COLUMN given_up_by TEXT NULL;
        CREATE INDEX ix_notification_outbox_created ON notification_outbox (recipient_email, created_at);
        CREATE TABLE notification_update_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id INTEGER NOT NULL,
            line TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sent_at TEXT NULL
        );
        CREATE INDEX ix_notification_update_items_waiting ON notification_update_items (sent_at, incident_id);
        """);

    /// <summary>The incident's Vietnamese explanation, so reminders and escalations written later carry the text of the first notice.</summary>
    public static ISchemaMigration V5 { get; } = new SchemaMigration(Area, 5, """
        ALTER TABLE notification_incidents ADD COLUMN explanation TEXT NULL;
        """);
}
