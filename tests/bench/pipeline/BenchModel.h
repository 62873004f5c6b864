#pragma once

#include "FakeReply.h"
#include "FakeRequest.h"
#include "SyntheticRepo.h"

#include <QString>

#include <atomic>
#include <string>
#include <vector>

namespace builder::bench {

// The model's side of the benchmark feature, answered at once: a normalised
// spec, the three target files as the impact, a three-step plan (one file per
// step), one exact search/replace edit per step, and a review without findings.
class BenchModel
{
public:
    explicit BenchModel(std::vector<SyntheticRepo::Target> targets);

    // The fake server's responder (called on the server's thread).
    fakes::FakeReply answer(const fakes::FakeRequest& request);

    static QString title(int run); // unique per run, so each run gets its own branch
    static QString description();
    // The line step `step` appends after the first line of its target file.
    static QString addedLine(int step);

    int requests() const { return m_requests.load(); }
    int unanswered() const { return m_unanswered.load(); }

private:
    std::vector<SyntheticRepo::Target> m_targets;
    std::atomic<int> m_requests{0};
    std::atomic<int> m_unanswered{0};
};

} // namespace builder::bench
