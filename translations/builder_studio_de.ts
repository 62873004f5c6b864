<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>AdminColumns</name>
    <message>
        <source>engineer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>%1 answered UNIMPLEMENTED: this server does not offer it yet.%2</source>
        <translation>%1 antwortete UNIMPLEMENTED: dieser Server bietet das noch nicht an.%2</translation>
    </message>
    <message>
        <source>%1 failed: the server cannot be reached (UNAVAILABLE). %2</source>
        <translation>%1 fehlgeschlagen: der Server ist nicht erreichbar (UNAVAILABLE). %2</translation>
    </message>
    <message>
        <source>%1 answered PERMISSION_DENIED: your role may not do this. %2</source>
        <translation>%1 antwortete PERMISSION_DENIED: Ihre Rolle darf das nicht. %2</translation>
    </message>
    <message>
        <source>%1 answered UNAUTHENTICATED: the token was not accepted. %2</source>
        <translation>%1 antwortete UNAUTHENTICATED: das Token wurde nicht angenommen. %2</translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <translation>%1 antwortete %2: %3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
</context>
<context>
    <name>StateText</name>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Analyzing</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planung</translation>
    </message>
    <message>
        <source>Executing</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>Wartet auf Review</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Create file</source>
        <translation>Datei anlegen</translation>
    </message>
    <message>
        <source>Modify file</source>
        <translation>Datei ändern</translation>
    </message>
    <message>
        <source>Delete file</source>
        <translation>Datei löschen</translation>
    </message>
    <message>
        <source>Rename file</source>
        <translation>Datei umbenennen</translation>
    </message>
    <message>
        <source>Add dependency</source>
        <translation>Abhängigkeit hinzufügen</translation>
    </message>
    <message>
        <source>Refactor</source>
        <translation>Umbau</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
</context>
<context>
    <name>StudioOptions</name>
    <message>
        <source>Builder Studio: write feature specs, watch executions, review diffs.</source>
        <translation>Builder Studio: Feature-Spezifikationen schreiben, Ausführungen verfolgen, Diffs prüfen.</translation>
    </message>
    <message>
        <source>Use the local builderd, starting it if needed (default).</source>
        <translation>Den lokalen builderd verwenden und bei Bedarf starten (Standard).</translation>
    </message>
    <message>
        <source>Remote builderd gRPC address.</source>
        <translation>gRPC-Adresse des entfernten builderd.</translation>
    </message>
    <message>
        <source>File holding the bearer token (remote).</source>
        <translation>Datei mit dem Bearer-Token (entfernt).</translation>
    </message>
    <message>
        <source>Use TLS for the remote server.</source>
        <translation>TLS für den entfernten Server verwenden.</translation>
    </message>
    <message>
        <source>PEM roots to verify the server (implies --tls).</source>
        <translation>PEM-Wurzelzertifikate zur Prüfung des Servers (impliziert --tls).</translation>
    </message>
    <message>
        <source>The local builderd&apos;s data directory.</source>
        <translation>Das Datenverzeichnis des lokalen builderd.</translation>
    </message>
    <message>
        <source>Do not start a local builderd when none answers.</source>
        <translation>Keinen lokalen builderd starten, wenn keiner antwortet.</translation>
    </message>
    <message>
        <source>Interface language: en, de, fr.</source>
        <translation>Sprache der Oberfläche: en, de, fr.</translation>
    </message>
</context>
<context>
    <name>builder::client::ArtifactDownloader</name>
    <message>
        <source>The artifact has no download URL</source>
        <translation>Das Artefakt hat keine Download-URL</translation>
    </message>
</context>
<context>
    <name>builder::client::LocalBackend</name>
    <message>
        <source>builderd did not start within %1 s; see %2</source>
        <translation>builderd ist nicht innerhalb von %1 s gestartet; siehe %2</translation>
    </message>
    <message>
        <source>Looking for a local builderd in %1</source>
        <translation>Suche einen lokalen builderd in %1</translation>
    </message>
    <message>
        <source>builderd at %1 is running, but its admin token %2 cannot be read</source>
        <translation>builderd unter %1 läuft, aber sein Admin-Token %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>builderd exited during start-up:
