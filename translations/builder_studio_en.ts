<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AdminColumns</name>
    <message>
        <source>engineer</source>
        <translation>engineer</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>reviewer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>%1 answered UNIMPLEMENTED: this server does not offer it yet.%2</source>
        <translation>%1 answered UNIMPLEMENTED: this server does not offer it yet.%2</translation>
    </message>
    <message>
        <source>%1 failed: the server cannot be reached (UNAVAILABLE). %2</source>
        <translation>%1 failed: the server cannot be reached (UNAVAILABLE). %2</translation>
    </message>
    <message>
        <source>%1 answered PERMISSION_DENIED: your role may not do this. %2</source>
        <translation>%1 answered PERMISSION_DENIED: your role may not do this. %2</translation>
    </message>
    <message>
        <source>%1 answered UNAUTHENTICATED: the token was not accepted. %2</source>
        <translation>%1 answered UNAUTHENTICATED: the token was not accepted. %2</translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <translation>%1 answered %2: %3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
</context>
<context>
    <name>StateText</name>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Analyzing</source>
        <translation>Analyzing</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Executing</source>
        <translation>Executing</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Verifying</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Create file</source>
        <translation>Create file</translation>
    </message>
    <message>
        <source>Modify file</source>
        <translation>Modify file</translation>
    </message>
    <message>
        <source>Delete file</source>
        <translation>Delete file</translation>
    </message>
    <message>
        <source>Rename file</source>
        <translation>Rename file</translation>
    </message>
    <message>
        <source>Add dependency</source>
        <translation>Add dependency</translation>
    </message>
    <message>
        <source>Refactor</source>
        <translation>Refactor</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentation</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
</context>
<context>
    <name>StudioOptions</name>
    <message>
        <source>Builder Studio: write feature specs, watch executions, review diffs.</source>
        <translation>Builder Studio: write feature specs, watch executions, review diffs.</translation>
    </message>
    <message>
        <source>Use the local builderd, starting it if needed (default).</source>
        <translation>Use the local builderd, starting it if needed (default).</translation>
    </message>
    <message>
        <source>Remote builderd gRPC address.</source>
        <translation>Remote builderd gRPC address.</translation>
    </message>
    <message>
        <source>File holding the bearer token (remote).</source>
        <translation>File holding the bearer token (remote).</translation>
    </message>
    <message>
        <source>Use TLS for the remote server.</source>
        <translation>Use TLS for the remote server.</translation>
    </message>
    <message>
        <source>PEM roots to verify the server (implies --tls).</source>
        <translation>PEM roots to verify the server (implies --tls).</translation>
    </message>
    <message>
        <source>The local builderd&apos;s data directory.</source>
        <translation>The local builderd&apos;s data directory.</translation>
    </message>
    <message>
        <source>Do not start a local builderd when none answers.</source>
        <translation>Do not start a local builderd when none answers.</translation>
    </message>
    <message>
        <source>Interface language: en, de, fr.</source>
        <translation>Interface language: en, de, fr.</translation>
    </message>
</context>
<context>
    <name>builder::client::ArtifactDownloader</name>
    <message>
        <source>The artifact has no download URL</source>
        <translation>The artifact has no download URL</translation>
    </message>
</context>
<context>
    <name>builder::client::LocalBackend</name>
    <message>
        <source>builderd did not start within %1 s; see %2</source>
        <translation>builderd did not start within %1 s; see %2</translation>
    </message>
    <message>
        <source>Looking for a local builderd in %1</source>
        <translation>Looking for a local builderd in %1</translation>
    </message>
    <message>
        <source>builderd at %1 is running, but its admin token %2 cannot be read</source>
        <translation>builderd at %1 is running, but its admin token %2 cannot be read</translation>
    </message>
    <message>
        <source>builderd exited during start-up:
%1</source>
        <translation>builderd exited during start-up:
