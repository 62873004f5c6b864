// Security patterns per language: each row is one added line (or a few) in a
// file of that language, with the rule expected to report it, or none.
#include "review/Language.h"
#include "review/SecurityRuleTable.h"
#include "review/SecurityScanner.h"

#include <QtTest>

#include <set>

using namespace builder::review;

Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

std::vector<Finding> scan(const std::string& path, const std::vector<std::string>& lines)
{
    ScanTarget target;
    target.path = path;
    for (std::size_t i = 0; i < lines.size(); ++i)
        target.lines.push_back({static_cast<int>(i + 1), lines[i]});
    std::vector<Finding> out;
    SecurityScanner::builtIn().scan(target, out);
    return out;
}

std::string describe(const std::vector<Finding>& findings)
{
    std::string text;
    for (const auto& f : findings)
        text += "[" + f.ruleId + "] ";
    return text.empty() ? "(none)" : text;
}

} // namespace

class TestSecurityPatterns : public QObject
{
    Q_OBJECT

private slots:
    void tableIsValid();
    void languageFromPath_data();
    void languageFromPath();
    void patterns_data();
    void patterns();
    void testFilesAreOneSeverityLower();
};

void TestSecurityPatterns::tableIsValid()
{
    const auto& scanner = SecurityScanner::builtIn();
    std::string invalid;
    for (const auto& id : scanner.invalidRules())
        invalid += id + " ";
    QVERIFY2(invalid.empty(), invalid.c_str());
    std::set<std::string> ids;
    std::set<Language> languages;
    for (const auto& rule : scanner.rules()) {
        QVERIFY2(ids.insert(rule.id).second, rule.id.c_str());
        QVERIFY(!rule.message.empty());
        QVERIFY(!rule.fixHint.empty());
        for (const auto language : rule.languages)
            languages.insert(language);
    }
    for (const auto language : {Language::Cpp, Language::Go, Language::Python, Language::JavaScript,
                                Language::Java, Language::Rust})
        QVERIFY2(languages.count(language), LanguageOf::name(language));
    qInfo("%zu security rules", scanner.rules().size());
}

void TestSecurityPatterns::languageFromPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("language");
    QTest::addRow("cpp") << "src/a.cpp" << int(Language::Cpp);
    QTest::addRow("header") << "include/a.H" << int(Language::Cpp);
    QTest::addRow("go") << "cmd/main.go" << int(Language::Go);
    QTest::addRow("python") << "x/y.py" << int(Language::Python);
    QTest::addRow("tsx") << "web/App.tsx" << int(Language::JavaScript);
    QTest::addRow("kotlin") << "app/Main.kt" << int(Language::Java);
    QTest::addRow("rust") << "src/lib.rs" << int(Language::Rust);
    QTest::addRow("dockerfile") << "Dockerfile" << int(Language::Shell);
    QTest::addRow("unknown") << "LICENSE" << int(Language::Unknown);
}

void TestSecurityPatterns::languageFromPath()
{
    QFETCH(QString, path);
    QFETCH(int, language);
    QCOMPARE(int(LanguageOf::path(path.toStdString())), language);
}

