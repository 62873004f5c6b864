#include "StageSchemas.h"

namespace builder::pipeline {

std::string StageSchemas::normalizedSpec()
{
    return R"({
  "type": "object",
  "required": ["problem_statement", "requirements", "acceptance_criteria"],
  "properties": {
    "problem_statement": {"type": "string", "minLength": 10},
    "requirements": {"type": "array", "minItems": 1, "maxItems": 40,
                     "items": {"type": "string", "minLength": 3}},
    "acceptance_criteria": {"type": "array", "minItems": 1, "maxItems": 40,
                            "items": {"type": "string", "minLength": 3}},
    "out_of_scope": {"type": "array", "items": {"type": "string"}},
    "search_terms": {"type": "array", "maxItems": 40, "items": {"type": "string"}}
  }
})";
}

std::string StageSchemas::impact()
{
    return R"({
  "type": "object",
  "required": ["direct", "indirect"],
  "properties": {
    "direct": {"type": "array", "maxItems": 60, "items": {
      "type": "object", "required": ["path", "reason"],
      "properties": {"path": {"type": "string", "minLength": 1},
                     "reason": {"type": "string"}}}},
    "indirect": {"type": "array", "maxItems": 60, "items": {
      "type": "object", "required": ["path", "reason"],
      "properties": {"path": {"type": "string", "minLength": 1},
                     "reason": {"type": "string"}}}},
    "new_files": {"type": "array", "maxItems": 40, "items": {
      "type": "object", "required": ["path", "reason"],
      "properties": {"path": {"type": "string", "minLength": 1},
                     "reason": {"type": "string"}}}}
  }
})";
}

std::string StageSchemas::plan(int maxSteps)
{
    return R"({
  "type": "object",
  "required": ["summary", "steps"],
  "properties": {
    "summary": {"type": "string", "minLength": 3},
    "steps": {"type": "array", "minItems": 1, "maxItems": )" +
           std::to_string(maxSteps) + R"(, "items": {
      "type": "object", "required": ["description", "type", "target_files"],
      "properties": {
        "description": {"type": "string", "minLength": 3},
        "type": {"type": "string", "enum": ["create_file", "modify_file", "delete_file",
                 "rename_file", "add_dependency", "refactor", "test", "documentation"]},
        "target_files": {"type": "array", "minItems": 1, "maxItems": 20,
                         "items": {"type": "string", "minLength": 1}},
        "depends_on": {"type": "array", "items": {"type": "integer", "minimum": 0}}
      }}}
  }
})";
}

std::string StageSchemas::codeChange()
{
    return R"({
  "type": "object",
  "required": ["summary", "commit_message", "edits"],
  "properties": {
    "summary": {"type": "string", "minLength": 3},
    "commit_message": {"type": "string", "minLength": 3, "maxLength": 2000},
    "edits": {"type": "array", "minItems": 1, "maxItems": 40, "items": {
      "type": "object", "required": ["action", "path"],
      "properties": {
        "action": {"type": "string", "enum": ["create", "modify", "delete", "rename"]},
        "path": {"type": "string", "minLength": 1},
        "new_path": {"type": "string"},
        "content": {"type": "string"},
        "blocks": {"type": "array", "items": {
          "type": "object", "required": ["search", "replace"],
          "properties": {"search": {"type": "string", "minLength": 1},
                         "replace": {"type": "string"}}}}
      }}}
  }
})";
}

} // namespace builder::pipeline