%1</translation>
    </message>
    <message>
        <source>No local builderd answers (data directory %1)</source>
        <translation>No local builderd answers (data directory %1)</translation>
    </message>
    <message>
        <source>No local builderd answers and the builderd program was found neither next to the Studio nor on PATH</source>
        <translation>No local builderd answers and the builderd program was found neither next to the Studio nor on PATH</translation>
    </message>
    <message>
        <source>Starting builderd (%1)</source>
        <translation>Starting builderd (%1)</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>Cannot start %1: %2</translation>
    </message>
</context>
<context>
    <name>builder::client::TokenVault</name>
    <message>
        <source>No system keychain is available (%1). The token is used for this session only and is not saved; start a keychain service (GNOME Keyring or KWallet) to keep it, or start the Studio with --token-file.</source>
        <translation>No system keychain is available (%1). The token is used for this session only and is not saved; start a keychain service (GNOME Keyring or KWallet) to keep it, or start the Studio with --token-file.</translation>
    </message>
</context>
<context>
    <name>builder::diff::DiffPane</name>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Fix: %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(not sent yet)</source>
        <translation>(not sent yet)</translation>
    </message>
</context>
<context>
    <name>builder::diff::SideBySideDiffView</name>
    <message>
        <source>Old version</source>
        <translation>Old version</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>New version</translation>
    </message>
</context>
<context>
    <name>builder::diff::UnifiedDiffView</name>
    <message>
        <source>Unified diff</source>
        <translation>Unified diff</translation>
    </message>
</context>
<context>
    <name>builder::models::DiffFileTreeModel</name>
    <message>
        <source>%1 (renamed from %2)</source>
        <translation>%1 (renamed from %2)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
</context>
<context>
    <name>builder::models::EventTimelineModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>builder::models::ExecutionListModel</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>builder::models::LlmUsageModel</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens in</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens out</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
</context>
<context>
    <name>builder::models::PlanStepModel</name>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
</context>
<context>
    <name>builder::models::RepositoryListModel</name>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>SSH key</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>OAuth</source>
        <translation>OAuth</translation>
    </message>
    <message>
        <source>User and password</source>
        <translation>User and password</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Stored</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Default branch</source>
        <translation>Default branch</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>builder::studio::ConnectingWindow</name>
    <message>
        <source>Builder Studio</source>
        <translation>Builder Studio</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>builder::studio::StudioLauncher</name>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>No remote server is configured; open Settings.</source>
        <translation>No remote server is configured; open Settings.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Cannot read the CA file %1: %2</translation>
    </message>
    <message>
        <source>Cannot read a token from %1%2</source>
        <translation>Cannot read a token from %1%2</translation>
    </message>
    <message>
        <source>Reading the token for %1 from the keychain…</source>
        <translation>Reading the token for %1 from the keychain…</translation>
    </message>
    <message>
        <source>No token is stored for %1; enter one in Settings.</source>
        <translation>No token is stored for %1; enter one in Settings.</translation>
    </message>
</context>
<context>
    <name>builder::views::AdminPanel</name>
    <message>
        <source>&lt;h2&gt;Administration&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Administration&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Kill switch</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Dead letters</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
</context>
<context>
    <name>builder::views::ArtifactsTab</name>
    <message>
        <source>Patch</source>
        <translation>Patch</translation>
    </message>
    <message>
        <source>Build log</source>
        <translation>Build log</translation>
    </message>
    <message>
        <source>Test report</source>
        <translation>Test report</translation>
    </message>
    <message>
        <source>Coverage report</source>
        <translation>Coverage report</translation>
    </message>
    <message>
        <source>Analysis report</source>
        <translation>Analysis report</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artifacts</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Download</translation>
    </message>
    <message>
        <source>Download and &amp;open</source>
        <translation>Download and &amp;open</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Download of %1 failed: %2</source>
        <translation>Download of %1 failed: %2</translation>
    </message>
    <message>
        <source>No artifacts yet</source>
        <translation>No artifacts yet</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Downloading %1…</translation>
    </message>
