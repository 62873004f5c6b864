#include "SyntheticRepo.h"

#include "support/GitFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

namespace builder::bench {

namespace {

using testing::GitFixture;

struct Language
{
    const char* name;
    const char* extension;
    const char* comment;
    int weight;
};
const Language kLanguages[] = {
    {"C++", "cpp", "//", 14},   {"C++", "h", "//", 9},          {"Python", "py", "#", 14},
    {"Go", "go", "//", 10},     {"TypeScript", "ts", "//", 10}, {"JavaScript", "js", "//", 7},
    {"Java", "java", "//", 10}, {"Rust", "rs", "//", 6},        {"Markdown", "md", "", 8},
    {"JSON", "json", "", 4},    {"YAML", "yaml", "#", 5},       {"Shell", "sh", "#", 3},
};

const char* const kWords[] = {
    "request", "response", "client", "server",  "handler", "config",  "error",  "value",
    "buffer",  "cache",    "user",   "data",    "message", "event",   "state",  "result",
    "context", "service",  "index",  "file",    "path",    "name",    "count",  "size",
    "update",  "create",   "remove", "load",    "save",    "parse",   "format", "queue",
    "worker",  "thread",   "lock",   "timer",   "store",   "record",  "field",  "option",
    "report",  "status",   "token",  "session", "limit",   "retry",   "stream", "node",
    "graph",   "schema",   "router", "policy",  "account", "invoice", "ledger", "payment",
    "catalog", "search",   "render", "layout",  "widget",  "metric",  "sample", "window"};
const char* const kTop[] = {"src", "lib", "services", "internal", "pkg", "app", "docs", "tools"};

constexpr double kLogMedianBytes = 8.0; // e^8: about 3 KB
constexpr double kLogSigma = 0.8;
constexpr std::size_t kMinBytes = 300;
constexpr std::size_t kMaxBytes = 48 * 1024;

class Writer
{
public:
    explicit Writer(std::uint64_t seed) : m_random(seed) {}

