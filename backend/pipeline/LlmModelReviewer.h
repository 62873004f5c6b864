#pragma once

#include "RunContext.h"
#include "review/ModelReviewer.h"

namespace builder::pipeline {

// The architecture review by the LLM (public API breaks, layering
// violations, ...), journaled like every other call; the Reviewer marks its
// findings as model opinion.
class LlmModelReviewer : public review::ModelReviewer
{
public:
    LlmModelReviewer(RunContext& ctx, std::string scope) : m_ctx(ctx), m_scope(std::move(scope)) {}

    common::Result<std::vector<review::Finding>>
    review(std::string_view diffText, const std::vector<std::string>& changedFiles) override;

    static std::string schema();

private:
    RunContext& m_ctx;
    std::string m_scope;
};

} // namespace builder::pipeline