</context>
<context>
    <name>builder::views::AuditTab</name>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Filter by actor</source>
        <translation>Filter by actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Filter by action</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>hash chain intact up to %1</source>
        <translation>hash chain intact up to %1</translation>
    </message>
    <message>
        <source>hash chain BROKEN at entry %1: %2</source>
        <translation>hash chain BROKEN at entry %1: %2</translation>
    </message>
</context>
<context>
    <name>builder::views::CommentEditor</name>
    <message>
        <source>Comment on %1:%2</source>
        <translation>Comment on %1:%2</translation>
    </message>
    <message>
        <source>Comment on line %1 of the old version of %2</source>
        <translation>Comment on line %1 of the old version of %2</translation>
    </message>
    <message>
        <source>Comment on line %1 of %2</source>
        <translation>Comment on line %1 of %2</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Add comment</translation>
    </message>
</context>
<context>
    <name>builder::views::ConstraintsForm</name>
    <message>
        <source>Maximum steps</source>
        <translation>Maximum steps</translation>
    </message>
    <message>
        <source>Server default (20)</source>
        <translation>Server default (20)</translation>
    </message>
    <message>
        <source>Max &amp;steps:</source>
        <translation>Max &amp;steps:</translation>
    </message>
    <message>
        <source>Timeout in minutes</source>
        <translation>Timeout in minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Server default (60 min)</source>
        <translation>Server default (60 min)</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Timeout:</translation>
    </message>
    <message>
        <source>Allowed paths, one per line</source>
        <translation>Allowed paths, one per line</translation>
    </message>
    <message>
        <source>src/**
tests/**</source>
        <translation>src/**
tests/**</translation>
    </message>
    <message>
        <source>&amp;Allowed paths:</source>
        <translation>&amp;Allowed paths:</translation>
    </message>
    <message>
        <source>Forbidden paths, one per line</source>
        <translation>Forbidden paths, one per line</translation>
    </message>
    <message>
        <source>secrets/**</source>
        <translation>secrets/**</translation>
    </message>
    <message>
        <source>&amp;Forbidden paths:</source>
        <translation>&amp;Forbidden paths:</translation>
    </message>
    <message>
        <source>Require &amp;tests</source>
        <translation>Require &amp;tests</translation>
    </message>
    <message>
        <source>Require a successful &amp;build</source>
        <translation>Require a successful &amp;build</translation>
    </message>
</context>
<context>
    <name>builder::views::CredentialForm</name>
    <message>
        <source>Credential type</source>
        <translation>Credential type</translation>
    </message>
    <message>
        <source>None (public or local repository)</source>
        <translation>None (public or local repository)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Access token</translation>
    </message>
    <message>
        <source>User and password</source>
        <translation>User and password</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>SSH private key</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>OAuth token</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>-----BEGIN OPENSSH PRIVATE KEY-----</source>
        <translation>-----BEGIN OPENSSH PRIVATE KEY-----</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Private key:</translation>
    </message>
    <message>
        <source>OAuth refresh token</source>
        <translation>OAuth refresh token</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Refresh token:</translation>
    </message>
</context>
<context>
    <name>builder::views::DeadLetterTab</name>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Execution</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>Dead-letter queue</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>&amp;Requeue</source>
        <translation>&amp;Requeue</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letters</source>
        <translation>
            <numerusform>%n dead letter</numerusform>
            <numerusform>%n dead letters</numerusform>
        </translation>
    </message>
    <message>
        <source>Requeued as job %1</source>
        <translation>Requeued as job %1</translation>
    </message>
</context>
<context>
    <name>builder::views::DiffReviewPanel</name>
    <message>
        <source>Execution</source>
        <translation>Execution</translation>
    </message>
    <message>
        <source>&amp;Unified</source>
        <translation>&amp;Unified</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>&amp;Side by side</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Previous file (Alt+PgUp)</source>
        <translation>Previous file (Alt+PgUp)</translation>
    </message>
    <message>
        <source>Next file (Alt+PgDown)</source>
        <translation>Next file (Alt+PgDown)</translation>
    </message>
    <message>
        <source>Hunk</source>
        <translation>Hunk</translation>
    </message>
    <message>
        <source>Previous hunk (Alt+Up)</source>
        <translation>Previous hunk (Alt+Up)</translation>
    </message>
    <message>
        <source>Next hunk (Alt+Down)</source>
        <translation>Next hunk (Alt+Down)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Previous finding (Shift+F8)</source>
        <translation>Previous finding (Shift+F8)</translation>
    </message>
    <message>
        <source>Next finding (F8)</source>
        <translation>Next finding (F8)</translation>
    </message>
    <message>
        <source>Changed files</source>
        <translation>Changed files</translation>
    </message>
    <message>
        <source>Loading the diff…</source>
        <translation>Loading the diff…</translation>
    </message>
    <message numerus="yes">
        <source>%1..%2 — %n file(s)</source>
        <translation>
            <numerusform>%1..%2 — %n file</numerusform>
            <numerusform>%1..%2 — %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>, +%1 −%2</source>
        <translation>, +%1 −%2</translation>
    </message>
    <message numerus="yes">
        <source>, %n finding(s)</source>
        <translation>
            <numerusform>, %n finding</numerusform>
            <numerusform>, %n findings</numerusform>
        </translation>
    </message>
    <message>
        <source>, risk %1</source>
        <translation>, risk %1</translation>
    </message>
    <message>
        <source> (from the offline cache)</source>
        <translation> (from the offline cache)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>Decision recorded</translation>
    </message>
</context>
<context>
    <name>builder::views::ExecutionPanel</name>
    <message>
        <source>Executions</source>
        <translation>Executions</translation>
    </message>
    <message>
        <source>Back to executions</source>
        <translation>Back to executions</translation>
    </message>
    <message>
        <source>Execution state</source>
        <translation>Execution state</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>&amp;Cancel execution</source>
        <translation>&amp;Cancel execution</translation>
    </message>
    <message>
        <source>&amp;Retry from step</source>
        <translation>&amp;Retry from step</translation>
    </message>
    <message>
        <source>Retry from step</source>
        <translation>Retry from step</translation>
    </message>
    <message>
        <source>Re&amp;view diff</source>
        <translation>Re&amp;view diff</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Event timeline</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Plan steps</source>
        <translation>Plan steps</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>LLM usage and cost</source>
        <translation>LLM usage and cost</translation>
    </message>
    <message>
        <source>LLM usage</source>
        <translation>LLM usage</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artifacts</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Loading %1…&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Loading %1…&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>● live (%1)</source>
        <translation>● live (%1)</translation>
    </message>
    <message>
        <source>reconnecting (%1)…</source>
        <translation>reconnecting (%1)…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connecting…</translation>
    </message>
    <message>
        <source>not live</source>
        <translation>not live</translation>
    </message>
    <message>
        <source>LLM cost: $%1</source>
        <translation>LLM cost: $%1</translation>
    </message>
    <message>
        <source>%1 of %2 steps — %p%</source>
        <translation>%1 of %2 steps — %p%</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Execution:</source>
        <translation>Execution:</translation>
    </message>
    <message>
        <source>Branches:</source>
        <translation>Branches:</translation>
    </message>
    <message>
        <source>Correlation:</source>
        <translation>Correlation:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Error:</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Delivered:</translation>
    </message>
    <message>
        <source>Cancel execution</source>
        <translation>Cancel execution</translation>
    </message>
    <message>
        <source>Cancel this execution? Work in progress stops; you can retry later.</source>
        <translation>Cancel this execution? Work in progress stops; you can retry later.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
</context>
<context>
    <name>builder::views::ExecutionsPanel</name>
    <message>
        <source>&lt;h2&gt;Executions&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Executions&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Filter by repository</source>
        <translation>Filter by repository</translation>
    </message>
    <message>
        <source>Search titles and descriptions</source>
        <translation>Search titles and descriptions</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Created from</translation>
    </message>
    <message>
        <source>Created until</source>
        <translation>Created until</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>until</source>
        <translation>until</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Feature executions</source>
        <translation>Feature executions</translation>
    </message>
    <message>
        <source>All repositories</source>
        <translation>All repositories</translation>
    </message>
    <message>
        <source>Offline: showing cached executions</source>
        <translation>Offline: showing cached executions</translation>
    </message>
    <message numerus="yes">
        <source>Offline: showing %n cached executions</source>
        <translation>
            <numerusform>Offline: showing %n cached execution</numerusform>
            <numerusform>Offline: showing %n cached executions</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1 of %2 executions</source>
        <translation>Showing %1 of %2 executions</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n executions</source>
        <translation>
            <numerusform>Showing %n execution</numerusform>
            <numerusform>Showing %n executions</numerusform>
        </translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — loading…</translation>
    </message>
</context>
<context>
    <name>builder::views::KillSwitchTab</name>
    <message>
        <source>Global kill switch</source>
        <translation>Global kill switch</translation>
    </message>
    <message>
        <source>State unknown</source>
        <translation>State unknown</translation>
    </message>
    <message>
        <source>Global kill switch state</source>
        <translation>Global kill switch state</translation>
    </message>
    <message>
        <source>Engage</source>
        <translation>Engage</translation>
    </message>
    <message>
        <source>Per repository</source>
        <translation>Per repository</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Engage for repository</source>
        <translation>Engage for repository</translation>
    </message>
    <message>
        <source>Release for repository</source>
        <translation>Release for repository</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>Why (required, kept in the audit log)</source>
        <translation>Why (required, kept in the audit log)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>Engaged</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>rule</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Repositories with a kill switch:</source>
        <translation>Repositories with a kill switch:</translation>
    </message>
    <message>
        <source>Repository kill switches</source>
        <translation>Repository kill switches</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>History:</translation>
    </message>
    <message>
        <source>Kill switch history</source>
        <translation>Kill switch history</translation>
    </message>
    <message>
        <source>ENGAGED by %1: %2</source>
        <translation>ENGAGED by %1: %2</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Released: executions run normally</source>
        <translation>Released: executions run normally</translation>
    </message>
    <message>
        <source>A reason is required for the audit log.</source>
        <translation>A reason is required for the audit log.</translation>
    </message>
    <message>
        <source>Choose a repository.</source>
        <translation>Choose a repository.</translation>
    </message>
    <message>
        <source>all executions</source>
        <translation>all executions</translation>
    </message>
    <message>
        <source>executions of %1</source>
        <translation>executions of %1</translation>
    </message>
    <message>
        <source>Engage the kill switch for %1? Running work stops.</source>
        <translation>Engage the kill switch for %1? Running work stops.</translation>
    </message>
    <message>
        <source>Release the kill switch for %1?</source>
        <translation>Release the kill switch for %1?</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Kill switch</translation>
    </message>
</context>
<context>
    <name>builder::views::LocalizationPreviewPanel</name>
    <message>
        <source>Localization preview (files ranked before any code is written)</source>
        <translation>Localization preview (files ranked before any code is written)</translation>
    </message>
    <message>
        <source>Checking whether the server offers it…</source>
        <translation>Checking whether the server offers it…</translation>
    </message>
    <message>
        <source>Ranked files</source>
        <translation>Ranked files</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Localization preview: not offered by this server.</source>
        <translation>Localization preview: not offered by this server.</translation>
    </message>
    <message>
        <source>Preview files</source>
        <translation>Preview files</translation>
    </message>
    <message>
        <source>Rank the repository&apos;s files against this description.</source>
        <translation>Rank the repository&apos;s files against this description.</translation>
    </message>
    <message>
        <source>Choose a repository and describe the feature first.</source>
        <translation>Choose a repository and describe the feature first.</translation>
    </message>
    <message>
        <source>Ranking files…</source>
        <translation>Ranking files…</translation>
    </message>
    <message>
        <source>%1 of %2 files match (commit %3, %4 ms)</source>
        <translation>%1 of %2 files match (commit %3, %4 ms)</translation>
    </message>
</context>
<context>
    <name>builder::views::MainWindow</name>
    <message>
        <source>Builder Studio</source>
        <translation>Builder Studio</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Screens</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Repositories</translation>
    </message>
    <message>
        <source>New feature</source>
        <translation>New feature</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Executions</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>unknown user</translation>
    </message>
    <message>
        <source>&amp;Studio</source>
        <translation>&amp;Studio</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Repositories</source>
        <translation>&amp;Repositories</translation>
    </message>
    <message>
        <source>&amp;New feature</source>
        <translation>&amp;New feature</translation>
    </message>
    <message>
        <source>&amp;Executions</source>
        <translation>&amp;Executions</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>&amp;Admin</translation>
    </message>
    <message>
        <source>New feature (alternative)</source>
        <translation>New feature (alternative)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About Builder Studio</source>
        <translation>&amp;About Builder Studio</translation>
    </message>
    <message>
        <source>About Builder Studio</source>
        <translation>About Builder Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Builder Studio&lt;/b&gt;&lt;br&gt;Write feature specs, watch executions live, review diffs and run Builder.</source>
        <translation>&lt;b&gt;Builder Studio&lt;/b&gt;&lt;br&gt;Write feature specs, watch executions live, review diffs and run Builder.</translation>
    </message>
    <message>
        <source>local</source>
        <translation>local</translation>
    </message>
    <message>
        <source>remote</source>
        <translation>remote</translation>
    </message>
    <message>
        <source>Connected to %1 builderd at %2</source>
        <translation>Connected to %1 builderd at %2</translation>
    </message>
    <message>
        <source>Offline: %1 is unreachable</source>
        <translation>Offline: %1 is unreachable</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Repositories&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+2, Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New feature&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Executions&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Admin (admins)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Settings&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Activity log&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+PgDown / Alt+PgUp&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous file (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Down / Alt+Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous hunk (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8 / Shift+F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous finding (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Double-click a line&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Comment on it (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Repositories&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+2, Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New feature&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Executions&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Admin (admins)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Settings&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Activity log&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+PgDown / Alt+PgUp&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous file (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Down / Alt+Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous hunk (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8 / Shift+F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous finding (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Double-click a line&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Comment on it (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>builder::views::NewFeaturePanel</name>
    <message>
        <source>&lt;h2&gt;New feature&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;New feature&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Feature title</source>
        <translation>Feature title</translation>
    </message>
    <message>
        <source>Add login with JWT</source>
        <translation>Add login with JWT</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <source>Target branch</source>
        <translation>Target branch</translation>
    </message>
    <message>
        <source>repository default</source>
        <translation>repository default</translation>
    </message>
    <message>
        <source>Feature branch</source>
        <translation>Feature branch</translation>
    </message>
    <message>
        <source>generated from the title</source>
        <translation>generated from the title</translation>
    </message>
    <message>
        <source>Feature branch:</source>
        <translation>Feature branch:</translation>
    </message>
    <message>
        <source>Target branch:</source>
        <translation>Target branch:</translation>
    </message>
    <message>
        <source>Description (Markdown)</source>
        <translation>Description (Markdown)</translation>
    </message>
    <message>
        <source>Describe the feature in Markdown</source>
        <translation>Describe the feature in Markdown</translation>
    </message>
    <message>
        <source>Description preview</source>
        <translation>Description preview</translation>
    </message>
    <message>
        <source>&amp;Description (Markdown, live preview on the right):</source>
        <translation>&amp;Description (Markdown, live preview on the right):</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>&amp;Submit feature</source>
        <translation>&amp;Submit feature</translation>
    </message>
    <message>
        <source>Submit feature</source>
        <translation>Submit feature</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Draft saved at %1</translation>
    </message>
    <message>
        <source>Draft restored</source>
        <translation>Draft restored</translation>
    </message>
</context>
<context>
    <name>builder::views::OfflineBanner</name>
    <message>
        <source>Offline: builderd at %1 cannot be reached. You are looking at cached executions, events and diffs; changes are not possible until it is back.</source>
        <translation>Offline: builderd at %1 cannot be reached. You are looking at cached executions, events and diffs; changes are not possible until it is back.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Try to reconnect now</source>
        <translation>Try to reconnect now</translation>
    </message>
    <message>
        <source>Offline banner</source>
        <translation>Offline banner</translation>
    </message>
</context>
<context>
    <name>builder::views::RepositoriesPanel</name>
    <message>
        <source>&lt;h2&gt;Repositories&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Repositories&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search repositories (Ctrl+F)</source>
        <translation>Search repositories (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search repositories</source>
        <translation>Search repositories</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Register…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>C&amp;redentials…</source>
        <translation>C&amp;redentials…</translation>
    </message>
    <message>
        <source>&amp;Validate access</source>
        <translation>&amp;Validate access</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Registered repositories</source>
        <translation>Registered repositories</translation>
    </message>
    <message>
        <source>Loading repositories…</source>
        <translation>Loading repositories…</translation>
    </message>
    <message numerus="yes">
        <source>%n repositories</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Checking access to %1…</source>
        <translation>Checking access to %1…</translation>
    </message>
    <message>
        <source>No access to %1: %2</source>
        <translation>No access to %1: %2</translation>
    </message>
    <message>
        <source>write</source>
        <translation>write</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>read</source>
        <translation>read</translation>
    </message>
    <message>
        <source>Access to %1 works: %2</source>
        <translation>Access to %1 works: %2</translation>
    </message>
    <message>
        <source>Delete repository</source>
        <translation>Delete repository</translation>
    </message>
    <message>
        <source>Delete %1? Its credentials are erased; finished executions stay readable.</source>
        <translation>Delete %1? Its credentials are erased; finished executions stay readable.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>Deleted %1</translation>
    </message>
</context>
<context>
    <name>builder::views::RepositoryDialog</name>
    <message>
        <source>Register repository</source>
        <translation>Register repository</translation>
    </message>
    <message>
        <source>Edit repository</source>
        <translation>Edit repository</translation>
    </message>
    <message>
        <source>Update credentials</source>
        <translation>Update credentials</translation>
    </message>
    <message>
        <source>Repository name</source>
        <translation>Repository name</translation>
    </message>
    <message>
        <source>my-service</source>
        <translation>my-service</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Repository URL</source>
        <translation>Repository URL</translation>
    </message>
    <message>
        <source>https://git.example.com/team/repo.git or /path/to/repo.git</source>
        <translation>https://git.example.com/team/repo.git or /path/to/repo.git</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Default branch</source>
        <translation>Default branch</translation>
    </message>
    <message>
        <source>detected from the remote when empty</source>
        <translation>detected from the remote when empty</translation>
    </message>
    <message>
        <source>Default &amp;branch:</source>
        <translation>Default &amp;branch:</translation>
    </message>
    <message>
        <source>&amp;Credentials:</source>
        <translation>&amp;Credentials:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>builder::views::ReviewDecisionBar</name>
    <message>
        <source>Review comment or reason</source>
        <translation>Review comment or reason</translation>
    </message>
    <message>
        <source>Review comment (approve), summary (request changes) or reason (reject)</source>
        <translation>Review comment (approve), summary (request changes) or reason (reject)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Request &amp;changes</source>
        <translation>Request &amp;changes</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;ject</translation>
    </message>
    <message>
        <source>Request changes needs a comment on a line (double-click it) or a summary.</source>
        <translation>Request changes needs a comment on a line (double-click it) or a summary.</translation>
    </message>
    <message>
        <source>Reject needs a reason: write it in the review field.</source>
        <translation>Reject needs a reason: write it in the review field.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Reject this execution? It fails with your reason.</source>
        <translation>Reject this execution? It fails with your reason.</translation>
    </message>
</context>
<context>
    <name>builder::views::SandboxOutputView</name>
    <message>
        <source>Sandbox output</source>
        <translation>Sandbox output</translation>
    </message>
</context>
<context>
    <name>builder::views::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Notify when a feature completes, fails or awaits review</source>
        <translation>Notify when a feature completes, fails or awaits review</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Local builderd (found or started automatically)</source>
        <translation>&amp;Local builderd (found or started automatically)</translation>
    </message>
    <message>
        <source>Keep the local builderd running after quitting</source>
        <translation>Keep the local builderd running after quitting</translation>
    </message>
    <message>
        <source>&amp;Remote builderd</source>
        <translation>&amp;Remote builderd</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>builder.example.com:7700</source>
        <translation>builder.example.com:7700</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>Use TLS</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <source>system roots when empty</source>
        <translation>system roots when empty</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>unchanged (kept in the system keychain)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA &amp;file:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Live event transport</source>
        <translation>Live event transport</translation>
    </message>
    <message>
        <source>Automatic (gRPC, WebSocket when gRPC streaming fails)</source>
        <translation>Automatic (gRPC, WebSocket when gRPC streaming fails)</translation>
    </message>
    <message>
        <source>gRPC stream</source>
        <translation>gRPC stream</translation>
    </message>
    <message>
        <source>WebSocket feed</source>
        <translation>WebSocket feed</translation>
    </message>
    <message>
        <source>Live &amp;events:</source>
        <translation>Live &amp;events:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>No token stored for this server.</source>
        <translation>No token stored for this server.</translation>
    </message>
    <message>
        <source>A token is stored in the keychain.</source>
        <translation>A token is stored in the keychain.</translation>
    </message>
    <message>
        <source>Enter the server address (HOST:PORT).</source>
        <translation>Enter the server address (HOST:PORT).</translation>
    </message>
</context>
<context>
    <name>builder::views::TokensTab</name>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API tokens</translation>
    </message>
    <message>
        <source>Show revoked</source>
        <translation>Show revoked</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Re&amp;voke</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>New token</translation>
    </message>
    <message>
        <source>engineer</source>
        <translation>engineer</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>reviewer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Lifetime in days</source>
        <translation>Lifetime in days</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>&amp;Create token</source>
        <translation>&amp;Create token</translation>
    </message>
    <message>
        <source>New token, shown once</source>
        <translation>New token, shown once</translation>
    </message>
    <message>
        <source>The new token appears here once; copy it now</source>
        <translation>The new token appears here once; copy it now</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Lifetime:</source>
        <translation>Lifetime:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Token for %1 created; it is shown only now.</source>
        <translation>Token for %1 created; it is shown only now.</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Revoke token</translation>
    </message>
    <message>
        <source>Revoke the token of %1? It stops working at once.</source>
        <translation>Revoke the token of %1? It stops working at once.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
</context>
<context>
    <name>builder::views::TrayNotifier</name>
    <message>
        <source>Builder Studio</source>
        <translation>Builder Studio</translation>
    </message>
    <message>
        <source>Feature completed: %1</source>
        <translation>Feature completed: %1</translation>
    </message>
    <message>
        <source>Feature failed: %1</source>
        <translation>Feature failed: %1</translation>
    </message>
    <message>
        <source>Feature awaits review: %1</source>
        <translation>Feature awaits review: %1</translation>
    </message>
</context>
</TS>