%1</source>
        <translation>builderd hat sich beim Start beendet:
%1</translation>
    </message>
    <message>
        <source>No local builderd answers (data directory %1)</source>
        <translation>Kein lokaler builderd antwortet (Datenverzeichnis %1)</translation>
    </message>
    <message>
        <source>No local builderd answers and the builderd program was found neither next to the Studio nor on PATH</source>
        <translation>Kein lokaler builderd antwortet, und das Programm builderd wurde weder neben dem Studio noch im PATH gefunden</translation>
    </message>
    <message>
        <source>Starting builderd (%1)</source>
        <translation>Starte builderd (%1)</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>builder::client::TokenVault</name>
    <message>
        <source>No system keychain is available (%1). The token is used for this session only and is not saved; start a keychain service (GNOME Keyring or KWallet) to keep it, or start the Studio with --token-file.</source>
        <translation>Kein System-Schlüsselbund verfügbar (%1). Das Token gilt nur für diese Sitzung und wird nicht gespeichert; starten Sie einen Schlüsselbunddienst (GNOME Keyring oder KWallet), um es zu behalten, oder starten Sie das Studio mit --token-file.</translation>
    </message>
</context>
<context>
    <name>builder::diff::DiffPane</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Behebung: %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(not sent yet)</source>
        <translation>(noch nicht gesendet)</translation>
    </message>
</context>
<context>
    <name>builder::diff::SideBySideDiffView</name>
    <message>
        <source>Old version</source>
        <translation>Alte Fassung</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Neue Fassung</translation>
    </message>
</context>
<context>
    <name>builder::diff::UnifiedDiffView</name>
    <message>
        <source>Unified diff</source>
        <translation>Einheitlicher Diff</translation>
    </message>
</context>
<context>
    <name>builder::models::DiffFileTreeModel</name>
    <message>
        <source>%1 (renamed from %2)</source>
        <translation>%1 (umbenannt von %2)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
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
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>builder::models::ExecutionListModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>builder::models::LlmUsageModel</name>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens ein</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens aus</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>builder::models::PlanStepModel</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
</context>
<context>
    <name>builder::models::RepositoryListModel</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>SSH-Schlüssel</translation>
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
        <translation>Benutzer und Passwort</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
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
        <translation>Standard-Branch</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
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
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
</context>
<context>
    <name>builder::studio::StudioLauncher</name>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>No remote server is configured; open Settings.</source>
        <translation>Kein entfernter Server eingerichtet; öffnen Sie die Einstellungen.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read a token from %1%2</source>
        <translation>Aus %1 kann kein Token gelesen werden%2</translation>
    </message>
    <message>
        <source>Reading the token for %1 from the keychain…</source>
        <translation>Lese das Token für %1 aus dem Schlüsselbund…</translation>
    </message>
    <message>
        <source>No token is stored for %1; enter one in Settings.</source>
        <translation>Für %1 ist kein Token gespeichert; geben Sie eines in den Einstellungen ein.</translation>
    </message>
</context>
<context>
    <name>builder::views::AdminPanel</name>
    <message>
        <source>&lt;h2&gt;Administration&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Verwaltung&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Notschalter</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Unzustellbare Aufträge</translation>
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
        <translation>Build-Protokoll</translation>
    </message>
    <message>
        <source>Test report</source>
        <translation>Testbericht</translation>
    </message>
    <message>
        <source>Coverage report</source>
        <translation>Abdeckungsbericht</translation>
    </message>
    <message>
        <source>Analysis report</source>
        <translation>Analysebericht</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Herunterladen</translation>
    </message>
    <message>
        <source>Download and &amp;open</source>
        <translation>Herunterladen und ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Download of %1 failed: %2</source>
        <translation>Download von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>No artifacts yet</source>
        <translation>Noch keine Artefakte</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Lade %1 herunter…</translation>
    </message>
