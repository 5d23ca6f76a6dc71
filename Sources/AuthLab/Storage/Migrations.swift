import AuthLabSQLite

/// The schema, as an append-only list: a shipped migration is never edited.
enum Migrations {
    static let all: [Migration] = [
        Migration(
            id: "001-users",
            sql: """
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    password_hash TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                """),
        Migration(
            id: "002-sessions",
            sql: """
                CREATE TABLE sessions (
                    id_hash BLOB PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    last_seen_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX sessions_by_user ON sessions(user_id);
                CREATE INDEX sessions_by_expiry ON sessions(expires_at);
                """),
        Migration(
            id: "003-refresh-tokens",
            sql: """
                CREATE TABLE refresh_families (
                    id TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    revoked_at INTEGER
                ) WITHOUT ROWID;
                CREATE TABLE refresh_tokens (
                    token_hash BLOB PRIMARY KEY,
                    family_id TEXT NOT NULL REFERENCES refresh_families(id) ON DELETE CASCADE,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    spent_at INTEGER
                ) WITHOUT ROWID;
                CREATE INDEX refresh_tokens_by_family ON refresh_tokens(family_id);
                CREATE INDEX refresh_families_by_expiry ON refresh_families(expires_at);
                """),
        Migration(
            id: "004-denied-jti",
            sql: """
                CREATE TABLE denied_jti (
                    jti TEXT PRIMARY KEY,
                    expires_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX denied_jti_by_expiry ON denied_jti(expires_at);
                """),
        Migration(
            id: "005-server-keys",
            sql: """
                CREATE TABLE signing_keys (
                    kid TEXT PRIMARY KEY,
                    jwk TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE server_secrets (
                    name TEXT PRIMARY KEY,
                    value BLOB NOT NULL
                ) WITHOUT ROWID;
                """),
    ]
}
