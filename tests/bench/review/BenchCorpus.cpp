#include "BenchCorpus.h"

#include <array>
#include <string_view>

namespace builder::bench {

namespace {

struct Random
{
    std::uint32_t state;
    std::uint32_t next()
    {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
    std::string token(std::string_view alphabet, int n)
    {
        std::string out;
        for (int i = 0; i < n; ++i)
            out.push_back(alphabet[next() % alphabet.size()]);
        return out;
    }
};

constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

constexpr std::array<std::string_view, 8> kExtensions = {".cpp",  ".go", ".py",   ".ts",
                                                         ".java", ".rs", ".yaml", ".md"};

// Ordinary lines per language family; {n} is replaced with a number.
constexpr std::array<std::string_view, 16> kLines = {
    "    const auto value = compute(input, options.limit);",
    "    if (result.ok() && !items.empty()) { return items.front(); }",
    "func (s *Server) handle(w http.ResponseWriter, r *http.Request) error {",
    "    for i, item := range items { total += item.Price * float64(i) }",
    "def load_config(path: str) -> dict[str, Any]:",
    "        logger.info(\"processed %d records in %.2fs\", count, elapsed)",
    "export async function fetchUser(id: string): Promise<User> {",
    "  const response = await client.get(`/api/users/${id}`, { timeout: 5000 });",
    "    public List<Order> findOrders(String customerId, int limit) {",
    "        return repository.findByCustomer(customerId, PageRequest.of(0, limit));",
    "    let parsed = serde_json::from_str::<Config>(&text).context(\"bad config\")?;",
    "    pub fn insert(&mut self, key: String, value: u64) -> Option<u64> {",
    "  replicas: 3",
    "  image: registry.internal/app/api:1.24.{n}",
    "The service retries each request three times with exponential backoff.",
    "    // keep the cache warm so the first request after deploy is fast",
};

// Lines that make findings, one every ~200 lines.
std::string special(Random& random, int n)
{
    switch (n % 6) {
    case 0:
        return "    AWS_KEY = \"AK"
               "IA" +
               random.token("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + "\"";
    case 1:
        return "    subprocess.call(\"ls \" + path, shell=True)";
    case 2:
        return "    password = \"" + random.token(kAlnum, 14) + "\"";
    case 3:
        return "    tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}";
    case 4:
        return "    db_url = \"postgres://app:" + random.token(kAlnum, 12) + "@db.prod:5432/app\"";
    default:
        return "    obj = pickle.loads(blob)";
    }
}

std::string line(Random& random, int n)
{
    if (random.next() % 200 == 0)
        return special(random, n);
    std::string text(kLines[random.next() % kLines.size()]);
    const auto at = text.find("{n}");
    if (at != std::string::npos)
        text.replace(at, 3, std::to_string(n % 100));
    return text;
}

} // namespace

std::string BenchCorpus::diff(int changedLines, int files, std::uint32_t seed)
{
    Random random{seed | 1u};
    std::string out;
    out.reserve(static_cast<std::size_t>(changedLines) * 80);
    const int perFile = changedLines / files;
    for (int f = 0; f < files; ++f) {
        const std::string path =
            "src/module" + std::to_string(f % 17) + "/file" + std::to_string(f) +
            std::string(kExtensions[static_cast<std::size_t>(f) % kExtensions.size()]);
        out += "diff --git a/" + path + " b/" + path + "\nindex 1a2b3c4..5d6e7f8 100644\n--- a/" +
               path + "\n+++ b/" + path + "\n";
        // Hunks of 3 context, 2 removed, 6 added, 3 context.
        int line_no = 10;
        for (int done = 0; done < perFile; done += 8) {
            out += "@@ -" + std::to_string(line_no) + ",8 +" + std::to_string(line_no) + ",12 @@ " +
                   "void function" + std::to_string(done) + "()\n";
            for (int k = 0; k < 3; ++k)
                out += " " + line(random, k) + "\n";
            for (int k = 0; k < 2; ++k)
                out += "-" + line(random, k) + "\n";
            for (int k = 0; k < 6; ++k)
                out += "+" + line(random, done + k) + "\n";
            for (int k = 0; k < 3; ++k)
                out += " " + line(random, k) + "\n";
            line_no += 40;
        }
    }
    return out;
}

std::string BenchCorpus::source(std::size_t bytes, std::uint32_t seed)
{
    Random random{seed | 1u};
    std::string out;
    out.reserve(bytes + 256);
    int n = 0;
    while (out.size() < bytes)
        out += line(random, n++) + "\n";
    return out;
}

} // namespace builder::bench
