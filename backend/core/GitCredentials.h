#pragma once

#include "feature/repository/v1/repository.pb.h"
#include "git/GitCredential.h"

namespace builder::core {

// Translates the wire credential into the git layer's in-memory credential.
class GitCredentials
{
public:
    static git::GitCredential fromProto(const feature::repository::v1::Credential& credential);
};

} // namespace builder::core
