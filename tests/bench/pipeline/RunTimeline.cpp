#include "RunTimeline.h"

#include <cmath>
#include <functional>

namespace builder::bench {

namespace fv1 = feature::feature::v1;

double RunTimeline::millis(const fv1::FeatureEvent& event)
{
    return static_cast<double>(event.timestamp().seconds()) * 1000.0 +
           static_cast<double>(event.timestamp().nanos()) / 1e6;
}

std::string RunTimeline::field(const fv1::FeatureEvent& event, const std::string& key)
{
    const auto& fields = event.payload().fields();
    auto it = fields.find(key);
    if (it == fields.end())
        return {};
    if (it->second.has_number_value())
        return std::to_string(static_cast<long long>(std::llround(it->second.number_value())));
    return it->second.string_value();
}

std::vector<RunTimeline::Phase> RunTimeline::phases(const std::vector<fv1::FeatureEvent>& events,
                                                    double createdAtMs, double doneAtMs,
                                                    std::optional<double> mirrorDoneMs)
{
    using Match = std::function<bool(const fv1::FeatureEvent&)>;
    auto type = [](std::string t) {
        return Match([t](const fv1::FeatureEvent& e) { return e.type() == t; });
    };
    auto typeWith = [](std::string t, std::string key, std::string value) {
        return Match([t, key, value](const fv1::FeatureEvent& e) {
            return e.type() == t && field(e, key) == value;
        });
    };
    auto at = [&](const Match& match) -> std::optional<double> {
        for (const auto& e : events)
            if (match(e))
                return millis(e);
        return std::nullopt;
    };
    struct Milestone
    {
        std::string label;
        std::optional<double> ms;
    };
    std::vector<Milestone> milestones = {
        {"Create RPC, queue, job pickup", at(typeWith("stage.started", "stage", "workspace"))},
        {"mirror fetch / clone", mirrorDoneMs},
        {"worktree creation", at(type("workspace.ready"))},
        {"normalize spec (LLM)", at(type("spec.normalized"))},
        {"ranking (localize)", at(type("impact.ranked"))},
        {"impact choice (LLM)", at(type("impact.analyzed"))},
        {"plan (LLM)", at(type("plan.created"))},
    };
    for (int step = 0;; ++step) {
        auto done = at(typeWith("step.completed", "step", std::to_string(step)));
        if (!done)
            break;
        milestones.push_back({"step " + std::to_string(step + 1) + " edit + commit", done});
    }
    milestones.push_back({"verify (nothing to run)", at(type("test.completed"))});
    milestones.push_back({"review", at(type("review.completed"))});
    milestones.push_back({"push", at(type("delivery.pushed"))});
    milestones.push_back({"artifacts, COMPLETED", at(type("feature.completed"))});
    milestones.push_back({"client sees COMPLETED", doneAtMs});

    std::vector<Phase> out;
    double previous = createdAtMs;
    for (const auto& m : milestones) {
        // A missing (or out of order) milestone folds into the next phase; -1 marks it.
        if (!m.ms || *m.ms < previous) {
            out.push_back({m.label, -1});
            continue;
        }
        out.push_back({m.label, *m.ms - previous});
        previous = *m.ms;
    }
    return out;
}

} // namespace builder::bench
