#include "Migrations.h"

#include "Connection.h"
#include "StoreError.h"

#include <array>
#include <string>

namespace builder::store {

namespace {

// Never edit a released step: add a new one.
constexpr std::array<const char*, 6> kSteps = {
    // 1: repositories, executions, events, jobs, tokens.
    R"sql(
CREATE TABLE repositories (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  default_branch TEXT NOT NULL DEFAULT '',
  provider INTEGER NOT NULL,
  credential_type INTEGER NOT NULL DEFAULT 0,
  credential_nonce BLOB,
  credential_cipher BLOB,
  properties BLOB NOT NULL DEFAULT x'',
  state INTEGER NOT NULL,
  last_accessed_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX repositories_live_name ON repositories(name) WHERE state != 3;

CREATE TABLE executions (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  repository_id TEXT NOT NULL REFERENCES repositories(id),
  correlation_id TEXT,
  idempotency_key TEXT UNIQUE,
  created_by TEXT NOT NULL,
  retry_of TEXT REFERENCES executions(id),
  from_step INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  state INTEGER NOT NULL,
  spec BLOB NOT NULL,
  plan BLOB,
  progress BLOB,
  error BLOB,
  result BLOB,
  last_event_seq INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  completed_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX executions_created ON executions(created_at DESC, id DESC);
CREATE INDEX executions_repository_state ON executions(repository_id, state);
CREATE INDEX executions_correlation ON executions(correlation_id, created_at DESC);
CREATE INDEX executions_retry_of ON executions(retry_of);

CREATE TABLE events (
  execution_id TEXT NOT NULL REFERENCES executions(id),
  seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  summary TEXT NOT NULL,
  payload BLOB NOT NULL,
  PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  execution_id TEXT REFERENCES executions(id),
  payload BLOB NOT NULL DEFAULT x'',
  state TEXT NOT NULL DEFAULT 'ready',
  attempt INTEGER NOT NULL DEFAULT 0,
  level INTEGER NOT NULL DEFAULT 0,
  available_at INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX jobs_ready ON jobs(state, available_at);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  role TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER NOT NULL DEFAULT 0
);
)sql",
    // 2: full-text search over execution titles and descriptions.
    R"sql(
CREATE VIRTUAL TABLE executions_fts USING fts5(
  title, description, content='executions', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2');
INSERT INTO executions_fts(rowid, title, description)
  SELECT seq, title, description FROM executions;
CREATE TRIGGER executions_fts_insert AFTER INSERT ON executions BEGIN
  INSERT INTO executions_fts(rowid, title, description)
    VALUES (new.seq, new.title, new.description);
END;
)sql",
    // 3: listing a repository's executions newest first, and jobs by execution.
    R"sql(
CREATE INDEX executions_repository_created ON executions(repository_id, created_at DESC, id DESC);
CREATE INDEX jobs_execution ON jobs(execution_id);
)sql",
    // 4: the pipeline: journal of stage results and LLM responses, usage per
    // execution, dead letters, artifacts.
    R"sql(
ALTER TABLE executions ADD COLUMN started_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE executions ADD COLUMN tokens_in INTEGER NOT NULL DEFAULT 0;
ALTER TABLE executions ADD COLUMN tokens_out INTEGER NOT NULL DEFAULT 0;
ALTER TABLE executions ADD COLUMN cost_micros INTEGER NOT NULL DEFAULT 0;
ALTER TABLE executions ADD COLUMN llm_calls INTEGER NOT NULL DEFAULT 0;

CREATE TABLE journal (
  execution_id TEXT NOT NULL REFERENCES executions(id),
  key TEXT NOT NULL,
  value BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (execution_id, key)
) WITHOUT ROWID;

CREATE TABLE dead_letters (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL,
  execution_id TEXT REFERENCES executions(id),
  kind TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_error TEXT NOT NULL,
  error_code TEXT NOT NULL,
  failed_at INTEGER NOT NULL,
  requeued_at INTEGER NOT NULL DEFAULT 0,
  requeued_job_id TEXT
);
CREATE INDEX dead_letters_failed ON dead_letters(failed_at DESC, id DESC);

CREATE TABLE artifacts (
  id TEXT PRIMARY KEY,
  execution_id TEXT NOT NULL REFERENCES executions(id),
  name TEXT NOT NULL,
  type INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (execution_id, name)
);
)sql",
    // 5: human review: one row per review round (the head commit a reviewer
    // decides on) and the comments anchored to its lines.
    R"sql(
CREATE TABLE review_rounds (
  execution_id TEXT NOT NULL REFERENCES executions(id),
  round INTEGER NOT NULL,
  base_sha TEXT NOT NULL,
  head_sha TEXT NOT NULL,
  decision TEXT NOT NULL DEFAULT 'pending',
  decided_by TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (execution_id, round)
) WITHOUT ROWID;

CREATE TABLE review_comments (
  id TEXT PRIMARY KEY,
  execution_id TEXT NOT NULL REFERENCES executions(id),
  round INTEGER NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  side INTEGER NOT NULL,
  body TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX review_comments_execution ON review_comments(execution_id, round, created_at);
)sql",
    // 6: the kill switch (current state and history), the hash-chained audit
    // log with its head, outgoing webhook deliveries, incoming webhook
    // deliveries seen (replay protection) and small service cursors.
    R"sql(
CREATE TABLE kill_switches (
  scope TEXT NOT NULL,
  repository_id TEXT NOT NULL DEFAULT '',
  engaged INTEGER NOT NULL,
  reason TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  automatic INTEGER NOT NULL DEFAULT 0,
  changed_at INTEGER NOT NULL,
  PRIMARY KEY (scope, repository_id)
) WITHOUT ROWID;

CREATE TABLE kill_switch_history (
  seq INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  repository_id TEXT NOT NULL DEFAULT '',
  engaged INTEGER NOT NULL,
  reason TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  automatic INTEGER NOT NULL DEFAULT 0,
  changed_at INTEGER NOT NULL
);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  actor TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  target_type TEXT NOT NULL DEFAULT '',
  target_id TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
CREATE INDEX audit_log_action ON audit_log(action, seq);
CREATE INDEX audit_log_created ON audit_log(created_at);

CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  endpoint TEXT NOT NULL,
  url TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  execution_id TEXT NOT NULL,
  body BLOB NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_status INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  delivered_at INTEGER NOT NULL DEFAULT 0,
  UNIQUE (event_id, endpoint)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(state, next_attempt_at);
CREATE INDEX webhook_deliveries_created ON webhook_deliveries(created_at DESC, id DESC);

CREATE TABLE webhook_inbound (
  delivery_id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  event TEXT NOT NULL,
  outcome TEXT NOT NULL,
  execution_id TEXT NOT NULL DEFAULT '',
  received_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE service_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql",
};

} // namespace

int Migrations::latestVersion()
{
    return static_cast<int>(kSteps.size());
}

int Migrations::currentVersion(Connection& connection)
{
    auto stmt = connection.prepareOnce("PRAGMA user_version");
    return stmt.step() ? static_cast<int>(stmt.int64(0)) : 0;
}

void Migrations::apply(Connection& connection, int targetVersion)
{
    const int target = targetVersion < 0 ? latestVersion() : targetVersion;
    int version = currentVersion(connection);
    if (version > latestVersion())
        throw StoreError(0, "database schema version " + std::to_string(version) +
                                " is newer than this builderd supports (" +
                                std::to_string(latestVersion()) + "); upgrade builderd");
    while (version < target) {
        connection.exec("BEGIN IMMEDIATE");
        try {
            connection.exec(kSteps[static_cast<std::size_t>(version)]);
            connection.exec("PRAGMA user_version = " + std::to_string(version + 1));
            connection.exec("COMMIT");
        } catch (...) {
            connection.exec("ROLLBACK");
            throw;
        }
        ++version;
    }
}

} // namespace builder::store