void TestSecurityPatterns::patterns_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<std::vector<std::string>>("lines");
    QTest::addColumn<QString>("rule"); // empty: nothing must be reported

    auto row = [](const char* name, const char* path, std::vector<std::string> lines,
                  const char* rule) {
        QTest::newRow(name) << QString(path) << lines << QString(rule);
    };
    // C/C++
    row("cpp system with variable", "a.cpp", {"    system(cmd.c_str());"}, "cpp-command-injection");
    row("cpp system with concatenation", "a.cpp", {"std::system((\"rm -rf \" + dir).c_str());"},
        "cpp-command-injection");
    row("cpp system literal ok", "a.cpp", {"system(\"clear\");"}, "");
    row("cpp filesystem ok", "a.cpp", {"namespace fs = std::filesystem;", "fs::path p(x);"}, "");
    row("cpp execl sh -c", "a.c", {"execl(\"/bin/sh\", \"sh\", \"-c\", command, NULL);"},
        "cpp-shell-exec");
    row("cpp strcpy", "a.c", {"strcpy(buffer, input);"}, "cpp-unbounded-string-function");
    row("cpp sprintf", "a.c", {"sprintf(out, \"%s\", name);"}, "cpp-unbounded-string-function");
    row("cpp snprintf ok", "a.c", {"snprintf(out, sizeof out, \"%s\", name);"}, "");
    row("cpp strncpy ok", "a.c", {"strncpy(dst, src, n);"}, "");
    row("cpp gets", "a.c", {"gets(line);"}, "cpp-gets");
    row("cpp fgets ok", "a.c", {"fgets(line, sizeof line, stdin);"}, "");
    row("cpp curl verify off", "net.cpp", {"curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);"},
        "cpp-tls-verify-disabled");
    row("cpp curl verify on ok", "net.cpp", {"curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);"},
        "");
    row("cpp Qt VerifyNone", "net.cpp", {"config.setPeerVerifyMode(QSslSocket::VerifyNone);"},
        "cpp-tls-verify-disabled");
    row("cpp md5 password", "auth.cpp",
        {"auto digest = MD5(password.data(), password.size(), out);"}, "cpp-weak-hash");
    row("cpp md5 checksum ok", "cache.cpp", {"auto digest = MD5(blob.data(), blob.size(), out);"},
        "");
    row("cpp des", "crypto.cpp", {"EVP_EncryptInit_ex(ctx, EVP_des_cbc(), nullptr, key, iv);"},
        "cpp-weak-cipher");
    row("cpp aes ecb", "crypto.cpp",
        {"EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), nullptr, key, nullptr);"}, "cpp-weak-cipher");
    row("cpp sql concat", "db.cpp",
        {"query.exec(\"SELECT * FROM users WHERE name = '\" + name + \"'\");"},
        "cpp-sql-concatenation");
    row("cpp commented out ok", "a.cpp", {"// system(cmd.c_str());"}, "");
    // Go
    row("go sh -c", "main.go", {"out, _ := exec.Command(\"sh\", \"-c\", userCmd).Output()"},
        "go-command-injection");
    row("go Sprintf command", "main.go", {"cmd := exec.Command(fmt.Sprintf(\"%s/bin/tool\", dir))"},
        "go-command-injection");
    row("go literal command ok", "main.go", {"cmd := exec.Command(\"git\", \"status\")"}, "");
    row("go insecure tls", "client.go",
        {"tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}"},
        "go-tls-insecure-skip-verify");
    row("go tls false ok", "client.go", {"cfg := &tls.Config{InsecureSkipVerify: false}"}, "");
    row("go sql Sprintf", "store.go",
        {"rows, err := db.Query(fmt.Sprintf(\"SELECT * FROM t WHERE id = %s\", id))"},
        "go-sql-concatenation");
    row("go sql bound parameter ok", "store.go",
        {"rows, err := db.Query(\"SELECT * FROM t WHERE id = $1\", id)"}, "");
    row("go ssrf", "proxy.go", {"resp, err := http.Get(r.URL.Query().Get(\"url\"))"}, "go-ssrf");
    row("go path traversal", "files.go",
        {"f, err := os.Open(filepath.Join(root, r.URL.Query().Get(\"name\")))"},
        "go-path-traversal");
    row("go md5 password", "auth.go", {"sum := md5.Sum([]byte(password))"}, "go-weak-hash");
    row("go md5 etag ok", "cache.go", {"sum := md5.Sum(body)"}, "");
    row("go rc4", "c.go", {"c, _ := rc4.NewCipher(key)"}, "go-weak-cipher");
    // Python
    row("py shell=True formatted", "run.py", {"subprocess.call(\"ls \" + path, shell=True)"},
        "py-subprocess-shell-formatted");
    row("py shell=True literal", "run.py", {"subprocess.run(\"make all\", shell=True)"},
        "py-subprocess-shell");
    row("py list args ok", "run.py", {"subprocess.run([\"ls\", path])"}, "");
    row("py os.system f-string", "run.py", {"os.system(f\"rm -rf {path}\")"}, "py-os-system");
    row("py pickle", "load.py", {"obj = pickle.loads(data)"}, "py-pickle");
    row("py yaml.load", "cfg.py", {"cfg = yaml.load(stream)"}, "py-yaml-load");
    row("py yaml SafeLoader ok", "cfg.py", {"cfg = yaml.load(stream, Loader=yaml.SafeLoader)"}, "");
    row("py safe_load ok", "cfg.py", {"cfg = yaml.safe_load(stream)"}, "");
    row("py eval", "calc.py", {"result = eval(expression)"}, "py-eval");
    row("py literal_eval ok", "calc.py", {"result = ast.literal_eval(expression)"}, "");
    row("py verify False", "api.py", {"r = requests.get(url, verify=False)"},
        "py-tls-verify-disabled");
    row("py sql f-string", "db.py", {"cursor.execute(f\"SELECT * FROM users WHERE id = {uid}\")"},
        "py-sql-concatenation");
    row("py sql percent", "db.py", {"cur.execute(\"DELETE FROM t WHERE id = %s\" % uid)"},
        "py-sql-concatenation");
    row("py sql params ok", "db.py",
        {"cursor.execute(\"SELECT * FROM users WHERE id = %s\", (uid,))"}, "");
    row("py md5 password", "auth.py", {"h = hashlib.md5(password.encode()).hexdigest()"},
        "py-weak-hash");
    row("py md5 cache key ok", "cache.py", {"h = hashlib.md5(body).hexdigest()"}, "");
    row("py ssrf", "views.py", {"resp = requests.get(request.args[\"url\"])"}, "py-ssrf");
    row("py path traversal", "views.py",
        {"return open(os.path.join(BASE, request.args.get(\"f\"))).read()"}, "py-path-traversal");
    row("py secure_filename ok", "views.py",
        {"return open(os.path.join(BASE, secure_filename(request.args.get(\"f\")))).read()"}, "");
    row("py comment ok", "run.py", {"# subprocess.call(cmd, shell=True)"}, "");
    // JavaScript / TypeScript
    row("js exec template", "app.js", {"exec(`git log ${branch}`, cb);"}, "js-child-process-exec");
    row("js exec concat", "app.ts", {"child_process.exec('ls ' + dir);"}, "js-child-process-exec");
    row("js execFile ok", "app.js", {"execFile('git', ['log', branch], cb);"}, "");
    row("js eval", "app.js", {"const v = eval(input);"}, "js-eval");
    row("js new Function", "app.js", {"const f = new Function('a', body);"}, "js-eval");
    row("js node-serialize", "app.js", {"const serialize = require('node-serialize');"},
        "js-node-serialize");
    row("js rejectUnauthorized", "client.ts",
        {"const agent = new https.Agent({ rejectUnauthorized: false });"},
        "js-tls-verify-disabled");
    row("js NODE_TLS", "env.js", {"process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';"},
        "js-tls-verify-disabled");
    row("js sql template", "db.ts",
        {"await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);"},
        "js-sql-concatenation");
    row("js sql params ok", "db.ts", {"await db.query('SELECT * FROM users WHERE id = $1', [id]);"},
        "");
    row("js ssrf", "proxy.js", {"const r = await fetch(req.query.url);"}, "js-ssrf");
    row("js path traversal", "files.js", {"res.sendFile(path.join(__dirname, req.params.name));"},
        "js-path-traversal");
    row("js weak cipher", "c.js", {"const c = crypto.createCipheriv('des-ede3-cbc', key, iv);"},
        "js-weak-cipher");
    row("js sha1 signature", "sign.js",
        {"const sig = crypto.createHmac('sha1', secret).update(body);"}, "js-weak-hash");
    // Java
    row("java runtime exec concat", "Run.java", {"Runtime.getRuntime().exec(\"ping \" + host);"},
        "java-runtime-exec");
    row("java ProcessBuilder sh -c", "Run.java",
        {"new ProcessBuilder(\"sh\", \"-c\", command).start();"}, "java-processbuilder-shell");
    row("java ObjectInputStream", "Load.java",
        {"ObjectInputStream in = new ObjectInputStream(socket.getInputStream());"},
        "java-deserialization");
    row("java trust all", "Http.java",
        {"TrustManager[] trustAllCerts = new TrustManager[] { new X509TrustManager() {"},
        "java-tls-trust-all");
    row("java md5 password", "Auth.java",
        {"MessageDigest md = MessageDigest.getInstance(\"MD5\"); // password"}, "java-weak-hash");
    row("java AES default ECB", "Crypto.java", {"Cipher c = Cipher.getInstance(\"AES\");"},
        "java-weak-cipher");
    row("java AES GCM ok", "Crypto.java", {"Cipher c = Cipher.getInstance(\"AES/GCM/NoPadding\");"},
        "");
    row("java sql concat", "Dao.java",
        {"stmt.executeQuery(\"SELECT * FROM users WHERE name = '\" + name + \"'\");"},
        "java-sql-concatenation");
    row("java prepared ok", "Dao.java",
        {"conn.prepareStatement(\"SELECT * FROM users WHERE name = ?\");"}, "");
    row("java path traversal", "Files.java",
        {"File f = new File(base, request.getParameter(\"file\"));"}, "java-path-traversal");
    row("java ssrf", "Proxy.java", {"URL u = new URL(request.getParameter(\"target\"));"},
        "java-ssrf");
    // Rust
    row("rust sh -c format", "src/run.rs",
        {"let out = Command::new(\"sh\")", "    .arg(\"-c\")", "    .arg(format!(\"ls {}\", dir))",
         "    .output()?;"},
        "rust-command-shell");
    row("rust plain command ok", "src/run.rs",
        {"let out = Command::new(\"git\").arg(\"status\").output()?;"}, "");
    row("rust invalid certs", "src/http.rs",
        {"let c = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;"},
        "rust-tls-verify-disabled");
    row("rust sql format", "src/db.rs",
        {"sqlx::query(&format!(\"SELECT * FROM t WHERE id = {}\", id))"}, "rust-sql-concatenation");
    row("rust sql bind ok", "src/db.rs",
        {"sqlx::query(\"SELECT * FROM t WHERE id = $1\").bind(id)"}, "");
    // Ruby and shell
    row("ruby Marshal", "app.rb", {"obj = Marshal.load(data)"}, "ruby-marshal-load");
    row("ruby system interpolation", "app.rb", {"system(\"convert #{params[:file]} out.png\")"},
        "ruby-command-injection");
    row("curl -k", "install.sh", {"curl -k https://get.example.org/install.sh -o i.sh"},
        "shell-tls-verify-disabled");
    row("curl pipe sh", "Dockerfile", {"RUN curl -fsSL https://get.example.org | sh"},
        "shell-pipe-to-shell");
    row("unknown language ok", "notes.txt", {"system(cmd); eval(x); verify=False"}, "");
}

void TestSecurityPatterns::patterns()
{
    QFETCH(QString, path);
    QFETCH(std::vector<std::string>, lines);
    QFETCH(QString, rule);
    const auto findings = scan(path.toStdString(), lines);
    if (rule.isEmpty()) {
        QVERIFY2(findings.empty(), describe(findings).c_str());
        return;
    }
    bool found = false;
    for (const auto& f : findings) {
        QCOMPARE(f.source, FindingSource::Security);
        QVERIFY(f.line >= 1);
        found = found || f.ruleId == rule.toStdString();
    }
    QVERIFY2(found, describe(findings).c_str());
}

void TestSecurityPatterns::testFilesAreOneSeverityLower()
{
    const auto production = scan("app/load.py", {"obj = pickle.loads(data)"});
    const auto test = scan("tests/test_load.py", {"obj = pickle.loads(data)"});
    QCOMPARE(production.size(), std::size_t(1));
    QCOMPARE(test.size(), std::size_t(1));
    QCOMPARE(production[0].severity, Severity::High);
    QCOMPARE(test[0].severity, Severity::Medium);
    QVERIFY(test[0].message.find("test file") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestSecurityPatterns)
#include "test_security_patterns.moc"
