-- The help desk reads the audit trail of a signal case's client: one IPv4 address, or every address
-- of an IPv6 network (a /64, a /48). An IPv6 client's address is also kept as 32 hex digits, which
-- sort as the addresses do, so that a network's rows are one range of an index on either database.
-- Rows written before this migration have none.
ALTER TABLE audit_event ADD COLUMN client_ip_hex CHAR(32);
CREATE INDEX audit_event_client_ip_hex ON audit_event (client_ip_hex);
CREATE INDEX audit_event_client_ip ON audit_event (client_ip);
