#pragma once

#include <string>
#include <vector>

namespace builder::pipeline {

// One exact search/replace block of a modify edit.
struct ReplaceBlock
{
    std::string search;
    std::string replace;
};

// One edit the model asked for, as parsed from the GenerateCode output.
struct FileEdit
{
    enum class Action
    {
        Create,
        Modify,
        Delete,
        Rename
    };
    Action action = Action::Modify;
    std::string path;
    std::string newPath;              // rename only
    std::string content;              // create only: the whole file
    std::vector<ReplaceBlock> blocks; // modify only
};

// The GenerateCode stage's answer for one step.
struct CodeChange
{
    std::string summary;
    std::string commitMessage;
    std::vector<FileEdit> edits;
};

} // namespace builder::pipeline
