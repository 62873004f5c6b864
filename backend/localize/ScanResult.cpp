#include "localize/ScanResult.h"

namespace builder::localize {

std::string_view contentStatusName(ContentStatus status)
{
    switch (status) {
    case ContentStatus::Indexed:
        return "indexed";
    case ContentStatus::Binary:
        return "binary";
    case ContentStatus::TooLarge:
        return "too_large";
    case ContentStatus::Symlink:
        return "symlink";
    case ContentStatus::Submodule:
        return "submodule";
    case ContentStatus::Missing:
        return "missing";
    case ContentStatus::Unreadable:
        return "unreadable";
    }
    return "unreadable";
}

} // namespace builder::localize
