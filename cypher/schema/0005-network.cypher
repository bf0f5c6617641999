// Shared-identifier nodes: one per normalised value, linked from every source record that holds it.
CREATE CONSTRAINT email_value IF NOT EXISTS FOR (n:Email) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT phone_value IF NOT EXISTS FOR (n:Phone) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT address_value IF NOT EXISTS FOR (n:Address) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT identifier_value IF NOT EXISTS FOR (n:Identifier) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT device_value IF NOT EXISTS FOR (n:Device) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (a:AuditEvent) REQUIRE a.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (a:AuditEvent) ON (a.at);
