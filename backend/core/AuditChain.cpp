#include "AuditChain.h"

#include "security/SodiumRuntime.h"

#include <sodium.h>

#include <cstdio>

namespace builder::core {

namespace {

void field(std::string& out, const std::string& value)
{
    out += std::to_string(value.size());
    out += ':';
    out += value;
}

std::string sha256Hex(const std::string& data)
{
    security::SodiumRuntime::ensure();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

void jsonString(std::string& out, const std::string& text)
{
    out += '"';
    for (const char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (u < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
            out += escaped;
        } else {
            out += ch;
        }
    }
    out += '"';
}

} // namespace

const std::string& AuditChain::genesis()
{
    static const std::string zeros(64, '0');
    return zeros;
}

std::string AuditChain::canonical(const store::AuditRecord& r)
{
    // Versioned, so a later format can be told apart from this one.
    std::string out = "audit-v1;";
    for (const std::string* value :
         {&r.id, &r.actor, &r.role, &r.action, &r.targetType, &r.targetId, &r.reason, &r.details})
        field(out, *value);
    field(out, std::to_string(r.seq));
    field(out, std::to_string(r.createdAtMillis));
    return out;
}

std::string AuditChain::hashOf(const std::string& previousHash, const store::AuditRecord& record)
{
    return sha256Hex(previousHash + "\n" + canonical(record));
}

std::string AuditChain::detailsJson(const std::map<std::string, std::string>& details)
{
    std::string out = "{";
    for (const auto& [key, value] : details) {
        if (out.size() > 1)
            out += ',';
        jsonString(out, key);
        out += ':';
        jsonString(out, value);
    }
    out += '}';
    return out;
}

bool AuditChain::Walker::add(const store::AuditRecord& r)
{
    if (!m_status.intact)
        return false;
    auto broken = [&](std::string problem, std::int64_t seq) {
        m_status.intact = false;
        m_status.firstBrokenSeq = seq;
        m_status.problem = std::move(problem);
        return false;
    };
    const auto n = std::to_string(r.seq);
    if (r.seq <= m_lastSeq)
        return broken("audit entry " + n + " is out of order", r.seq);
    if (r.seq > m_lastSeq + 1) {
        const auto from = std::to_string(m_lastSeq + 1);
        const bool one = r.seq == m_lastSeq + 2;
        return broken(
            (one ? "audit entry " + from + " is"
                 : "audit entries " + from + " to " + std::to_string(r.seq - 1) + " are") +
                " missing (the chain jumps from " + std::to_string(m_lastSeq) + " to " + n + ")",
            m_lastSeq + 1);
    }
    if (r.previousHash != m_lastHash)
        return broken("audit entry " + n + " does not link to entry " + std::to_string(m_lastSeq) +
                          ": its previous_hash differs from that entry's hash",
                      r.seq);
    if (hashOf(r.previousHash, r) != r.hash)
        return broken("audit entry " + n + " (" + r.action + " by " + r.actor +
                          ") was modified: its content no longer matches its hash",
                      r.seq);
    m_lastSeq = r.seq;
    m_lastHash = r.hash;
    ++m_status.verifiedEntries;
    m_status.headHash = r.hash;
    return true;
}

AuditChain::Status AuditChain::Walker::finish(const std::optional<store::AuditHead>& head)
{
    if (!m_status.intact)
        return m_status;
    auto broken = [&](std::int64_t seq, std::string problem) {
        m_status.intact = false;
        m_status.firstBrokenSeq = seq;
        m_status.problem = std::move(problem);
        return m_status;
    };
    if (!head) {
        if (m_lastSeq > 0)
            return broken(m_lastSeq, "the audit head anchor is missing");
        return m_status;
    }
    if (head->seq > m_lastSeq)
        return broken(m_lastSeq + 1, "audit entries " + std::to_string(m_lastSeq + 1) + " to " +
                                         std::to_string(head->seq) +
                                         " were removed (the head anchor names entry " +
                                         std::to_string(head->seq) + ")");
    if (head->seq != m_lastSeq || head->hash != m_lastHash)
        return broken(head->seq < 0 ? m_lastSeq : head->seq,
                      "the audit head anchor does not match entry " + std::to_string(m_lastSeq));
    return m_status;
}

AuditChain::Status AuditChain::verify(store::Connection& c)
{
    Walker walker;
    store::AuditStore::forEach(c, [&](const store::AuditRecord& r) { return walker.add(r); });
    return walker.finish(store::AuditStore::head(c));
}

} // namespace builder::core
