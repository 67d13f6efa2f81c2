using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>The notifications area's tables in the embedded state database. Never edit a shipped version.</summary>
public static class NotificationsSchema
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
}
