#include "UsageTotals.h"

#include "store/ExecutionRuntimeStore.h"

namespace builder::pipeline {

void UsageTotals::addTo(store::Connection& c, const std::string& executionId,
                        google::protobuf::Struct& payload)
{
    const auto usage = store::ExecutionRuntimeStore::usage(c, executionId);
    auto& fields = *payload.mutable_fields();
    fields["llm_calls"].set_number_value(usage.llmCalls);
    fields["tokens_in"].set_number_value(static_cast<double>(usage.tokensIn));
    fields["tokens_out"].set_number_value(static_cast<double>(usage.tokensOut));
    fields["cost_usd"].set_number_value(static_cast<double>(usage.costMicros) / 1e6);
}

} // namespace builder::pipeline
