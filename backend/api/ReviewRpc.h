#pragma once

namespace builder::core {
class ReviewManager;
}

namespace builder::api {

class RpcRegistry;

// feature.review.v1.ReviewService: GetDiff and ReviewPatch for every role;
// Approve, RequestChanges and Reject for reviewers and admins (the manager
// refuses a feature's author whatever the role).
class ReviewRpc
{
public:
    static void registerAll(RpcRegistry& registry, core::ReviewManager& reviews);
};

} // namespace builder::api
