<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
<context>
    <name>AdminColumns</name>
    <message>
        <source>engineer</source>
        <translation>ingénieur</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>relecteur</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>%1 answered UNIMPLEMENTED: this server does not offer it yet.%2</source>
        <translation>%1 a répondu UNIMPLEMENTED : ce serveur ne le propose pas encore.%2</translation>
    </message>
    <message>
        <source>%1 failed: the server cannot be reached (UNAVAILABLE). %2</source>
        <translation>%1 a échoué : le serveur est injoignable (UNAVAILABLE). %2</translation>
    </message>
    <message>
        <source>%1 answered PERMISSION_DENIED: your role may not do this. %2</source>
        <translation>%1 a répondu PERMISSION_DENIED : votre rôle ne le permet pas. %2</translation>
    </message>
    <message>
        <source>%1 answered UNAUTHENTICATED: the token was not accepted. %2</source>
        <translation>%1 a répondu UNAUTHENTICATED : le jeton a été refusé. %2</translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <translation>%1 a répondu %2 : %3</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>any</source>
        <translation>toutes</translation>
    </message>
</context>
<context>
    <name>StateText</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Analyzing</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>Executing</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>En attente de relecture</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Create file</source>
        <translation>Créer un fichier</translation>
    </message>
    <message>
        <source>Modify file</source>
        <translation>Modifier un fichier</translation>
    </message>
    <message>
        <source>Delete file</source>
        <translation>Supprimer un fichier</translation>
    </message>
    <message>
        <source>Rename file</source>
        <translation>Renommer un fichier</translation>
    </message>
    <message>
        <source>Add dependency</source>
        <translation>Ajouter une dépendance</translation>
    </message>
    <message>
        <source>Refactor</source>
        <translation>Refactorisation</translation>
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
        <translation>Étape</translation>
    </message>
</context>
<context>
    <name>StudioOptions</name>
    <message>
        <source>Builder Studio: write feature specs, watch executions, review diffs.</source>
        <translation>Builder Studio : rédiger des spécifications, suivre les exécutions, relire les diffs.</translation>
    </message>
    <message>
        <source>Use the local builderd, starting it if needed (default).</source>
        <translation>Utiliser le builderd local, en le démarrant si besoin (par défaut).</translation>
    </message>
    <message>
        <source>Remote builderd gRPC address.</source>
        <translation>Adresse gRPC du builderd distant.</translation>
    </message>
    <message>
        <source>File holding the bearer token (remote).</source>
        <translation>Fichier contenant le jeton bearer (distant).</translation>
    </message>
    <message>
        <source>Use TLS for the remote server.</source>
        <translation>Utiliser TLS pour le serveur distant.</translation>
    </message>
    <message>
        <source>PEM roots to verify the server (implies --tls).</source>
        <translation>Racines PEM pour vérifier le serveur (implique --tls).</translation>
    </message>
    <message>
        <source>The local builderd&apos;s data directory.</source>
        <translation>Le répertoire de données du builderd local.</translation>
    </message>
    <message>
        <source>Do not start a local builderd when none answers.</source>
        <translation>Ne pas démarrer de builderd local quand aucun ne répond.</translation>
    </message>
    <message>
        <source>Interface language: en, de, fr.</source>
        <translation>Langue de l&apos;interface : en, de, fr.</translation>
    </message>
</context>
<context>
    <name>builder::client::ArtifactDownloader</name>
    <message>
        <source>The artifact has no download URL</source>
        <translation>L&apos;artefact n&apos;a pas d&apos;URL de téléchargement</translation>
    </message>
</context>
<context>
    <name>builder::client::LocalBackend</name>
    <message>
        <source>builderd did not start within %1 s; see %2</source>
        <translation>builderd n&apos;a pas démarré en %1 s ; voir %2</translation>
    </message>
    <message>
        <source>Looking for a local builderd in %1</source>
        <translation>Recherche d&apos;un builderd local dans %1</translation>
    </message>
    <message>
        <source>builderd at %1 is running, but its admin token %2 cannot be read</source>
        <translation>builderd tourne sur %1, mais son jeton d&apos;administration %2 est illisible</translation>
    </message>
    <message>
        <source>builderd exited during start-up:
%1</source>
        <translation>builderd s&apos;est arrêté au démarrage :
