// AI and ML providers: OpenAI, Anthropic, Hugging Face and other model APIs.
#include "SecretRuleTable.h"

namespace builder::review {

std::vector<SecretRule> SecretRuleTable::ai()
{
    const auto H = Severity::High;
    return {
        token("openai-project-key", "OpenAI project API key", {"sk-proj-"},
              "sk-proj-[A-Za-z0-9_-]{40,250}"),
        token("openai-service-account-key", "OpenAI service account key", {"sk-svcacct-"},
              "sk-svcacct-[A-Za-z0-9_-]{40,250}"),
        token("openai-admin-key", "OpenAI admin key", {"sk-admin-"},
              "sk-admin-[A-Za-z0-9_-]{40,250}"),
        led("openai-api-key-legacy", "OpenAI API key (legacy format)", "T3BlbkFJ",
            "sk-[A-Za-z0-9]{20}", "T3BlbkFJ[A-Za-z0-9]{20}"),
        token("anthropic-api-key", "Anthropic API key", {"sk-ant-api03-"},
              "sk-ant-api03-[A-Za-z0-9_-]{93}AA"),
        token("anthropic-admin-key", "Anthropic admin key", {"sk-ant-admin01-"},
              "sk-ant-admin01-[A-Za-z0-9_-]{93}AA"),
        token("huggingface-token", "Hugging Face access token", {"hf_"}, "hf_[A-Za-z]{34}"),
        token("huggingface-org-token", "Hugging Face organization token", {"api_org_"},
              "api_org_[A-Za-z]{34}"),
        token("replicate-token", "Replicate API token", {"r8_"}, "r8_[A-Za-z0-9]{37}"),
        token("groq-api-key", "Groq API key", {"gsk_"}, "gsk_[A-Za-z0-9]{52}"),
        token("perplexity-api-key", "Perplexity API key", {"pplx-"}, "pplx-[A-Za-z0-9]{48}"),
        token("xai-api-key", "xAI API key", {"xai-"}, "xai-[A-Za-z0-9]{80}"),
        keyed("cohere-api-key", "Cohere API key", {"cohere", "co_api_key"}, "[A-Za-z0-9]{40}", H,
              kRandomEntropy),
        keyed("mistral-api-key", "Mistral API key", {"mistral"}, "[A-Za-z0-9]{32}", H,
              kRandomEntropy),
        token("pinecone-api-key", "Pinecone API key", {"pcsk_"}, "pcsk_[A-Za-z0-9_]{50,80}"),
        keyed("wandb-api-key", "Weights & Biases API key", {"wandb"}, "\\l{40}", H),
        token("langsmith-api-key", "LangSmith API key", {"lsv2_pt_", "lsv2_sk_"},
              "lsv2_[a-z]{2}_\\l{32}_\\l{10}"),
    };
}

} // namespace builder::review
