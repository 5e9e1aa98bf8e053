#pragma once
// The sections of a notice about what the fund does besides money (report/community.hpp):
// households and people helped, micro-wishes, volunteer service, credit points. Never
// money: each says so. Private to lib/render (notice_document.cpp numbers and places them).

#include <string>

#include "render/notice_document.hpp"
#include "report/community.hpp"

namespace cfund::render {

NoticeSection people_section(const report::CommunityReport& c, std::string heading, Lang lang);
NoticeSection wishes_section(const report::CommunityReport& c, std::string heading, Lang lang);
NoticeSection service_section(const report::CommunityReport& c, std::string heading, Lang lang);
NoticeSection points_section(const report::CommunityReport& c, std::string heading, Lang lang);

// The same figures for a whole year, as tables of the annual work report: households and
// people helped, volunteer hours and people by activity and project, micro-wishes and points.
void community_year_tables(const report::CommunityReport& c, Lang lang, NoticeSection& section);

}  // namespace cfund::render