</context>
<context>
    <name>builder::views::AuditTab</name>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Filter by actor</source>
        <translation>Nach Akteur filtern</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Nach Aktion filtern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>hash chain intact up to %1</source>
        <translation>Hash-Kette intakt bis %1</translation>
    </message>
    <message>
        <source>hash chain BROKEN at entry %1: %2</source>
        <translation>Hash-Kette UNTERBROCHEN bei Eintrag %1: %2</translation>
    </message>
</context>
<context>
    <name>builder::views::CommentEditor</name>
    <message>
        <source>Comment on %1:%2</source>
        <translation>Kommentar zu %1:%2</translation>
    </message>
    <message>
        <source>Comment on line %1 of the old version of %2</source>
        <translation>Kommentar zu Zeile %1 der alten Fassung von %2</translation>
    </message>
    <message>
        <source>Comment on line %1 of %2</source>
        <translation>Kommentar zu Zeile %1 von %2</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
</context>
<context>
    <name>builder::views::ConstraintsForm</name>
    <message>
        <source>Maximum steps</source>
        <translation>Höchstzahl an Schritten</translation>
    </message>
    <message>
        <source>Server default (20)</source>
        <translation>Server-Standard (20)</translation>
    </message>
    <message>
        <source>Max &amp;steps:</source>
        <translation>Max. &amp;Schritte:</translation>
    </message>
    <message>
        <source>Timeout in minutes</source>
        <translation>Zeitlimit in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Server default (60 min)</source>
        <translation>Server-Standard (60 min)</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Allowed paths, one per line</source>
        <translation>Erlaubte Pfade, einer pro Zeile</translation>
    </message>
    <message>
        <source>src/**
tests/**</source>
        <translation>src/**
tests/**</translation>
    </message>
    <message>
        <source>&amp;Allowed paths:</source>
        <translation>&amp;Erlaubte Pfade:</translation>
    </message>
    <message>
        <source>Forbidden paths, one per line</source>
        <translation>Verbotene Pfade, einer pro Zeile</translation>
    </message>
    <message>
        <source>secrets/**</source>
        <translation>secrets/**</translation>
    </message>
    <message>
        <source>&amp;Forbidden paths:</source>
        <translation>&amp;Verbotene Pfade:</translation>
    </message>
    <message>
        <source>Require &amp;tests</source>
        <translation>&amp;Tests verlangen</translation>
    </message>
    <message>
        <source>Require a successful &amp;build</source>
        <translation>Erfolgreichen &amp;Build verlangen</translation>
    </message>
</context>
<context>
    <name>builder::views::CredentialForm</name>
    <message>
        <source>Credential type</source>
        <translation>Art der Zugangsdaten</translation>
    </message>
    <message>
        <source>None (public or local repository)</source>
        <translation>Keine (öffentliches oder lokales Repository)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>User and password</source>
        <translation>Benutzer und Passwort</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>Privater SSH-Schlüssel</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>OAuth-Token</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>-----BEGIN OPENSSH PRIVATE KEY-----</source>
        <translation>-----BEGIN OPENSSH PRIVATE KEY-----</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Privater Schlüssel:</translation>
    </message>
    <message>
        <source>OAuth refresh token</source>
        <translation>OAuth-Refresh-Token</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Refresh-Token:</translation>
    </message>
</context>
<context>
    <name>builder::views::DeadLetterTab</name>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>Warteschlange unzustellbarer Aufträge</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Requeue</source>
        <translation>Erneut ein&amp;reihen</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letters</source>
        <translation>
            <numerusform>%n unzustellbarer Auftrag</numerusform>
            <numerusform>%n unzustellbare Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Requeued as job %1</source>
        <translation>Als Auftrag %1 erneut eingereiht</translation>
    </message>
</context>
<context>
    <name>builder::views::DiffReviewPanel</name>
    <message>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>&amp;Unified</source>
        <translation>&amp;Einheitlich</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Previous file (Alt+PgUp)</source>
        <translation>Vorige Datei (Alt+Bild auf)</translation>
    </message>
    <message>
        <source>Next file (Alt+PgDown)</source>
        <translation>Nächste Datei (Alt+Bild ab)</translation>
    </message>
    <message>
        <source>Hunk</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Previous hunk (Alt+Up)</source>
        <translation>Voriger Abschnitt (Alt+Hoch)</translation>
    </message>
    <message>
        <source>Next hunk (Alt+Down)</source>
        <translation>Nächster Abschnitt (Alt+Runter)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Previous finding (Shift+F8)</source>
        <translation>Voriger Befund (Umschalt+F8)</translation>
    </message>
    <message>
        <source>Next finding (F8)</source>
        <translation>Nächster Befund (F8)</translation>
    </message>
    <message>
        <source>Changed files</source>
        <translation>Geänderte Dateien</translation>
    </message>
    <message>
        <source>Loading the diff…</source>
        <translation>Lade den Diff…</translation>
    </message>
    <message numerus="yes">
        <source>%1..%2 — %n file(s)</source>
        <translation>
            <numerusform>%1..%2 — %n Datei</numerusform>
            <numerusform>%1..%2 — %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>, +%1 −%2</source>
        <translation>, +%1 −%2</translation>
    </message>
    <message numerus="yes">
        <source>, %n finding(s)</source>
        <translation>
            <numerusform>, %n Befund</numerusform>
            <numerusform>, %n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>, risk %1</source>
        <translation>, Risiko %1</translation>
    </message>
    <message>
        <source> (from the offline cache)</source>
        <translation> (aus dem Offline-Zwischenspeicher)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>Entscheidung gespeichert</translation>
    </message>
</context>
<context>
    <name>builder::views::ExecutionPanel</name>
    <message>
        <source>Executions</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Back to executions</source>
        <translation>Zurück zu den Ausführungen</translation>
    </message>
    <message>
        <source>Execution state</source>
        <translation>Status der Ausführung</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Cancel execution</source>
        <translation>Ausführung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry from step</source>
        <translation>&amp;Wiederholen ab Schritt</translation>
    </message>
    <message>
        <source>Retry from step</source>
        <translation>Wiederholen ab Schritt</translation>
    </message>
    <message>
        <source>Re&amp;view diff</source>
        <translation>Diff &amp;prüfen</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Ereignisverlauf</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Plan steps</source>
        <translation>Planschritte</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>LLM usage and cost</source>
        <translation>LLM-Nutzung und Kosten</translation>
    </message>
    <message>
        <source>LLM usage</source>
        <translation>LLM-Nutzung</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Loading %1…&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Lade %1…&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>● live (%1)</source>
        <translation>● live (%1)</translation>
    </message>
    <message>
        <source>reconnecting (%1)…</source>
        <translation>verbinde neu (%1)…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>not live</source>
        <translation>nicht live</translation>
    </message>
    <message>
        <source>LLM cost: $%1</source>
        <translation>LLM-Kosten: $%1</translation>
    </message>
    <message>
        <source>%1 of %2 steps — %p%</source>
        <translation>%1 von %2 Schritten — %p%</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Execution:</source>
        <translation>Ausführung:</translation>
    </message>
    <message>
        <source>Branches:</source>
        <translation>Branches:</translation>
    </message>
    <message>
        <source>Correlation:</source>
        <translation>Korrelation:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Geliefert:</translation>
    </message>
    <message>
        <source>Cancel execution</source>
        <translation>Ausführung abbrechen</translation>
    </message>
    <message>
        <source>Cancel this execution? Work in progress stops; you can retry later.</source>
        <translation>Diese Ausführung abbrechen? Laufende Arbeit stoppt; Sie können sie später wiederholen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>builder::views::ExecutionsPanel</name>
    <message>
        <source>&lt;h2&gt;Executions&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Ausführungen&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Filter by repository</source>
        <translation>Nach Repository filtern</translation>
    </message>
    <message>
        <source>Search titles and descriptions</source>
        <translation>Titel und Beschreibungen durchsuchen</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Erstellt ab</translation>
    </message>
    <message>
        <source>Created until</source>
        <translation>Erstellt bis</translation>
    </message>
    <message>
        <source>from</source>
        <translation>ab</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Feature executions</source>
        <translation>Feature-Ausführungen</translation>
    </message>
    <message>
        <source>All repositories</source>
        <translation>Alle Repositorys</translation>
    </message>
    <message>
        <source>Offline: showing cached executions</source>
        <translation>Offline: zwischengespeicherte Ausführungen</translation>
    </message>
    <message numerus="yes">
        <source>Offline: showing %n cached executions</source>
        <translation>
            <numerusform>Offline: %n zwischengespeicherte Ausführung</numerusform>
            <numerusform>Offline: %n zwischengespeicherte Ausführungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1 of %2 executions</source>
        <translation>%1 von %2 Ausführungen</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n executions</source>
        <translation>
            <numerusform>%n Ausführung</numerusform>
            <numerusform>%n Ausführungen</numerusform>
        </translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — lade…</translation>
    </message>
</context>
<context>
    <name>builder::views::KillSwitchTab</name>
    <message>
        <source>Global kill switch</source>
        <translation>Globaler Notschalter</translation>
    </message>
    <message>
        <source>State unknown</source>
        <translation>Status unbekannt</translation>
    </message>
    <message>
        <source>Global kill switch state</source>
        <translation>Status des globalen Notschalters</translation>
    </message>
    <message>
        <source>Engage</source>
        <translation>Auslösen</translation>
    </message>
    <message>
        <source>Per repository</source>
        <translation>Pro Repository</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Engage for repository</source>
        <translation>Für Repository auslösen</translation>
    </message>
    <message>
        <source>Release for repository</source>
        <translation>Für Repository aufheben</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Grund der Änderung</translation>
    </message>
    <message>
        <source>Why (required, kept in the audit log)</source>
        <translation>Warum (Pflicht, steht im Prüfprotokoll)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Geändert von</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Repositories with a kill switch:</source>
        <translation>Repositorys mit Notschalter:</translation>
    </message>
    <message>
        <source>Repository kill switches</source>
        <translation>Notschalter der Repositorys</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>Kill switch history</source>
        <translation>Verlauf des Notschalters</translation>
    </message>
    <message>
        <source>ENGAGED by %1: %2</source>
        <translation>AUSGELÖST von %1: %2</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Aufheben</translation>
    </message>
    <message>
        <source>Released: executions run normally</source>
        <translation>Aufgehoben: Ausführungen laufen normal</translation>
    </message>
    <message>
        <source>A reason is required for the audit log.</source>
        <translation>Für das Prüfprotokoll ist ein Grund nötig.</translation>
    </message>
    <message>
        <source>Choose a repository.</source>
        <translation>Wählen Sie ein Repository.</translation>
    </message>
    <message>
        <source>all executions</source>
        <translation>alle Ausführungen</translation>
    </message>
    <message>
        <source>executions of %1</source>
        <translation>Ausführungen von %1</translation>
    </message>
    <message>
        <source>Engage the kill switch for %1? Running work stops.</source>
        <translation>Notschalter für %1 auslösen? Laufende Arbeit stoppt.</translation>
    </message>
    <message>
        <source>Release the kill switch for %1?</source>
        <translation>Notschalter für %1 aufheben?</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Notschalter</translation>
    </message>
</context>
<context>
    <name>builder::views::LocalizationPreviewPanel</name>
    <message>
        <source>Localization preview (files ranked before any code is written)</source>
        <translation>Lokalisierungsvorschau (Dateien nach Relevanz, bevor Code entsteht)</translation>
    </message>
    <message>
        <source>Checking whether the server offers it…</source>
        <translation>Prüfe, ob der Server sie anbietet…</translation>
    </message>
    <message>
        <source>Ranked files</source>
        <translation>Gereihte Dateien</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Localization preview: not offered by this server.</source>
        <translation>Lokalisierungsvorschau: von diesem Server nicht angeboten.</translation>
    </message>
    <message>
        <source>Preview files</source>
        <translation>Dateien vorschauen</translation>
    </message>
    <message>
        <source>Rank the repository&apos;s files against this description.</source>
        <translation>Die Dateien des Repositorys nach dieser Beschreibung reihen.</translation>
    </message>
    <message>
        <source>Choose a repository and describe the feature first.</source>
        <translation>Wählen Sie zuerst ein Repository und beschreiben Sie das Feature.</translation>
    </message>
    <message>
        <source>Ranking files…</source>
        <translation>Reihe Dateien…</translation>
    </message>
    <message>
        <source>%1 of %2 files match (commit %3, %4 ms)</source>
        <translation>%1 von %2 Dateien passen (Commit %3, %4 ms)</translation>
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
        <translation>Bildschirme</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Repositorys</translation>
    </message>
    <message>
        <source>New feature</source>
        <translation>Neues Feature</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Ausführungen</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>unbekannter Benutzer</translation>
    </message>
    <message>
        <source>&amp;Studio</source>
        <translation>&amp;Studio</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Repositories</source>
        <translation>&amp;Repositorys</translation>
    </message>
    <message>
        <source>&amp;New feature</source>
        <translation>&amp;Neues Feature</translation>
    </message>
    <message>
        <source>&amp;Executions</source>
        <translation>&amp;Ausführungen</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>&amp;Verwaltung</translation>
    </message>
    <message>
        <source>New feature (alternative)</source>
        <translation>Neues Feature (Alternative)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Builder Studio</source>
        <translation>Ü&amp;ber Builder Studio</translation>
    </message>
    <message>
        <source>About Builder Studio</source>
        <translation>Über Builder Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Builder Studio&lt;/b&gt;&lt;br&gt;Write feature specs, watch executions live, review diffs and run Builder.</source>
        <translation>&lt;b&gt;Builder Studio&lt;/b&gt;&lt;br&gt;Feature-Spezifikationen schreiben, Ausführungen live verfolgen, Diffs prüfen und Builder betreiben.</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokalen</translation>
    </message>
    <message>
        <source>remote</source>
        <translation>entfernten</translation>
    </message>
    <message>
        <source>Connected to %1 builderd at %2</source>
        <translation>Verbunden mit dem %1 builderd unter %2</translation>
    </message>
    <message>
        <source>Offline: %1 is unreachable</source>
        <translation>Offline: %1 ist nicht erreichbar</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Repositories&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+2, Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New feature&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Executions&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Admin (admins)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Settings&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Activity log&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+PgDown / Alt+PgUp&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous file (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Down / Alt+Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous hunk (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8 / Shift+F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous finding (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Double-click a line&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Comment on it (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Repositorys&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+2, Strg+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Neues Feature&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Ausführungen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Verwaltung (Administratoren)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Aktualisieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Einstellungen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Umschalt+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Aktivitätsprotokoll&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+PgDown / Alt+PgUp&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Nächste / vorige Datei (Diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Down / Alt+Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Nächster / voriger Abschnitt (Diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8 / Umschalt+F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Nächster / voriger Befund (Diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Doppelklick auf eine Zeile&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Kommentieren (Diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Beenden&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>builder::views::NewFeaturePanel</name>
    <message>
        <source>&lt;h2&gt;New feature&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Neues Feature&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Feature title</source>
        <translation>Titel des Features</translation>
    </message>
    <message>
        <source>Add login with JWT</source>
        <translation>Anmeldung mit JWT hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
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
        <translation>Ziel-Branch</translation>
    </message>
    <message>
        <source>repository default</source>
        <translation>Standard des Repositorys</translation>
    </message>
    <message>
        <source>Feature branch</source>
        <translation>Feature-Branch</translation>
    </message>
    <message>
        <source>generated from the title</source>
        <translation>aus dem Titel erzeugt</translation>
    </message>
    <message>
        <source>Feature branch:</source>
        <translation>Feature-Branch:</translation>
    </message>
    <message>
        <source>Target branch:</source>
        <translation>Ziel-Branch:</translation>
    </message>
    <message>
        <source>Description (Markdown)</source>
        <translation>Beschreibung (Markdown)</translation>
    </message>
    <message>
        <source>Describe the feature in Markdown</source>
        <translation>Beschreiben Sie das Feature in Markdown</translation>
    </message>
    <message>
        <source>Description preview</source>
        <translation>Vorschau der Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Description (Markdown, live preview on the right):</source>
        <translation>&amp;Beschreibung (Markdown, Live-Vorschau rechts):</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Vorgaben</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>&amp;Submit feature</source>
        <translation>Feature &amp;einreichen</translation>
    </message>
    <message>
        <source>Submit feature</source>
        <translation>Feature einreichen</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Entwurf um %1 gespeichert</translation>
    </message>
    <message>
        <source>Draft restored</source>
        <translation>Entwurf wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>builder::views::OfflineBanner</name>
    <message>
        <source>Offline: builderd at %1 cannot be reached. You are looking at cached executions, events and diffs; changes are not possible until it is back.</source>
        <translation>Offline: builderd unter %1 ist nicht erreichbar. Sie sehen zwischengespeicherte Ausführungen, Ereignisse und Diffs; Änderungen sind erst wieder möglich, wenn er zurück ist.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Try to reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Offline banner</source>
        <translation>Offline-Hinweis</translation>
    </message>
</context>
<context>
    <name>builder::views::RepositoriesPanel</name>
    <message>
        <source>&lt;h2&gt;Repositories&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Repositorys&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search repositories (Ctrl+F)</source>
        <translation>Repositorys durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search repositories</source>
        <translation>Repositorys durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Registrieren…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>C&amp;redentials…</source>
        <translation>&amp;Zugangsdaten…</translation>
    </message>
    <message>
        <source>&amp;Validate access</source>
        <translation>Zugriff &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Registered repositories</source>
        <translation>Registrierte Repositorys</translation>
    </message>
    <message>
        <source>Loading repositories…</source>
        <translation>Lade Repositorys…</translation>
    </message>
    <message numerus="yes">
        <source>%n repositories</source>
        <translation>
            <numerusform>%n Repository</numerusform>
            <numerusform>%n Repositorys</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Checking access to %1…</source>
        <translation>Prüfe Zugriff auf %1…</translation>
    </message>
    <message>
        <source>No access to %1: %2</source>
        <translation>Kein Zugriff auf %1: %2</translation>
    </message>
    <message>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>Access to %1 works: %2</source>
        <translation>Zugriff auf %1 funktioniert: %2</translation>
    </message>
    <message>
        <source>Delete repository</source>
        <translation>Repository löschen</translation>
    </message>
    <message>
        <source>Delete %1? Its credentials are erased; finished executions stay readable.</source>
        <translation>%1 löschen? Die Zugangsdaten werden gelöscht; abgeschlossene Ausführungen bleiben lesbar.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
</context>
<context>
    <name>builder::views::RepositoryDialog</name>
    <message>
        <source>Register repository</source>
        <translation>Repository registrieren</translation>
    </message>
    <message>
        <source>Edit repository</source>
        <translation>Repository bearbeiten</translation>
    </message>
    <message>
        <source>Update credentials</source>
        <translation>Zugangsdaten ersetzen</translation>
    </message>
    <message>
        <source>Repository name</source>
        <translation>Name des Repositorys</translation>
    </message>
    <message>
        <source>my-service</source>
        <translation>mein-dienst</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Repository URL</source>
        <translation>URL des Repositorys</translation>
    </message>
    <message>
        <source>https://git.example.com/team/repo.git or /path/to/repo.git</source>
        <translation>https://git.example.com/team/repo.git oder /pfad/zu/repo.git</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Default branch</source>
        <translation>Standard-Branch</translation>
    </message>
    <message>
        <source>detected from the remote when empty</source>
        <translation>wird vom Remote ermittelt, wenn leer</translation>
    </message>
    <message>
        <source>Default &amp;branch:</source>
        <translation>Standard-&amp;Branch:</translation>
    </message>
    <message>
        <source>&amp;Credentials:</source>
        <translation>&amp;Zugangsdaten:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>builder::views::ReviewDecisionBar</name>
    <message>
        <source>Review comment or reason</source>
        <translation>Review-Kommentar oder Grund</translation>
    </message>
    <message>
        <source>Review comment (approve), summary (request changes) or reason (reject)</source>
        <translation>Review-Kommentar (Freigeben), Zusammenfassung (Änderungen anfordern) oder Grund (Ablehnen)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Request &amp;changes</source>
        <translation>Ä&amp;nderungen anfordern</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>Request changes needs a comment on a line (double-click it) or a summary.</source>
        <translation>Änderungen anfordern braucht einen Kommentar an einer Zeile (Doppelklick darauf) oder eine Zusammenfassung.</translation>
    </message>
    <message>
        <source>Reject needs a reason: write it in the review field.</source>
        <translation>Ablehnen braucht einen Grund: schreiben Sie ihn in das Review-Feld.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Reject this execution? It fails with your reason.</source>
        <translation>Diese Ausführung ablehnen? Sie schlägt mit Ihrem Grund fehl.</translation>
    </message>
</context>
<context>
    <name>builder::views::SandboxOutputView</name>
    <message>
        <source>Sandbox output</source>
        <translation>Ausgabe der Sandbox</translation>
    </message>
</context>
<context>
    <name>builder::views::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Dem System folgen</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Notify when a feature completes, fails or awaits review</source>
        <translation>Benachrichtigen, wenn ein Feature fertig ist, fehlschlägt oder auf Review wartet</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Local builderd (found or started automatically)</source>
        <translation>&amp;Lokaler builderd (automatisch gefunden oder gestartet)</translation>
    </message>
    <message>
        <source>Keep the local builderd running after quitting</source>
        <translation>Lokalen builderd nach dem Beenden weiterlaufen lassen</translation>
    </message>
    <message>
        <source>&amp;Remote builderd</source>
        <translation>&amp;Entfernter builderd</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>builder.example.com:7700</source>
        <translation>builder.example.com:7700</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>TLS verwenden</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>system roots when empty</source>
        <translation>Systemzertifikate, wenn leer</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>unverändert (im System-Schlüsselbund)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Live event transport</source>
        <translation>Transport der Live-Ereignisse</translation>
    </message>
    <message>
        <source>Automatic (gRPC, WebSocket when gRPC streaming fails)</source>
        <translation>Automatisch (gRPC, WebSocket, wenn gRPC-Streaming scheitert)</translation>
    </message>
    <message>
        <source>gRPC stream</source>
        <translation>gRPC-Stream</translation>
    </message>
    <message>
        <source>WebSocket feed</source>
        <translation>WebSocket-Feed</translation>
    </message>
    <message>
        <source>Live &amp;events:</source>
        <translation>Live-&amp;Ereignisse:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>No token stored for this server.</source>
        <translation>Für diesen Server ist kein Token gespeichert.</translation>
    </message>
    <message>
        <source>A token is stored in the keychain.</source>
        <translation>Ein Token liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Enter the server address (HOST:PORT).</source>
        <translation>Geben Sie die Serveradresse ein (HOST:PORT).</translation>
    </message>
</context>
<context>
    <name>builder::views::TokensTab</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API-Tokens</translation>
    </message>
    <message>
        <source>Show revoked</source>
        <translation>Widerrufene zeigen</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>Neues Token</translation>
    </message>
    <message>
        <source>engineer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Lifetime in days</source>
        <translation>Gültigkeit in Tagen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Create token</source>
        <translation>Token &amp;erstellen</translation>
    </message>
    <message>
        <source>New token, shown once</source>
        <translation>Neues Token, nur einmal angezeigt</translation>
    </message>
    <message>
        <source>The new token appears here once; copy it now</source>
        <translation>Das neue Token erscheint hier einmal; kopieren Sie es jetzt</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Lifetime:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Token for %1 created; it is shown only now.</source>
        <translation>Token für %1 erstellt; es wird nur jetzt angezeigt.</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke the token of %1? It stops working at once.</source>
        <translation>Das Token von %1 widerrufen? Es funktioniert sofort nicht mehr.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
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
        <translation>Feature abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Feature failed: %1</source>
        <translation>Feature fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Feature awaits review: %1</source>
        <translation>Feature wartet auf Review: %1</translation>
    </message>
</context>
</TS>
