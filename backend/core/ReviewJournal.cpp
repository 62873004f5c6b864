#include "ReviewJournal.h"

#include "store/JournalStore.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <charconv>

namespace builder::core {

namespace rv1 = feature::review::v1;
using google::protobuf::Struct;
using google::protobuf::Value;

namespace {

bool parseStruct(const std::string& json, Struct* out)
{
    return !json.empty() && google::protobuf::util::JsonStringToMessage(json, out).ok();
}

const Value* field(const Struct& s, const char* name)
{
    const auto it = s.fields().find(name);
    return it == s.fields().end() ? nullptr : &it->second;
}

std::string text(const Struct& s, const char* name)
{
    const Value* v = field(s, name);
    return v && v->kind_case() == Value::kStringValue ? v->string_value() : std::string();
}

int number(const Struct& s, const char* name)
{
    const Value* v = field(s, name);
    return v && v->kind_case() == Value::kNumberValue ? static_cast<int>(v->number_value()) : 0;
}

rv1::Severity severityOf(const std::string& name)
{
    if (name == "critical")
        return rv1::SEVERITY_CRITICAL;
    if (name == "high")
        return rv1::SEVERITY_HIGH;
    if (name == "medium")
        return rv1::SEVERITY_MEDIUM;
    if (name == "low")
        return rv1::SEVERITY_LOW;
    return rv1::SEVERITY_UNSPECIFIED;
}

rv1::FindingSource sourceOf(const std::string& name)
{
    if (name == "secrets")
        return rv1::FINDING_SOURCE_SECRETS;
    if (name == "security")
        return rv1::FINDING_SOURCE_SECURITY;
    if (name == "policy")
        return rv1::FINDING_SOURCE_POLICY;
    if (name == "model")
        return rv1::FINDING_SOURCE_MODEL;
    return rv1::FINDING_SOURCE_UNSPECIFIED;
}

// The round number of a "done/review/<n>" key, -1 for anything else.
int roundOfKey(const std::string& key)
{
    const std::size_t prefix = std::char_traits<char>::length(ReviewJournal::kPrefix);
    int round = -1;
    const char* begin = key.data() + prefix;
    const char* end = key.data() + key.size();
    const auto [ptr, ec] = std::from_chars(begin, end, round);
    return ec == std::errc() && ptr == end ? round : -1;
}

} // namespace

rv1::ReviewDecision ReviewJournal::decisionOf(const std::string& name)
{
    if (name == "approve")
        return rv1::REVIEW_DECISION_APPROVE;
    if (name == "iterate")
        return rv1::REVIEW_DECISION_ITERATE;
    if (name == "manual_review")
        return rv1::REVIEW_DECISION_MANUAL_REVIEW;
    if (name == "abort")
        return rv1::REVIEW_DECISION_ABORT;
    return rv1::REVIEW_DECISION_UNSPECIFIED;
}

bool ReviewJournal::readInto(store::Connection& c, const std::string& executionId, int round,
                             rv1::GetDiffResponse* out)
{
    if (round >= 0) {
        const auto value =
            store::JournalStore::get(c, executionId, kPrefix + std::to_string(round));
        return value && parseInto(*value, out);
    }
    // Keys sort as text ("10" before "2"): pick the highest number.
    int newest = -1;
    std::string value;
    for (auto& [key, entry] : store::JournalStore::listPrefix(c, executionId, kPrefix)) {
        const int n = roundOfKey(key);
        if (n > newest) {
            newest = n;
            value = std::move(entry);
        }
    }
    return newest >= 0 && parseInto(value, out);
}

bool ReviewJournal::parseInto(const std::string& value, rv1::GetDiffResponse* out)
{
    Struct outer;
    if (!parseStruct(value, &outer))
        return false;
    out->set_risk_score(number(outer, "risk_score"));
    out->set_decision(decisionOf(text(outer, "decision")));
    out->clear_findings();
    Struct report;
    // A pass-through review (no reviewer configured) journals no report.
    if (!parseStruct(text(outer, "report"), &report))
        return true;
    out->set_risk_score(number(report, "risk_score"));
    out->set_decision(decisionOf(text(report, "decision")));
    const Value* findings = field(report, "findings");
    if (!findings || findings->kind_case() != Value::kListValue)
        return true;
    out->mutable_findings()->Reserve(findings->list_value().values_size());
    for (const auto& item : findings->list_value().values()) {
        if (item.kind_case() != Value::kStructValue)
            continue;
        const Struct& f = item.struct_value();
        auto* finding = out->add_findings();
        finding->set_id(text(f, "id"));
        finding->set_rule_id(text(f, "rule_id"));
        finding->set_severity(severityOf(text(f, "severity")));
        finding->set_source(sourceOf(text(f, "source")));
        finding->set_file(text(f, "file"));
        finding->set_line(number(f, "line"));
        finding->set_message(text(f, "message"));
        finding->set_fix_hint(text(f, "fix_hint"));
    }
    return true;
}

} // namespace builder::core
