#include "localize/CtagsExtractor.h"

#include "localize/FlatJson.h"
#include "localize/Subprocess.h"

#include <algorithm>
#include <mutex>
#include <thread>

namespace builder::localize {

namespace {

bool probe()
{
    auto version = Subprocess::run({"ctags", "--version"}, "", "");
    if (!version.ok() || version->exitCode != 0 ||
        version->out.find("Universal Ctags") == std::string::npos)
        return false;
    auto features = Subprocess::run({"ctags", "--list-features"}, "", "");
    return features.ok() && features->out.find("json") != std::string::npos;
}

void parseOutput(const std::string& out,
                 std::unordered_map<std::string, std::vector<Symbol>>& symbols)
{
    std::size_t start = 0;
    while (start < out.size()) {
        auto end = out.find('\n', start);
        if (end == std::string::npos)
            end = out.size();
        const std::string_view line(out.data() + start, end - start);
        start = end + 1;
        const auto object = FlatJson::parseObject(line);
        if (!object)
            continue;
        const auto type = object->find("_type");
        const auto name = object->find("name");
        const auto path = object->find("path");
        const auto number = object->find("line");
        if (type == object->end() || type->second != "tag" || name == object->end() ||
            path == object->end() || number == object->end())
            continue;
        const auto kind = object->find("kind");
        Symbol symbol;
        symbol.name = name->second;
        symbol.kind = kind == object->end() ? SymbolKind::Other : symbolKindFromCtags(kind->second);
        symbol.line = static_cast<std::uint32_t>(std::strtoul(number->second.c_str(), nullptr, 10));
        // Anonymous structs and lambdas come out as "__anon..." names: no use to a reader.
        if (symbol.name.rfind("__anon", 0) == 0)
            continue;
        symbols[path->second].push_back(std::move(symbol));
    }
}

} // namespace

bool CtagsExtractor::available()
{
    static const bool kAvailable = probe();
    return kAvailable;
}

common::Result<std::unordered_map<std::string, std::vector<Symbol>>>
CtagsExtractor::extract(const std::string& root, const std::vector<std::string>& paths)
{
    if (!available())
        return common::Error::unavailable("universal-ctags is not installed (no 'ctags' on PATH "
                                          "reporting Universal Ctags with JSON output)");
    std::unordered_map<std::string, std::vector<Symbol>> symbols;
    for (const auto& path : paths)
        symbols[path];
    const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    const std::size_t chunks = std::min(workers, std::max<std::size_t>(1, paths.size() / 64));
    std::vector<std::string> inputs(chunks);
    for (std::size_t i = 0; i < paths.size(); ++i)
        inputs[i % chunks] += paths[i] + "\n";

    std::mutex mutex;
    std::optional<common::Error> failure;
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < chunks; ++i) {
        threads.emplace_back([&, i] {
            auto run =
                Subprocess::run({"ctags", "--output-format=json", "--fields=+nK", "--sort=no",
                                 "--kinds-C=+p", "--kinds-C++=+p", "-f", "-", "-L", "-"},
                                inputs[i], root);
            const std::lock_guard lock(mutex);
            if (!run.ok() || run->exitCode != 0) {
                failure = common::Error::unavailable(
                    "ctags failed: " + (run.ok() ? "exit code " + std::to_string(run->exitCode)
                                                 : run.error().message()));
                return;
            }
            parseOutput(run->out, symbols);
        });
    }
    for (auto& thread : threads)
        thread.join();
    if (failure)
        return *failure;
    for (auto& [path, list] : symbols) {
        std::sort(list.begin(), list.end(), [](const Symbol& a, const Symbol& b) {
            return a.line != b.line ? a.line < b.line : a.name < b.name;
        });
    }
    return symbols;
}

} // namespace builder::localize
