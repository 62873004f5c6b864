#pragma once

#include "common/Fnv1a.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace builder::localize {

// 64-bit FNV-1a of a term. Terms are stored and compared by this hash alone (in
// memory and in the cache), so it must never change without bumping the cache
// version; 64 bits make a collision among a repository's terms negligible.
// The tokenizer hashes while it lower-cases, with the same two constants.
constexpr std::uint64_t kFnvOffset = common::Fnv1a::kOffset;
constexpr std::uint64_t kFnvPrime = common::Fnv1a::kPrime;

inline std::uint64_t termHash(std::string_view term)
{
    return common::Fnv1a::of(term);
}

} // namespace builder::localize

namespace builder::localize {

// The open-addressing slot of a hash: FNV's low bits alone cluster, so fold the
// high half in first.
inline std::size_t hashSlot(std::uint64_t hash, std::size_t mask)
{
    return static_cast<std::size_t>(hash ^ (hash >> 31)) & mask;
}

} // namespace builder::localize
