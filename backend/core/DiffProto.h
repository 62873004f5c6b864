#pragma once

#include "common/diff/UnifiedDiff.h"
#include "feature/review/v1/review.pb.h"

#include <google/protobuf/repeated_ptr_field.h>

namespace builder::core {

// The shared unified-diff model (common::diff) in the wire contract's words:
// files, hunks and lines with their old/new numbers, for GetDiff.
class DiffProto
{
public:
    static void toProto(const common::diff::UnifiedDiff& diff,
                        google::protobuf::RepeatedPtrField<feature::review::v1::DiffFile>* out);
    static void toProto(const common::diff::DiffFile& file, feature::review::v1::DiffFile* out);
};

} // namespace builder::core