%1</translation>
    </message>
    <message>
        <source>No local builderd answers (data directory %1)</source>
        <translation>Aucun builderd local ne répond (répertoire de données %1)</translation>
    </message>
    <message>
        <source>No local builderd answers and the builderd program was found neither next to the Studio nor on PATH</source>
        <translation>Aucun builderd local ne répond et le programme builderd n&apos;a été trouvé ni à côté du Studio ni dans le PATH</translation>
    </message>
    <message>
        <source>Starting builderd (%1)</source>
        <translation>Démarrage de builderd (%1)</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>Impossible de démarrer %1 : %2</translation>
    </message>
</context>
<context>
    <name>builder::client::TokenVault</name>
    <message>
        <source>No system keychain is available (%1). The token is used for this session only and is not saved; start a keychain service (GNOME Keyring or KWallet) to keep it, or start the Studio with --token-file.</source>
        <translation>Aucun trousseau système n&apos;est disponible (%1). Le jeton ne sert que pour cette session et n&apos;est pas enregistré ; démarrez un service de trousseau (GNOME Keyring ou KWallet) pour le conserver, ou lancez le Studio avec --token-file.</translation>
    </message>
</context>
<context>
    <name>builder::diff::DiffPane</name>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Correction : %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>(not sent yet)</source>
        <translation>(pas encore envoyé)</translation>
    </message>
</context>
<context>
    <name>builder::diff::SideBySideDiffView</name>
    <message>
        <source>Old version</source>
        <translation>Ancienne version</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Nouvelle version</translation>
    </message>
</context>
<context>
    <name>builder::diff::UnifiedDiffView</name>
    <message>
        <source>Unified diff</source>
        <translation>Diff unifié</translation>
    </message>
</context>
<context>
    <name>builder::models::DiffFileTreeModel</name>
    <message>
        <source>%1 (renamed from %2)</source>
        <translation>%1 (renommé depuis %2)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutées</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Supprimées</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
</context>
<context>
    <name>builder::models::EventTimelineModel</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
</context>
<context>
    <name>builder::models::ExecutionListModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mise à jour</translation>
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
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Jetons entrants</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Jetons sortants</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
</context>
<context>
    <name>builder::models::PlanStepModel</name>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
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
        <translation>Fichiers</translation>
    </message>
</context>
<context>
    <name>builder::models::RepositoryListModel</name>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>Clé SSH</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>OAuth</source>
        <translation>OAuth</translation>
    </message>
    <message>
        <source>User and password</source>
        <translation>Utilisateur et mot de passe</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Default branch</source>
        <translation>Branche par défaut</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
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
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>builder::studio::StudioLauncher</name>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>No remote server is configured; open Settings.</source>
        <translation>Aucun serveur distant n&apos;est configuré ; ouvrez les paramètres.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Impossible de lire le fichier CA %1 : %2</translation>
    </message>
    <message>
        <source>Cannot read a token from %1%2</source>
        <translation>Impossible de lire un jeton depuis %1%2</translation>
    </message>
    <message>
        <source>Reading the token for %1 from the keychain…</source>
        <translation>Lecture du jeton de %1 dans le trousseau…</translation>
    </message>
    <message>
        <source>No token is stored for %1; enter one in Settings.</source>
        <translation>Aucun jeton n&apos;est enregistré pour %1 ; saisissez-en un dans les paramètres.</translation>
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
        <translation>Arrêt d&apos;urgence</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Lettres mortes</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
</context>
<context>
    <name>builder::views::ArtifactsTab</name>
    <message>
        <source>Patch</source>
        <translation>Correctif</translation>
    </message>
    <message>
        <source>Build log</source>
        <translation>Journal de compilation</translation>
    </message>
    <message>
        <source>Test report</source>
        <translation>Rapport de tests</translation>
    </message>
    <message>
        <source>Coverage report</source>
        <translation>Rapport de couverture</translation>
    </message>
    <message>
        <source>Analysis report</source>
        <translation>Rapport d&apos;analyse</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefacts</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Télécharger</translation>
    </message>
    <message>
        <source>Download and &amp;open</source>
        <translation>Télécharger et &amp;ouvrir</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Download of %1 failed: %2</source>
        <translation>Échec du téléchargement de %1 : %2</translation>
    </message>
    <message>
        <source>No artifacts yet</source>
        <translation>Pas encore d&apos;artefacts</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Téléchargement de %1…</translation>
    </message>
