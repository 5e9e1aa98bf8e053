#pragma once
// How projects are shown: the list (cfund project list) and one project in full
// (cfund project show), as text aligned by display width or as JSON.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "books/projects.hpp"
#include "util/message.hpp"

namespace cfund::render {

std::string projects_text(const std::vector<books::ProjectStatus>& projects, Lang lang);
nlohmann::json projects_json(const std::vector<books::ProjectStatus>& projects);

std::string project_text(const books::ProjectDetail& detail, Lang lang);
nlohmann::json project_json(const books::ProjectDetail& detail);

}  // namespace cfund::render