    std::string word() { return kWords[m_random() % std::size(kWords)]; }
    std::string ident(bool upper)
    {
        std::string out = word() + "_" + word();
        if (upper)
            out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
        return out;
    }
    std::string sentence(int n)
    {
        std::string out;
        for (int i = 0; i < n; ++i)
            out += (i ? " " : "") + word();
        return out;
    }
    const Language& language()
    {
        int total = 0;
        for (const auto& l : kLanguages)
            total += l.weight;
        int roll = static_cast<int>(m_random() % static_cast<unsigned>(total));
        for (const auto& l : kLanguages)
            if ((roll -= l.weight) < 0)
                return l;
        return kLanguages[0];
    }
    std::size_t size()
    {
        std::lognormal_distribution<double> sizes(kLogMedianBytes, kLogSigma);
        return std::clamp(static_cast<std::size_t>(sizes(m_random)), kMinBytes, kMaxBytes);
    }
    // A project's folders: about one per twelve files, each below an existing one
    // (or at the top), one to five deep.
    void plantFolders(int files)
    {
        const int count = std::max(8, files / 12);
        for (const char* top : kTop)
            m_folders.push_back({top, 1});
        while (static_cast<int>(m_folders.size()) < count) {
            const auto parent = m_folders[m_random() % m_folders.size()];
            if (parent.second >= 5)
                continue;
            m_folders.push_back(
                {parent.first + "/" + word() + std::to_string(m_random() % 4), parent.second + 1});
        }
    }
    // Files go to deeper folders more often than to the top ones, as in real trees.
    std::string directory(int& depth)
    {
        for (;;) {
            const auto& folder = m_folders[m_random() % m_folders.size()];
            if (folder.second == 1 && m_random() % 4 != 0)
                continue;
            depth = folder.second;
            return folder.first;
        }
    }
    // One unit of code in the language's shape.
    std::string block(const Language& l)
    {
        const std::string ext = l.extension;
        const std::string f = ident(false), t = ident(true), a = word(), b = word();
        if (ext == "py")
            return "def " + f + "(" + a + ", " + b + "):\n    " + a + " = " + ident(false) + "(" +
                   b + ")\n    return " + a + "\n\n";
        if (ext == "go")
            return "func " + t + "(" + a + " int) (int, error) {\n\t" + b + " := " + a +
                   " * 2\n\treturn " + b + ", nil\n}\n\n";
        if (ext == "rs")
            return "pub fn " + f + "(" + a + ": u32) -> u32 {\n    let " + b + " = " + a +
                   " + 1;\n    " + b + "\n}\n\n";
        if (ext == "java")
            return "    public int " + f + "(int " + a + ") {\n        return " + a + " + " +
                   std::to_string(m_random() % 100) + ";\n    }\n\n";
        if (ext == "ts" || ext == "js")
            return "export function " + f + "(" + a + (ext == "ts" ? ": number" : "") +
                   ") {\n  const " + b + " = " + a + " * 3;\n  return " + b + ";\n}\n\n";
        if (ext == "md")
            return "## " + sentence(3) + "\n\n" + sentence(24) + ".\n\n";
        if (ext == "json")
            return "  \"" + f + "\": \"" + sentence(4) + "\",\n";
        if (ext == "yaml")
            return f + ":\n  " + a + ": " + b + "\n  enabled: true\n";
        if (ext == "sh")
            return f + "() {\n  echo \"" + sentence(5) + "\"\n}\n\n";
        if (ext == "h")
            return "int " + f + "(int " + a + ");\n";
        return "int " + t + "::" + f + "(int " + a + ")\n{\n    return " + a + " + " +
               std::to_string(m_random() % 100) + ";\n}\n\n";
    }

private:
    std::mt19937_64 m_random;
    std::vector<std::pair<std::string, int>> m_folders; // path, depth
};

std::string contentFor(Writer& w, const Language& l, const std::string& path, std::size_t size,
                       std::string& firstLine)
{
    const std::string c = l.comment;
    const std::string ext = l.extension;
    firstLine = (c.empty() ? (ext == "json" ? std::string("{") : std::string("# ")) : c + " ") +
                (ext == "json" ? "" : path + ": " + w.sentence(6));
    std::string out = firstLine + "\n";
    if (ext == "json") {
        firstLine = "{";
        out += "  \"_file\": \"" + path + "\",\n";
    }
    if (ext == "java")
        out += "package generated;\n\npublic class " + w.ident(true) + " {\n";
    if (ext == "cpp")
        out += "#include <string>\n\n";
    while (out.size() < size)
        out += w.block(l);
    if (ext == "java")
        out += "}\n";
    if (ext == "json")
        out += "  \"_end\": true\n}\n";
    return out;
}

} // namespace

bool SyntheticRepo::isBuildOrTestFile(const QString& name)
{
    static const std::set<QString> kNames = {
        "CMakeLists.txt", "Cargo.toml",       "go.mod",          "pom.xml",
        "build.gradle",   "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
        "package.json",   "pyproject.toml",   "setup.py",        "setup.cfg",
        "tox.ini",        "pytest.ini",       "conftest.py",     "Makefile",
        "makefile",       "GNUmakefile",      ".builder.toml"};
    return kNames.count(name) > 0 || (name.startsWith("test_") && name.endsWith(".py"));
}

bool SyntheticRepo::generate(const QString& workDir, const QString& remoteDir, int files,
                             std::uint64_t seed, Summary& summary, QString* error)
{
    QElapsedTimer timer;
    timer.start();
    Writer w(seed);
    w.plantFolders(files);
    std::set<QString> languages;
    std::set<std::string> used;
    std::set<std::string> folders;
    // The feature edits one C++, one Python and one Go file, spread over the tree.
    const int picks[3] = {files / 7, files / 2, (files * 6) / 7};
    const char* pickExtension[3] = {"cpp", "py", "go"};
    for (int i = 0; i < files; ++i) {
        const Language* l = &w.language();
        int pick = -1;
        for (int p = 0; p < 3; ++p)
            if (i == picks[p])
                pick = p;
        if (pick >= 0)
            for (const auto& candidate : kLanguages)
                if (std::string(candidate.extension) == pickExtension[pick])
                    l = &candidate;
        int depth = 0;
        const std::string dir = w.directory(depth);
        std::string name = w.word() + "_" + w.word() + "_" + std::to_string(i) + "." + l->extension;
        const std::string path = dir + "/" + name;
        if (!used.insert(path).second || isBuildOrTestFile(QString::fromStdString(name)))
            return false; // cannot happen: every name carries its index
        std::string first;
        std::string text = contentFor(w, *l, path, w.size(), first);
        if (pick >= 0) {
            // What the feature is about, so that the ranking has something to find.
            text += std::string(l->comment) + " request tracing: span ids flow through " +
                    w.word() + " handlers\n";
            summary.targets.push_back(
                {QString::fromStdString(path), QString::fromStdString(first)});
        }
        const QString full = workDir + "/" + QString::fromStdString(path);
        QDir().mkpath(QFileInfo(full).absolutePath());
        QFile out(full);
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(text.data(), static_cast<qint64>(text.size())) !=
                static_cast<qint64>(text.size())) {
            if (error)
                *error = "cannot write " + full;
            return false;
        }
        ++summary.files;
        summary.bytes += text.size();
        summary.maxDepth = std::max(summary.maxDepth, depth);
        for (std::string d = dir; folders.insert(d).second;) {
            const auto slash = d.rfind('/');
            if (slash == std::string::npos)
                break;
            d.resize(slash); // and its parents
        }
        languages.insert(l->name);
    }
    {
        QFile readme(workDir + "/README.md");
        QFile ignore(workDir + "/.gitignore");
        if (!readme.open(QIODevice::WriteOnly) || !ignore.open(QIODevice::WriteOnly)) {
            if (error)
                *error = "cannot write README.md or .gitignore in " + workDir;
            return false;
        }
        readme.write("# Generated project\n\nA synthetic tree for bench_pipeline.\n");
        ignore.write("/build/\n*.o\n__pycache__/\nnode_modules/\n");
        summary.files += 2;
    }
    summary.folders = static_cast<int>(folders.size());
    for (const auto& l : languages)
        summary.languages << l;
    QString out;
    auto run = [&](const QStringList& args, const QString& where) {
        if (GitFixture::git(args, where, &out))
            return true;
        if (error)
            *error = "git " + args.join(' ') + ": " + out;
        return false;
    };
    const bool ok =
        run({"init", "-q", "-b", "main", workDir}, workDir) && run({"add", "--all"}, workDir) &&
        run({"commit", "-q", "-m", "Generated project"}, workDir) &&
        GitFixture::createEmptyBare(remoteDir, error) &&
        run({"push", "-q", remoteDir, "main"}, workDir) &&
        run({"--git-dir", remoteDir, "symbolic-ref", "HEAD", "refs/heads/main"}, remoteDir);
    summary.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    return ok;
}

} // namespace builder::bench