</context>
<context>
    <name>builder::views::AuditTab</name>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Filter by actor</source>
        <translation>Filtrer par acteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Filtrer par action</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>hash chain intact up to %1</source>
        <translation>chaîne de hachage intacte jusqu’à %1</translation>
    </message>
    <message>
        <source>hash chain BROKEN at entry %1: %2</source>
        <translation>chaîne de hachage ROMPUE à l’entrée %1 : %2</translation>
    </message>
</context>
<context>
    <name>builder::views::CommentEditor</name>
    <message>
        <source>Comment on %1:%2</source>
        <translation>Commentaire sur %1:%2</translation>
    </message>
    <message>
        <source>Comment on line %1 of the old version of %2</source>
        <translation>Commentaire sur la ligne %1 de l&apos;ancienne version de %2</translation>
    </message>
    <message>
        <source>Comment on line %1 of %2</source>
        <translation>Commentaire sur la ligne %1 de %2</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Ajouter le commentaire</translation>
    </message>
</context>
<context>
    <name>builder::views::ConstraintsForm</name>
    <message>
        <source>Maximum steps</source>
        <translation>Nombre maximal d&apos;étapes</translation>
    </message>
    <message>
        <source>Server default (20)</source>
        <translation>Valeur du serveur (20)</translation>
    </message>
    <message>
        <source>Max &amp;steps:</source>
        <translation>&amp;Étapes max. :</translation>
    </message>
    <message>
        <source>Timeout in minutes</source>
        <translation>Délai en minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Server default (60 min)</source>
        <translation>Valeur du serveur (60 min)</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Délai :</translation>
    </message>
    <message>
        <source>Allowed paths, one per line</source>
        <translation>Chemins autorisés, un par ligne</translation>
    </message>
    <message>
        <source>src/**
tests/**</source>
        <translation>src/**
tests/**</translation>
    </message>
    <message>
        <source>&amp;Allowed paths:</source>
        <translation>Chemins &amp;autorisés :</translation>
    </message>
    <message>
        <source>Forbidden paths, one per line</source>
        <translation>Chemins interdits, un par ligne</translation>
    </message>
    <message>
        <source>secrets/**</source>
        <translation>secrets/**</translation>
    </message>
    <message>
        <source>&amp;Forbidden paths:</source>
        <translation>Chemins &amp;interdits :</translation>
    </message>
    <message>
        <source>Require &amp;tests</source>
        <translation>Exiger des &amp;tests</translation>
    </message>
    <message>
        <source>Require a successful &amp;build</source>
        <translation>Exiger une &amp;compilation réussie</translation>
    </message>
</context>
<context>
    <name>builder::views::CredentialForm</name>
    <message>
        <source>Credential type</source>
        <translation>Type d&apos;identifiants</translation>
    </message>
    <message>
        <source>None (public or local repository)</source>
        <translation>Aucun (dépôt public ou local)</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Jeton d&apos;accès</translation>
    </message>
    <message>
        <source>User and password</source>
        <translation>Utilisateur et mot de passe</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>Clé privée SSH</translation>
    </message>
    <message>
        <source>OAuth token</source>
        <translation>Jeton OAuth</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Jeton :</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>-----BEGIN OPENSSH PRIVATE KEY-----</source>
        <translation>-----BEGIN OPENSSH PRIVATE KEY-----</translation>
    </message>
    <message>
        <source>Private key:</source>
        <translation>Clé privée :</translation>
    </message>
    <message>
        <source>OAuth refresh token</source>
        <translation>Jeton de renouvellement OAuth</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Jeton de renouvellement :</translation>
    </message>
</context>
<context>
    <name>builder::views::DeadLetterTab</name>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Dead-letter queue</source>
        <translation>File des lettres mortes</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>&amp;Requeue</source>
        <translation>&amp;Remettre en file</translation>
    </message>
    <message numerus="yes">
        <source>%n dead letters</source>
        <translation>
            <numerusform>%n lettre morte</numerusform>
            <numerusform>%n lettres mortes</numerusform>
        </translation>
    </message>
    <message>
        <source>Requeued as job %1</source>
        <translation>Remis en file comme tâche %1</translation>
    </message>
</context>
<context>
    <name>builder::views::DiffReviewPanel</name>
    <message>
        <source>Execution</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>&amp;Unified</source>
        <translation>&amp;Unifié</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>Côte à &amp;côte</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Previous file (Alt+PgUp)</source>
        <translation>Fichier précédent (Alt+Page préc.)</translation>
    </message>
    <message>
        <source>Next file (Alt+PgDown)</source>
        <translation>Fichier suivant (Alt+Page suiv.)</translation>
    </message>
    <message>
        <source>Hunk</source>
        <translation>Bloc</translation>
    </message>
    <message>
        <source>Previous hunk (Alt+Up)</source>
        <translation>Bloc précédent (Alt+Haut)</translation>
    </message>
    <message>
        <source>Next hunk (Alt+Down)</source>
        <translation>Bloc suivant (Alt+Bas)</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Previous finding (Shift+F8)</source>
        <translation>Constat précédent (Maj+F8)</translation>
    </message>
    <message>
        <source>Next finding (F8)</source>
        <translation>Constat suivant (F8)</translation>
    </message>
    <message>
        <source>Changed files</source>
        <translation>Fichiers modifiés</translation>
    </message>
    <message>
        <source>Loading the diff…</source>
        <translation>Chargement du diff…</translation>
    </message>
    <message numerus="yes">
        <source>%1..%2 — %n file(s)</source>
        <translation>
            <numerusform>%1..%2 — %n fichier</numerusform>
            <numerusform>%1..%2 — %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>, +%1 −%2</source>
        <translation>, +%1 −%2</translation>
    </message>
    <message numerus="yes">
        <source>, %n finding(s)</source>
        <translation>
            <numerusform>, %n constat</numerusform>
            <numerusform>, %n constats</numerusform>
        </translation>
    </message>
    <message>
        <source>, risk %1</source>
        <translation>, risque %1</translation>
    </message>
    <message>
        <source> (from the offline cache)</source>
        <translation> (depuis le cache hors ligne)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 sur %3)</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>Décision enregistrée</translation>
    </message>
</context>
<context>
    <name>builder::views::ExecutionPanel</name>
    <message>
        <source>Executions</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Back to executions</source>
        <translation>Retour aux exécutions</translation>
    </message>
    <message>
        <source>Execution state</source>
        <translation>État de l&apos;exécution</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>&amp;Cancel execution</source>
        <translation>&amp;Annuler l&apos;exécution</translation>
    </message>
    <message>
        <source>&amp;Retry from step</source>
        <translation>&amp;Relancer depuis l&apos;étape</translation>
    </message>
    <message>
        <source>Retry from step</source>
        <translation>Relancer depuis l&apos;étape</translation>
    </message>
    <message>
        <source>Re&amp;view diff</source>
        <translation>Re&amp;lire le diff</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Chronologie des événements</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Plan steps</source>
        <translation>Étapes du plan</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>LLM usage and cost</source>
        <translation>Utilisation et coût des LLM</translation>
    </message>
    <message>
        <source>LLM usage</source>
        <translation>Utilisation LLM</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefacts</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Loading %1…&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Chargement de %1…&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>● live (%1)</source>
        <translation>● en direct (%1)</translation>
    </message>
    <message>
        <source>reconnecting (%1)…</source>
        <translation>reconnexion (%1)…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>not live</source>
        <translation>pas en direct</translation>
    </message>
    <message>
        <source>LLM cost: $%1</source>
        <translation>Coût LLM : %1 $</translation>
    </message>
    <message>
        <source>%1 of %2 steps — %p%</source>
        <translation>%1 étapes sur %2 — %p%</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Execution:</source>
        <translation>Exécution :</translation>
    </message>
    <message>
        <source>Branches:</source>
        <translation>Branches :</translation>
    </message>
    <message>
        <source>Correlation:</source>
        <translation>Corrélation :</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erreur :</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Livrée :</translation>
    </message>
    <message>
        <source>Cancel execution</source>
        <translation>Annuler l&apos;exécution</translation>
    </message>
    <message>
        <source>Cancel this execution? Work in progress stops; you can retry later.</source>
        <translation>Annuler cette exécution ? Le travail en cours s&apos;arrête ; vous pourrez relancer plus tard.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
</context>
<context>
    <name>builder::views::ExecutionsPanel</name>
    <message>
        <source>&lt;h2&gt;Executions&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Exécutions&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Filtrer par état</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Filter by repository</source>
        <translation>Filtrer par dépôt</translation>
    </message>
    <message>
        <source>Search titles and descriptions</source>
        <translation>Rechercher dans les titres et descriptions</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Créées depuis</translation>
    </message>
    <message>
        <source>Created until</source>
        <translation>Créées jusqu&apos;au</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>until</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Feature executions</source>
        <translation>Exécutions de fonctionnalités</translation>
    </message>
    <message>
        <source>All repositories</source>
        <translation>Tous les dépôts</translation>
    </message>
    <message>
        <source>Offline: showing cached executions</source>
        <translation>Hors ligne : exécutions en cache</translation>
    </message>
    <message numerus="yes">
        <source>Offline: showing %n cached executions</source>
        <translation>
            <numerusform>Hors ligne : %n exécution en cache</numerusform>
            <numerusform>Hors ligne : %n exécutions en cache</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1 of %2 executions</source>
        <translation>%1 exécutions affichées sur %2</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n executions</source>
        <translation>
            <numerusform>%n exécution affichée</numerusform>
            <numerusform>%n exécutions affichées</numerusform>
        </translation>
    </message>
    <message>
        <source> — loading…</source>
        <translation> — chargement…</translation>
    </message>
</context>
<context>
    <name>builder::views::KillSwitchTab</name>
    <message>
        <source>Global kill switch</source>
        <translation>Arrêt d&apos;urgence global</translation>
    </message>
    <message>
        <source>State unknown</source>
        <translation>État inconnu</translation>
    </message>
    <message>
        <source>Global kill switch state</source>
        <translation>État de l&apos;arrêt d&apos;urgence global</translation>
    </message>
    <message>
        <source>Engage</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Per repository</source>
        <translation>Par dépôt</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>Engage for repository</source>
        <translation>Activer pour le dépôt</translation>
    </message>
    <message>
        <source>Release for repository</source>
        <translation>Lever pour le dépôt</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Motif du changement</translation>
    </message>
    <message>
        <source>Why (required, kept in the audit log)</source>
        <translation>Pourquoi (obligatoire, conservé dans le journal d&apos;audit)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>Engaged</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>règle</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Repositories with a kill switch:</source>
        <translation>Dépôts avec un arrêt d&apos;urgence :</translation>
    </message>
    <message>
        <source>Repository kill switches</source>
        <translation>Arrêts d&apos;urgence des dépôts</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Historique :</translation>
    </message>
    <message>
        <source>Kill switch history</source>
        <translation>Historique de l&apos;arrêt d&apos;urgence</translation>
    </message>
    <message>
        <source>ENGAGED by %1: %2</source>
        <translation>ACTIVÉ par %1 : %2</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Lever</translation>
    </message>
    <message>
        <source>Released: executions run normally</source>
        <translation>Levé : les exécutions se déroulent normalement</translation>
    </message>
    <message>
        <source>A reason is required for the audit log.</source>
        <translation>Un motif est requis pour le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Choose a repository.</source>
        <translation>Choisissez un dépôt.</translation>
    </message>
    <message>
        <source>all executions</source>
        <translation>toutes les exécutions</translation>
    </message>
    <message>
        <source>executions of %1</source>
        <translation>les exécutions de %1</translation>
    </message>
    <message>
        <source>Engage the kill switch for %1? Running work stops.</source>
        <translation>Activer l&apos;arrêt d&apos;urgence pour %1 ? Le travail en cours s&apos;arrête.</translation>
    </message>
    <message>
        <source>Release the kill switch for %1?</source>
        <translation>Lever l&apos;arrêt d&apos;urgence pour %1 ?</translation>
    </message>
    <message>
        <source>Kill switch</source>
        <translation>Arrêt d&apos;urgence</translation>
    </message>
</context>
<context>
    <name>builder::views::LocalizationPreviewPanel</name>
    <message>
        <source>Localization preview (files ranked before any code is written)</source>
        <translation>Aperçu de localisation (fichiers classés avant toute écriture de code)</translation>
    </message>
    <message>
        <source>Checking whether the server offers it…</source>
        <translation>Vérification de sa disponibilité sur le serveur…</translation>
    </message>
    <message>
        <source>Ranked files</source>
        <translation>Fichiers classés</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Localization preview: not offered by this server.</source>
        <translation>Aperçu de localisation : non proposé par ce serveur.</translation>
    </message>
    <message>
        <source>Preview files</source>
        <translation>Aperçu des fichiers</translation>
    </message>
    <message>
        <source>Rank the repository&apos;s files against this description.</source>
        <translation>Classer les fichiers du dépôt selon cette description.</translation>
    </message>
    <message>
        <source>Choose a repository and describe the feature first.</source>
        <translation>Choisissez d&apos;abord un dépôt et décrivez la fonctionnalité.</translation>
    </message>
    <message>
        <source>Ranking files…</source>
        <translation>Classement des fichiers…</translation>
    </message>
    <message>
        <source>%1 of %2 files match (commit %3, %4 ms)</source>
        <translation>%1 fichiers sur %2 correspondent (commit %3, %4 ms)</translation>
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
        <translation>Écrans</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Dépôts</translation>
    </message>
    <message>
        <source>New feature</source>
        <translation>Nouvelle fonctionnalité</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Journal d&apos;activité</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown user</source>
        <translation>utilisateur inconnu</translation>
    </message>
    <message>
        <source>&amp;Studio</source>
        <translation>&amp;Studio</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Repositories</source>
        <translation>&amp;Dépôts</translation>
    </message>
    <message>
        <source>&amp;New feature</source>
        <translation>&amp;Nouvelle fonctionnalité</translation>
    </message>
    <message>
        <source>&amp;Executions</source>
        <translation>&amp;Exécutions</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>Ad&amp;ministration</translation>
    </message>
    <message>
        <source>New feature (alternative)</source>
        <translation>Nouvelle fonctionnalité (autre raccourci)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Builder Studio</source>
        <translation>À &amp;propos de Builder Studio</translation>
    </message>
    <message>
        <source>About Builder Studio</source>
        <translation>À propos de Builder Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Builder Studio&lt;/b&gt;&lt;br&gt;Write feature specs, watch executions live, review diffs and run Builder.</source>
        <translation>&lt;b&gt;Builder Studio&lt;/b&gt;&lt;br&gt;Rédigez des spécifications, suivez les exécutions en direct, relisez les diffs et pilotez Builder.</translation>
    </message>
    <message>
        <source>local</source>
        <translation>local</translation>
    </message>
    <message>
        <source>remote</source>
        <translation>distant</translation>
    </message>
    <message>
        <source>Connected to %1 builderd at %2</source>
        <translation>Connecté au builderd %1 sur %2</translation>
    </message>
    <message>
        <source>Offline: %1 is unreachable</source>
        <translation>Hors ligne : %1 est injoignable</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Repositories&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+2, Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New feature&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Executions&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Admin (admins)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Settings&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Activity log&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+PgDown / Alt+PgUp&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous file (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Down / Alt+Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous hunk (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8 / Shift+F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next / previous finding (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Double-click a line&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Comment on it (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Dépôts&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+2, Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Nouvelle fonctionnalité&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Exécutions&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Administration (administrateurs)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Actualiser&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+,&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Paramètres&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Maj+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Journal d&apos;activité&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+PgDown / Alt+PgUp&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Fichier suivant / précédent (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Down / Alt+Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Bloc suivant / précédent (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F8 / Maj+F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Constat suivant / précédent (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Double-clic sur une ligne&lt;/b&gt;&lt;/td&gt;&lt;td&gt;La commenter (diff)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quitter&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>builder::views::NewFeaturePanel</name>
    <message>
        <source>&lt;h2&gt;New feature&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Nouvelle fonctionnalité&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Feature title</source>
        <translation>Titre de la fonctionnalité</translation>
    </message>
    <message>
        <source>Add login with JWT</source>
        <translation>Ajouter la connexion par JWT</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Dépôt :</translation>
    </message>
    <message>
        <source>Target branch</source>
        <translation>Branche cible</translation>
    </message>
    <message>
        <source>repository default</source>
        <translation>branche par défaut du dépôt</translation>
    </message>
    <message>
        <source>Feature branch</source>
        <translation>Branche de fonctionnalité</translation>
    </message>
    <message>
        <source>generated from the title</source>
        <translation>générée depuis le titre</translation>
    </message>
    <message>
        <source>Feature branch:</source>
        <translation>Branche de fonctionnalité :</translation>
    </message>
    <message>
        <source>Target branch:</source>
        <translation>Branche cible :</translation>
    </message>
    <message>
        <source>Description (Markdown)</source>
        <translation>Description (Markdown)</translation>
    </message>
    <message>
        <source>Describe the feature in Markdown</source>
        <translation>Décrivez la fonctionnalité en Markdown</translation>
    </message>
    <message>
        <source>Description preview</source>
        <translation>Aperçu de la description</translation>
    </message>
    <message>
        <source>&amp;Description (Markdown, live preview on the right):</source>
        <translation>&amp;Description (Markdown, aperçu en direct à droite) :</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>Contraintes</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Abandonner le brouillon</translation>
    </message>
    <message>
        <source>&amp;Submit feature</source>
        <translation>&amp;Soumettre la fonctionnalité</translation>
    </message>
    <message>
        <source>Submit feature</source>
        <translation>Soumettre la fonctionnalité</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Brouillon enregistré à %1</translation>
    </message>
    <message>
        <source>Draft restored</source>
        <translation>Brouillon restauré</translation>
    </message>
</context>
<context>
    <name>builder::views::OfflineBanner</name>
    <message>
        <source>Offline: builderd at %1 cannot be reached. You are looking at cached executions, events and diffs; changes are not possible until it is back.</source>
        <translation>Hors ligne : builderd sur %1 est injoignable. Vous consultez les exécutions, événements et diffs en cache ; aucune modification n&apos;est possible avant son retour.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Try to reconnect now</source>
        <translation>Se reconnecter maintenant</translation>
    </message>
    <message>
        <source>Offline banner</source>
        <translation>Bandeau hors ligne</translation>
    </message>
</context>
<context>
    <name>builder::views::RepositoriesPanel</name>
    <message>
        <source>&lt;h2&gt;Repositories&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Dépôts&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search repositories (Ctrl+F)</source>
        <translation>Rechercher des dépôts (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search repositories</source>
        <translation>Rechercher des dépôts</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>C&amp;redentials…</source>
        <translation>&amp;Identifiants…</translation>
    </message>
    <message>
        <source>&amp;Validate access</source>
        <translation>&amp;Vérifier l&apos;accès</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Registered repositories</source>
        <translation>Dépôts enregistrés</translation>
    </message>
    <message>
        <source>Loading repositories…</source>
        <translation>Chargement des dépôts…</translation>
    </message>
    <message numerus="yes">
        <source>%n repositories</source>
        <translation>
            <numerusform>%n dépôt</numerusform>
            <numerusform>%n dépôts</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Checking access to %1…</source>
        <translation>Vérification de l&apos;accès à %1…</translation>
    </message>
    <message>
        <source>No access to %1: %2</source>
        <translation>Pas d&apos;accès à %1 : %2</translation>
    </message>
    <message>
        <source>write</source>
        <translation>écriture</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lecture</translation>
    </message>
    <message>
        <source>Access to %1 works: %2</source>
        <translation>L&apos;accès à %1 fonctionne : %2</translation>
    </message>
    <message>
        <source>Delete repository</source>
        <translation>Supprimer le dépôt</translation>
    </message>
    <message>
        <source>Delete %1? Its credentials are erased; finished executions stay readable.</source>
        <translation>Supprimer %1 ? Ses identifiants sont effacés ; les exécutions terminées restent consultables.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>%1 supprimé</translation>
    </message>
</context>
<context>
    <name>builder::views::RepositoryDialog</name>
    <message>
        <source>Register repository</source>
        <translation>Enregistrer un dépôt</translation>
    </message>
    <message>
        <source>Edit repository</source>
        <translation>Modifier le dépôt</translation>
    </message>
    <message>
        <source>Update credentials</source>
        <translation>Remplacer les identifiants</translation>
    </message>
    <message>
        <source>Repository name</source>
        <translation>Nom du dépôt</translation>
    </message>
    <message>
        <source>my-service</source>
        <translation>mon-service</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Repository URL</source>
        <translation>URL du dépôt</translation>
    </message>
    <message>
        <source>https://git.example.com/team/repo.git or /path/to/repo.git</source>
        <translation>https://git.example.com/equipe/depot.git ou /chemin/vers/depot.git</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL :</translation>
    </message>
    <message>
        <source>Default branch</source>
        <translation>Branche par défaut</translation>
    </message>
    <message>
        <source>detected from the remote when empty</source>
        <translation>détectée sur le dépôt distant si vide</translation>
    </message>
    <message>
        <source>Default &amp;branch:</source>
        <translation>&amp;Branche par défaut :</translation>
    </message>
    <message>
        <source>&amp;Credentials:</source>
        <translation>&amp;Identifiants :</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>builder::views::ReviewDecisionBar</name>
    <message>
        <source>Review comment or reason</source>
        <translation>Commentaire de relecture ou motif</translation>
    </message>
    <message>
        <source>Review comment (approve), summary (request changes) or reason (reject)</source>
        <translation>Commentaire (approuver), résumé (demander des modifications) ou motif (rejeter)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approuver</translation>
    </message>
    <message>
        <source>Request &amp;changes</source>
        <translation>Demander des &amp;modifications</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Re&amp;jeter</translation>
    </message>
    <message>
        <source>Request changes needs a comment on a line (double-click it) or a summary.</source>
        <translation>Demander des modifications nécessite un commentaire sur une ligne (double-cliquez dessus) ou un résumé.</translation>
    </message>
    <message>
        <source>Reject needs a reason: write it in the review field.</source>
        <translation>Rejeter nécessite un motif : écrivez-le dans le champ de relecture.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Reject this execution? It fails with your reason.</source>
        <translation>Rejeter cette exécution ? Elle échoue avec votre motif.</translation>
    </message>
</context>
<context>
    <name>builder::views::SandboxOutputView</name>
    <message>
        <source>Sandbox output</source>
        <translation>Sortie du bac à sable</translation>
    </message>
</context>
<context>
    <name>builder::views::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Notify when a feature completes, fails or awaits review</source>
        <translation>Notifier quand une fonctionnalité se termine, échoue ou attend une relecture</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>&amp;Local builderd (found or started automatically)</source>
        <translation>builderd &amp;local (trouvé ou démarré automatiquement)</translation>
    </message>
    <message>
        <source>Keep the local builderd running after quitting</source>
        <translation>Laisser tourner le builderd local après avoir quitté</translation>
    </message>
    <message>
        <source>&amp;Remote builderd</source>
        <translation>builderd &amp;distant</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>builder.example.com:7700</source>
        <translation>builder.example.com:7700</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>Utiliser TLS</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Fichier de certificat CA</translation>
    </message>
    <message>
        <source>system roots when empty</source>
        <translation>racines du système si vide</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>inchangé (conservé dans le trousseau système)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>&amp;Fichier CA :</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>&amp;Jeton :</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Live event transport</source>
        <translation>Transport des événements en direct</translation>
    </message>
    <message>
        <source>Automatic (gRPC, WebSocket when gRPC streaming fails)</source>
        <translation>Automatique (gRPC, WebSocket si le streaming gRPC échoue)</translation>
    </message>
    <message>
        <source>gRPC stream</source>
        <translation>Flux gRPC</translation>
    </message>
    <message>
        <source>WebSocket feed</source>
        <translation>Flux WebSocket</translation>
    </message>
    <message>
        <source>Live &amp;events:</source>
        <translation>&amp;Événements en direct :</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>No token stored for this server.</source>
        <translation>Aucun jeton enregistré pour ce serveur.</translation>
    </message>
    <message>
        <source>A token is stored in the keychain.</source>
        <translation>Un jeton est enregistré dans le trousseau.</translation>
    </message>
    <message>
        <source>Enter the server address (HOST:PORT).</source>
        <translation>Saisissez l&apos;adresse du serveur (HÔTE:PORT).</translation>
    </message>
</context>
<context>
    <name>builder::views::TokensTab</name>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créé par</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>Jetons d&apos;API</translation>
    </message>
    <message>
        <source>Show revoked</source>
        <translation>Afficher les révoqués</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Ré&amp;voquer</translation>
    </message>
    <message>
        <source>New token</source>
        <translation>Nouveau jeton</translation>
    </message>
    <message>
        <source>engineer</source>
        <translation>ingénieur</translation>
    </message>
    <message>
        <source>reviewer</source>
        <translation>relecteur</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <source>Lifetime in days</source>
        <translation>Durée de validité en jours</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>&amp;Create token</source>
        <translation>&amp;Créer le jeton</translation>
    </message>
    <message>
        <source>New token, shown once</source>
        <translation>Nouveau jeton, affiché une seule fois</translation>
    </message>
    <message>
        <source>The new token appears here once; copy it now</source>
        <translation>Le nouveau jeton n&apos;apparaît qu&apos;une fois ici ; copiez-le maintenant</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôle :</translation>
    </message>
    <message>
        <source>Lifetime:</source>
        <translation>Validité :</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Jeton :</translation>
    </message>
    <message>
        <source>Token for %1 created; it is shown only now.</source>
        <translation>Jeton créé pour %1 ; il n&apos;est affiché que maintenant.</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Révoquer le jeton</translation>
    </message>
    <message>
        <source>Revoke the token of %1? It stops working at once.</source>
        <translation>Révoquer le jeton de %1 ? Il cesse aussitôt de fonctionner.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
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
        <translation>Fonctionnalité terminée : %1</translation>
    </message>
    <message>
        <source>Feature failed: %1</source>
        <translation>Fonctionnalité en échec : %1</translation>
    </message>
    <message>
        <source>Feature awaits review: %1</source>
        <translation>Fonctionnalité en attente de relecture : %1</translation>
    </message>
</context>
</TS>
